"use client";

import { useQuery } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { Badge, enumLabel } from "../../../../components/ui/badge";
import { Card } from "../../../../components/ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../../../components/ui/states";
import { Time } from "../../../../components/ui/time";
import { statusTone } from "../../../../components/staff/tickets/ticket-tones";
import { graphql } from "../../../../lib/graphql";
import { BackupWidget } from "./backup-widget";

const PortalDashboardQuery = graphql(`
  query PortalDashboard($clientId: ID!) {
    client(id: $clientId) {
      id
      online: agents(status: ONLINE, first: 1) { totalCount }
      offline: agents(status: OFFLINE, first: 3) { totalCount edges { node { id hostname lastSeenAt } } }
      alerts(status: ACTIVE, first: 5) { totalCount edges { node { id message severity createdAt agent { hostname } } } }
      documents(first: 5) { totalCount edges { node { id title updatedAt } } }
      backupSummary { ok warning failed missed running unknown }
    }
    tickets(first: 5, filter: { clientId: $clientId }) {
      totalCount
      edges { node { id number subject status statusLabel updatedAt } }
    }
  }
`);

const severityTone = (severity: string) => (severity === "CRITICAL" ? "bad" : severity === "WARNING" ? "warn" : "info");

/** The portal's overview: machines, alerts, recent tickets and documentation at a glance. */
export function DashboardWidgets() {
  const { client } = usePortalViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalDashboardQuery, variables: { clientId: client.id } });
  if (fetching && !data) return <Loading label="Loading your overview…" />;
  if (error && !data) return <ErrorState error={error} title="Your overview could not be loaded" onRetry={() => refetch({ requestPolicy: "network-only" })} />;
  if (!data) return null;
  const { online, offline, alerts, documents, backupSummary } = data.client;
  const total = online.totalCount + offline.totalCount;
  return (
    <div className="grid-wide">
      <Card title="Your machines" actions={<a className="ui-link" href="/portal/assets">All assets</a>}>
        {total === 0 ? (
          <EmptyState title="No machines are monitored yet" />
        ) : (
          <div className="stack">
            <div className="row">
              <div className="metric"><span className="metric-value">{online.totalCount}</span><span className="metric-label">online</span></div>
              <div className="metric"><span className="metric-value">{offline.totalCount}</span><span className="metric-label">offline</span></div>
            </div>
            <div className="meter" aria-hidden="true"><span style={{ width: `${(online.totalCount / total) * 100}%` }} /></div>
            {offline.edges.length > 0 ? (
              <ul className="list">
                {offline.edges.map(({ node }) => (
                  <li key={node.id}><span className="list-title">{node.hostname}</span><span className="muted small">last seen <Time value={node.lastSeenAt} /></span></li>
                ))}
              </ul>
            ) : <p className="muted">Every machine is online.</p>}
          </div>
        )}
      </Card>
      <Card title={`Active alerts (${alerts.totalCount})`}>
        {alerts.edges.length === 0 ? (
          <EmptyState title="No active alerts">Nothing needs attention right now.</EmptyState>
        ) : (
          <ul className="list">
            {alerts.edges.map(({ node }) => (
              <li key={node.id}>
                <span><span className="list-title">{node.message}</span><br /><span className="muted small">{node.agent?.hostname ?? "Your environment"} · <Time value={node.createdAt} /></span></span>
                <Badge tone={severityTone(node.severity)}>{enumLabel(node.severity)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent tickets" actions={<a className="ui-link" href="/portal/tickets/new">New ticket</a>}>
        {data.tickets.edges.length === 0 ? (
          <EmptyState title="No tickets yet"><a className="ui-link" href="/portal/tickets/new">Ask your IT provider for help</a></EmptyState>
        ) : (
          <ul className="list">
            {data.tickets.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={`/portal/tickets/${encodeURIComponent(node.id)}`}><span className="muted">#{node.number}</span> {node.subject}</a>
                <Badge tone={statusTone(node.status)}>{node.statusLabel}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <BackupWidget summary={backupSummary} />
      <Card title="Documentation" actions={<a className="ui-link" href="/portal/docs">Library</a>}>
        {documents.edges.length === 0 ? (
          <EmptyState title="No documents shared yet" />
        ) : (
          <ul className="list">
            {documents.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={`/portal/docs?doc=${encodeURIComponent(node.id)}`}>{node.title}</a>
                <span className="muted small">updated <Time value={node.updatedAt} /></span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
