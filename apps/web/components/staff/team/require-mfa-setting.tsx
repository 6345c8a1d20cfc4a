"use client";

import { useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { ErrorState, Notice } from "../../ui/states";

const TeamMfaQuery = graphql(`
  query TeamMfaSetting { viewer { id staffRole partner { id requireStaffMfa } } }
`);

const UpdatePartnerMutation = graphql(`
  mutation RequireStaffMfa($input: UpdatePartnerInput!) { updatePartner(input: $input) { id requireStaffMfa } }
`);

/**
 * The partner OWNER's switch that makes two-step sign-in compulsory for every staff member;
 * others see whether it is on. Those without an authenticator set one up at their next sign-in.
 */
export function RequireMfaSetting() {
  const [{ data, error }] = useQuery({ query: TeamMfaQuery });
  const [update, save] = useMutation(UpdatePartnerMutation);
  const [changed, setChanged] = useState(false);
  // What the owner chose, shown at once while the API saves it (null: as loaded).
  const [chosen, setChosen] = useState<boolean | null>(null);
  const hintId = useId();
  const viewer = data?.viewer;
  const partner = viewer?.partner;
  if (error) return <ErrorState error={error} title="The two-step sign-in setting could not be loaded" />;
  if (!partner) return null;
  const isOwner = viewer.staffRole === "OWNER";
  const toggle = async (requireStaffMfa: boolean) => {
    setChanged(false);
    setChosen(requireStaffMfa);
    const result = await save({ input: { id: partner.id, requireStaffMfa } });
    if (result.data?.updatePartner) setChanged(true);
    else setChosen(null);
  };
  const required = chosen ?? partner.requireStaffMfa;
  return (
    <div className="ui-form">
      <div className="ui-field">
        <label>
          <input type="checkbox" aria-describedby={hintId} checked={required} disabled={!isOwner || update.fetching} onChange={(event) => void toggle(event.target.checked)} />{" "}
          Require two-step sign-in for all staff
        </label>
        <span id={hintId} className="ui-field-hint">
          {isOwner ? "Staff without an authenticator app set one up at their next sign-in." : "Only an owner can change this."}
        </span>
      </div>
      {changed ? (
        <Notice tone="ok" title="Saved">
          {required ? "Every staff member now needs two-step sign-in." : "Two-step sign-in is now each person's choice."}
        </Notice>
      ) : null}
      {update.error ? <ErrorState error={update.error} title="The setting was not saved" /> : null}
    </div>
  );
}
