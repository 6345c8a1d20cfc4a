"use client";

import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states";
import { CreateWebhookForm } from "./create-webhook-form";
import { EndpointCard } from "./endpoint-card";
import "../staff.css";

const WebhooksQuery = graphql(`
  query WebhookEndpoints {
    webhookEventTypes
    webhookEndpoints(first: 50) {
      edges { node { id url description events enabled failingSince disabledAt disabledReason } }
    }
  }
`);

export function WebhooksView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebhooksQuery });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const catalog = data?.webhookEventTypes ?? [];
  const endpoints = data?.webhookEndpoints.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="ui-page">
      <PageHeader title="Webhooks" description="Send your partner's events to your own systems, signed per Standard Webhooks." />
      <Card title="New endpoint">
        {catalog.length > 0 ? <CreateWebhookForm catalog={catalog} onCreated={reload} /> : fetching ? <Loading /> : null}
      </Card>
      {error ? <ErrorState error={error} title="Webhook endpoints could not be loaded" onRetry={reload} /> : null}
      {!fetching && !error && endpoints.length === 0 ? <EmptyState title="No endpoints yet">Register one above; its events are then sent to it as they happen.</EmptyState> : null}
      {endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} catalog={catalog} onChanged={reload} />
      ))}
      <Notice tone="info">
        Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code>; verify them with the Standard Webhooks library and your secret. Failed deliveries are retried for about a day; an endpoint failing for 3 days is disabled and you are emailed.
      </Notice>
    </div>
  );
}
