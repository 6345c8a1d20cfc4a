"use client";

import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, type TTone, enumLabel } from "../../ui/badge";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";

const EventsQuery = graphql(`
  query IntegrationEvents($pluginId: String!) {
    integrationEvents(first: 10, filter: { pluginId: $pluginId }) {
      totalCount
      edges { node { id kind status attempts maxAttempts lastError createdAt processedAt runAt } }
    }
  }
`);
const RetryMutation = graphql(`
  mutation RetryIntegrationEvent($input: RetryIntegrationEventInput!) {
    retryIntegrationEvent(input: $input) { event { id status } userErrors { field message code } }
  }
`);

const TONE: Record<string, TTone> = { DONE: "ok", PENDING: "info", PROCESSING: "info", DEAD: "bad" };

/** The plugin's recent background work (webhook deliveries, syncs), with a retry for parked ones. */
export function IntegrationEvents({ pluginId, canManage }: { pluginId: string; canManage: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventsQuery, variables: { pluginId }, requestPolicy: "network-only" });
  const [retry, retryEvent] = useMutation(RetryMutation);
  const events = data?.integrationEvents;
  const again = async (id: string) => {
    await retryEvent({ input: { id } });
    refetch({ requestPolicy: "network-only" });
  };
  if (fetching && !events) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => refetch()} />;
  if (!events || events.edges.length === 0) return <EmptyState title="No background work yet" />;
  return (
    <>
      {retry.error ? <ErrorState error={retry.error} title="Not queued again" /> : null}
      <ul className="staff-list">
        {events.edges.map(({ node }) => (
          <li key={node.id}>
            <span className="staff-list-main">
              <span>
                {node.kind} · <Time value={node.createdAt} />
              </span>
              <span className="staff-list-meta">
                {node.attempts} of {node.maxAttempts} tries{node.lastError ? ` · ${node.lastError}` : ""}
              </span>
            </span>
            <Badge tone={TONE[node.status] ?? "neutral"}>{enumLabel(node.status)}</Badge>
            {canManage && node.status === "DEAD" ? (
              <button type="button" className="ui-button" data-size="small" onClick={() => again(node.id)} disabled={retry.fetching}>
                Retry
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
