"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { SearchField } from "../../ui/search-field";
import { EmptyState } from "../../ui/states";
import { useTicketOptions } from "../tickets/ticket-options";
import { useFilteredPages } from "../url-filter";
import { AgentStatus } from "./agent-status";
import "../staff.css";

const AgentsQuery = graphql(`
  query Agents($first: Int, $after: String, $last: Int, $before: String, $filter: AgentFilter) {
    agents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id hostname os osVersion status lastSeenAt client { id name } site { id name } } }
    }
  }
`);

const KEYS = ["status", "clientId", "search"] as const;

export function AgentList() {
  const { values, setValues, pages } = useFilteredPages(KEYS, 50);
  const { clients } = useTicketOptions();
  const status = (["ONLINE", "OFFLINE"] as const).find((s) => s === values.status) ?? null;
  const filter = { status, clientId: values.clientId || null, search: values.search.trim() || null };
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgentsQuery, variables: { ...pages.page, filter } });
  const agents = data?.agents;
  return (
    <div className="ui-page">
      <PageHeader title="Agents" description="Every monitored machine across your clients." />
      <Card>
        <div className="ui-toolbar">
          <SearchField label="Hostname" value={values.search} onSearch={(search) => setValues({ search })} placeholder="Part of the hostname" />
          <SelectField label="Status" value={values.status} onChange={(value) => setValues({ status: value })} options={[{ value: "", label: "Online and offline" }, { value: "ONLINE", label: "Online" }, { value: "OFFLINE", label: "Offline" }]} />
          <SelectField label="Client" value={values.clientId} onChange={(clientId) => setValues({ clientId })} options={[{ value: "", label: "All clients" }, ...clients]} />
        </div>
        <ConnectionTable
          connection={agents}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Agents"
          empty={<EmptyState title="No agents match" />}
          columns={["Hostname", "Client", "Site", "OS", "Status"]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Hostname" className="staff-mono">{node.hostname}</td>
              <td data-label="Client"><Link className="ui-link" href={`/clients/${encodeURIComponent(node.client.id)}#sites`}>{node.client.name}</Link></td>
              <td data-label="Site">{node.site.name}</td>
              <td data-label="OS">{node.os} {node.osVersion ?? ""}</td>
              <td data-label="Status"><AgentStatus status={node.status} lastSeenAt={node.lastSeenAt} /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
