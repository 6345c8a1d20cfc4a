"use client";

import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Card } from "../../ui/page-header";
import { plural } from "../../ui/plural";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { AgentStatus } from "../agents/agent-status";
import { BackupState } from "../agents/backup-state";

const ClientSitesQuery = graphql(`
  query ClientSites($id: ID!) {
    client(id: $id) {
      id
      agents(first: 1) { totalCount }
      sites(first: 50) {
        totalCount
        edges {
          node {
            id name address
            agents(first: 100) {
              totalCount
              edges { node { id hostname os osVersion status lastSeenAt backups { id planName state lastStart } } }
            }
          }
        }
      }
    }
  }
`);

export function ClientSites({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientSitesQuery, variables: { id } });
  const client = data?.client;
  return (
    <Card id="sites" title={client ? `Sites and agents (${plural(client.sites.totalCount, "site")}, ${plural(client.agents.totalCount, "agent")})` : "Sites and agents"}>
      {fetching && !client ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
      {client && client.sites.edges.length === 0 ? <EmptyState title="No sites yet">Sites and their agents appear here once monitoring reports them.</EmptyState> : null}
      <div className="staff-stack">
        {client?.sites.edges.map(({ node: site }) => (
          <section key={site.id} aria-label={site.name}>
            <h3 style={{ margin: "0.25rem 0", fontSize: "0.95rem" }}>
              {site.name} {site.address ? <span className="ui-muted" style={{ fontWeight: 400 }}>· {site.address}</span> : null}
            </h3>
            {site.agents.edges.length === 0 ? (
              <p className="ui-muted">No agents at this site.</p>
            ) : (
              <div className="ui-table-wrap">
                <table className="ui-table">
                  <thead>
                    <tr>
                      <th>Hostname</th>
                      <th>OS</th>
                      <th>Status</th>
                      <th>Backup</th>
                    </tr>
                  </thead>
                  <tbody>
                    {site.agents.edges.map(({ node: agent }) => (
                      <tr key={agent.id}>
                        <td data-label="Hostname" className="staff-mono">{agent.hostname}</td>
                        <td data-label="OS">{agent.os} {agent.osVersion ?? ""}</td>
                        <td data-label="Status"><AgentStatus status={agent.status} lastSeenAt={agent.lastSeenAt} /></td>
                        <td data-label="Backup"><BackupState plans={agent.backups} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {site.agents.totalCount > site.agents.edges.length ? <p className="ui-muted">Showing {site.agents.edges.length} of {site.agents.totalCount} agents.</p> : null}
          </section>
        ))}
      </div>
    </Card>
  );
}
