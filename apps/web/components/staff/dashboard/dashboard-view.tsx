"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { severityTone } from "../alerts/alert-tones";
import { StatTile } from "./stat-tile";
import "../staff.css";

const DashboardQuery = graphql(`
  query Dashboard {
    viewer { id name partner { id name } }
    clients(first: 1) { totalCount }
    online: agents(first: 1, filter: { status: ONLINE }) { totalCount }
    offline: agents(first: 1, filter: { status: OFFLINE }) { totalCount }
    activeAlerts: alerts(first: 5, filter: { status: ACTIVE }) {
      totalCount
      edges { node { id message severity createdAt client { id name } } }
    }
    failedBackups: backupPlans(first: 1, filter: { state: FAILED }) { totalCount }
    missedBackups: backupPlans(first: 1, filter: { state: MISSED }) { totalCount }
    openTickets: tickets(first: 5, filter: { open: true }) {
      totalCount
      edges { node { id number subject statusLabel updatedAt client { id name } } }
    }
  }
`);

export function DashboardView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DashboardQuery });
  if (fetching && !data) return <Loading label="Loading the dashboard…" />;
  if (error || !data) return error ? <ErrorState error={error} title="The dashboard could not be loaded" onRetry={() => refetch()} /> : null;
  const { activeAlerts, openTickets } = data;
  return (
    <div className="ui-page">
      <PageHeader title="Dashboard" description={data.viewer?.partner ? `${data.viewer.partner.name} at a glance` : undefined} />
      <div className="staff-tiles">
        <StatTile href="/clients" label="Clients" value={data.clients.totalCount} tone="neutral" />
        <StatTile href="/agents?status=ONLINE" label="Agents online" value={data.online.totalCount} tone="ok" />
        <StatTile href="/agents?status=OFFLINE" label="Agents offline" value={data.offline.totalCount} tone={data.offline.totalCount > 0 ? "warn" : "neutral"} />
        <StatTile href="/alerts?status=ACTIVE" label="Active alerts" value={activeAlerts.totalCount} tone={activeAlerts.totalCount > 0 ? "bad" : "ok"} />
        <StatTile href="/tickets?open=true" label="Open tickets" value={openTickets.totalCount} tone="neutral" />
        <StatTile
          href="/backups?state=FAILED"
          label="Failed backups"
          value={data.failedBackups.totalCount}
          tone={data.failedBackups.totalCount > 0 ? "bad" : data.missedBackups.totalCount > 0 ? "warn" : "ok"}
          detail={data.missedBackups.totalCount > 0 ? `and ${data.missedBackups.totalCount} missed` : undefined}
        />
      </div>
      <div className="ui-grid">
        <Card title="Active alerts" actions={<Link className="ui-link" href="/alerts?status=ACTIVE">All alerts</Link>}>
          {activeAlerts.edges.length === 0 ? (
            <EmptyState title="No active alerts">Every client is quiet.</EmptyState>
          ) : (
            <ul className="staff-list">
              {activeAlerts.edges.map(({ node }) => (
                <li key={node.id}>
                  <span className="staff-list-main">
                    <span>{node.message}</span>
                    <span className="staff-list-meta">
                      <Link className="ui-link" href={`/clients/${encodeURIComponent(node.client.id)}`}>{node.client.name}</Link> · <Time value={node.createdAt} />
                    </span>
                  </span>
                  <Badge tone={severityTone(node.severity)}>{node.severity}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Open tickets" actions={<Link className="ui-link" href="/tickets?open=true">All tickets</Link>}>
          {openTickets.edges.length === 0 ? (
            <EmptyState title="No open tickets" />
          ) : (
            <ul className="staff-list">
              {openTickets.edges.map(({ node }) => (
                <li key={node.id}>
                  <span className="staff-list-main">
                    <Link className="ui-link" href={`/tickets/${encodeURIComponent(node.id)}`}>
                      #{node.number} {node.subject}
                    </Link>
                    <span className="staff-list-meta">
                      {node.client.name} · updated <Time value={node.updatedAt} />
                    </span>
                  </span>
                  <Badge>{node.statusLabel}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
