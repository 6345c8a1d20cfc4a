"use client";

import { useCallback } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { PageHeader } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states";
import { useStaffViewer } from "../use-viewer";
import { IntegrationCard } from "./integration-card";
import { TicketProvider } from "./ticket-provider";
import "../staff.css";

const IntegrationsQuery = graphql(`
  query Integrations($manager: Boolean!) {
    integrations(first: 50) {
      edges {
        node {
          pluginId name description version capabilities status lastSyncAt lastError
          hasCredentials credentialsUpdatedAt config
          syncProgress { done total }
          webhookPath @include(if: $manager)
        }
      }
    }
    viewer { id partner { id ticketProvider } }
  }
`);

export function IntegrationsView() {
  const staff = useStaffViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: IntegrationsQuery, variables: { manager: staff.isManager }, pause: !staff.loaded });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const integrations = data?.integrations.edges.map(({ node }) => node) ?? [];
  const partner = data?.viewer?.partner;
  const providers = integrations.filter((i) => i.capabilities.includes("tickets") && i.pluginId !== "psa" && i.status !== "DISCONNECTED").map((i) => ({ value: i.pluginId, label: i.name }));
  return (
    <div className="ui-page">
      <PageHeader title="Integrations" description="Connect your PSA and backup services. Credentials are stored encrypted and never shown again." />
      {!staff.isManager && staff.loaded ? <Notice tone="info">Only owners and admins can connect or change integrations.</Notice> : null}
      {error ? <ErrorState error={error} title="Integrations could not be loaded" onRetry={reload} /> : null}
      {(fetching || !staff.loaded) && !data ? <Loading label="Loading integrations…" /> : null}
      {data && integrations.length === 0 ? <EmptyState title="No plugins are installed" /> : null}
      {partner ? <TicketProvider key={partner.ticketProvider} current={partner.ticketProvider} choices={providers} canManage={staff.isManager} onChanged={reload} /> : null}
      <div className="staff-stack">
        {integrations.filter((i) => i.pluginId !== "psa").map((integration) => (
          <IntegrationCard key={integration.pluginId} integration={integration} canManage={staff.isManager} onChanged={reload} />
        ))}
      </div>
    </div>
  );
}
