"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { ConnectionTable } from "../../ui/connection-table";
import { useCursorPages } from "../../ui/pagination";
import { EmptyState, ErrorState } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors } from "../../ui/user-errors";
import { deliveryOutcome, responseExcerpt } from "./webhook-words";

const DeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      ... on WebhookEndpoint {
        id
        deliveries(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { node { id webhookId eventType status attempts nextAttemptAt lastAttemptAt responseStatus responseTimeMs responseBody lastError createdAt } }
        }
      }
    }
  }
`);
const RedeliverMutation = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) { delivery { id status attempts } userErrors { field message code } }
  }
`);

/** An endpoint's delivery log, newest first, with Redeliver on each row. */
export function DeliveryLog({ endpointId, refreshKey }: { endpointId: string; refreshKey: number }) {
  const pages = useCursorPages(10);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DeliveriesQuery, variables: { id: endpointId, ...pages.page } });
  const [redeliver, redeliverNow] = useMutation(RedeliverMutation);
  const [messages, setMessages] = useState<string[]>([]);
  // The card bumps refreshKey after sending a test event, so its delivery shows.
  useEffect(() => {
    if (refreshKey > 0) refetch({ requestPolicy: "network-only" });
  }, [refreshKey, refetch]);
  const endpoint = data?.node && "deliveries" in data.node ? data.node : null;

  const again = async (id: string) => {
    const result = await redeliverNow({ input: { deliveryId: id } });
    setMessages(result.data?.redeliverWebhook.userErrors.map((e) => e.message) ?? []);
    refetch({ requestPolicy: "network-only" });
  };

  return (
    <div>
      <div className="ui-actions" style={{ justifyContent: "flex-end" }}>
        <button type="button" className="ui-button" data-size="small" onClick={() => refetch({ requestPolicy: "network-only" })}>Refresh log</button>
      </div>
      <FormErrors messages={messages} />
      {redeliver.error ? <ErrorState error={redeliver.error} title="The delivery was not queued again" /> : null}
      <ConnectionTable
        connection={endpoint?.deliveries}
        fetching={fetching}
        error={error}
        onRetry={() => refetch()}
        noun="deliveries"
        caption="Delivery log"
        empty={<EmptyState title="Nothing sent yet">Events of the chosen types appear here as they are sent; try Send test event.</EmptyState>}
        columns={["Event", "Outcome", "Attempts", "Response time", "Response", "Last attempt", ""]}
        pages={pages}
        row={(node) => {
          const outcome = deliveryOutcome(node);
          return (
            <tr>
              <td data-label="Event"><code>{node.eventType}</code><br /><span className="staff-mono ui-muted">{node.webhookId}</span></td>
              <td data-label="Outcome"><Badge tone={outcome.tone}>{outcome.label}</Badge>{node.nextAttemptAt ? <span className="ui-muted"> next <Time value={node.nextAttemptAt} /></span> : null}</td>
              <td data-label="Attempts">{node.attempts}</td>
              <td data-label="Response time">{node.responseTimeMs === null ? "–" : `${node.responseTimeMs} ms`}</td>
              <td data-label="Response" className="staff-mono" title={node.responseBody ?? undefined}>{responseExcerpt(node.responseBody)}</td>
              <td data-label="Last attempt"><Time value={node.lastAttemptAt} /></td>
              <td className="ui-actions">
                <button type="button" className="ui-button" data-size="small" onClick={() => again(node.id)} disabled={redeliver.fetching} aria-label={`Redeliver ${node.webhookId}`}>
                  Redeliver
                </button>
              </td>
            </tr>
          );
        }}
      />
    </div>
  );
}
