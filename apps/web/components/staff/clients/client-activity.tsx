"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, enumLabel } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { alertStatusTone, severityTone } from "../alerts/alert-tones";

const ClientActivityQuery = graphql(`
  query ClientActivity($id: ID!) {
    client(id: $id) {
      id
      alerts(first: 10) {
        totalCount
        edges { node { id message severity status createdAt agent { id hostname } } }
      }
    }
    tickets(first: 10, filter: { clientId: $id }) {
      totalCount
      edges { node { id number subject statusLabel priority updatedAt assigneeName } }
    }
  }
`);

export function ClientActivity({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientActivityQuery, variables: { id } });
  const query = `clientId=${encodeURIComponent(id)}`;
  return (
    <div className="ui-grid" id="activity">
      <Card title={data ? `Alerts (${data.client.alerts.totalCount})` : "Alerts"} actions={<Link className="ui-link" href={`/alerts?${query}`}>All alerts</Link>}>
        {fetching && !data ? <Loading /> : null}
        {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
        {data && data.client.alerts.edges.length === 0 ? <EmptyState title="No alerts" /> : null}
        <ul className="staff-list">
          {data?.client.alerts.edges.map(({ node }) => (
            <li key={node.id}>
              <span className="staff-list-main">
                <span>{node.message}</span>
                <span className="staff-list-meta">
                  {node.agent ? `${node.agent.hostname} · ` : ""}
                  <Time value={node.createdAt} />
                </span>
              </span>
              <span>
                <Badge tone={severityTone(node.severity)}>{node.severity}</Badge> <Badge tone={alertStatusTone(node.status)}>{enumLabel(node.status)}</Badge>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={data ? `Tickets (${data.tickets.totalCount})` : "Tickets"} actions={<Link className="ui-link" href={`/tickets?${query}`}>All tickets</Link>}>
        {fetching && !data ? <Loading /> : null}
        {data && data.tickets.edges.length === 0 ? <EmptyState title="No tickets" /> : null}
        <ul className="staff-list">
          {data?.tickets.edges.map(({ node }) => (
            <li key={node.id}>
              <span className="staff-list-main">
                <Link className="ui-link" href={`/tickets/${encodeURIComponent(node.id)}`}>
                  #{node.number} {node.subject}
                </Link>
                <span className="staff-list-meta">
                  {node.assigneeName ?? "Unassigned"} · updated <Time value={node.updatedAt} />
                </span>
              </span>
              <Badge>{node.statusLabel}</Badge>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
