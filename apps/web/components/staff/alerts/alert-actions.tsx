"use client";

import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { describeError } from "../../ui/describe-error";

const AcknowledgeMutation = graphql(`
  mutation AcknowledgeAlert($input: AlertActionInput!) {
    acknowledgeAlert(input: $input) { alert { id status acknowledgedAt } userErrors { field message code } }
  }
`);
const ResolveMutation = graphql(`
  mutation ResolveAlert($input: AlertActionInput!) {
    resolveAlert(input: $input) { alert { id status resolvedAt } userErrors { field message code } }
  }
`);

/** Acknowledge (ACTIVE only) and Resolve (until RESOLVED), with the API's refusal shown beside them. */
export function AlertActions({ alert, onChanged }: { alert: { id: string; status: string; message: string }; onChanged: () => void }) {
  const [ack, acknowledge] = useMutation(AcknowledgeMutation);
  const [res, resolve] = useMutation(ResolveMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (action: "acknowledge" | "resolve") => {
    const result = action === "acknowledge" ? await acknowledge({ input: { id: alert.id } }) : await resolve({ input: { id: alert.id } });
    const payload = result.data && ("acknowledgeAlert" in result.data ? result.data.acknowledgeAlert : result.data.resolveAlert);
    const message = result.error ? `${describeError(result.error).message}` : (payload?.userErrors[0]?.message ?? null);
    setProblem(message);
    onChanged();
  };
  if (alert.status === "RESOLVED") return null;
  return (
    <span style={{ display: "inline-flex", gap: "0.35rem", justifyContent: "flex-end", alignItems: "center" }}>
      {alert.status === "ACTIVE" ? (
        <button type="button" className="ui-button" data-size="small" disabled={ack.fetching} onClick={() => run("acknowledge")} aria-label={`Acknowledge: ${alert.message}`}>
          Acknowledge
        </button>
      ) : null}
      <button type="button" className="ui-button" data-size="small" disabled={res.fetching} onClick={() => run("resolve")} aria-label={`Resolve: ${alert.message}`}>
        Resolve
      </button>
      {problem ? <span className="ui-field-error" role="alert">{problem}</span> : null}
    </span>
  );
}
