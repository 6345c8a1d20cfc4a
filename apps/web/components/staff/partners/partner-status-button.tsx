"use client";

import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";

const SuspendPartnerMutation = graphql(`
  mutation SuspendPartner($input: SuspendPartnerInput!) {
    suspendPartner(input: $input) { partner { id suspendedAt } userErrors { field message code } }
  }
`);
const ReactivatePartnerMutation = graphql(`
  mutation ReactivatePartner($input: ReactivatePartnerInput!) {
    reactivatePartner(input: $input) { partner { id suspendedAt } userErrors { field message code } }
  }
`);

type TPartner = { id: string; name: string; suspendedAt?: string | null };

/**
 * Suspend (after a confirmation) or Reactivate, as the partner's state calls for. Suspending
 * refuses its people and API keys at once; nothing is deleted, and reactivating restores them.
 */
export function PartnerStatusButton({ partner, onChanged }: { partner: TPartner; onChanged: () => void }) {
  const [suspending, suspend] = useMutation(SuspendPartnerMutation);
  const [reactivating, reactivate] = useMutation(ReactivatePartnerMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = suspending.fetching || reactivating.fetching;

  const run = async () => {
    setProblem(null);
    if (partner.suspendedAt) {
      const result = await reactivate({ input: { id: partner.id } });
      const message = result.error ? "The partner was not reactivated: try again." : result.data?.reactivatePartner.userErrors[0]?.message;
      if (message) return setProblem(message);
    } else {
      const question = `Suspend ${partner.name}? Its staff, client users and API keys are refused at once, until you reactivate it. Nothing is deleted.`;
      if (!window.confirm(question)) return;
      const result = await suspend({ input: { id: partner.id } });
      const message = result.error ? "The partner was not suspended: try again." : result.data?.suspendPartner.userErrors[0]?.message;
      if (message) return setProblem(message);
    }
    onChanged();
  };

  return (
    <>
      <button
        type="button"
        className="ui-button"
        data-size="small"
        data-variant={partner.suspendedAt ? undefined : "danger"}
        onClick={run}
        disabled={busy}
        aria-label={`${partner.suspendedAt ? "Reactivate" : "Suspend"} ${partner.name}`}
      >
        {partner.suspendedAt ? "Reactivate" : "Suspend"}
      </button>
      {problem ? (
        <span className="ui-field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
