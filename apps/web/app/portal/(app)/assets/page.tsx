"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { AgentStatus } from "../../../../components/staff/agents/agent-status";
import { BackupState } from "../../../../components/staff/agents/backup-state";
import { SelectField } from "../../../../components/ui/field";
import { Card, PageHeader } from "../../../../components/ui/page-header";
import { Pager, useCursorPages } from "../../../../components/ui/pagination";
import { SearchField } from "../../../../components/ui/search-field";
import { EmptyState, ErrorState, Loading } from "../../../../components/ui/states";
import { graphql } from "../../../../lib/graphql";

const PortalAssetsQuery = graphql(`
  query PortalAssets($filter: AgentFilter, $first: Int, $after: String, $last: Int, $before: String) {
    agents(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id hostname os osVersion status lastSeenAt site { name } backups { id planName state lastStart } } }
    }
  }
`);

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "ONLINE", label: "Online" },
  { value: "OFFLINE", label: "Offline" },
] as const;

export default function PortalAssets() {
  const { client } = usePortalViewer();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<"" | "ONLINE" | "OFFLINE">("");
  const pages = useCursorPages(25);
  const filter = { clientId: client.id, ...(search ? { search } : {}), ...(status ? { status } : {}) };
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalAssetsQuery, variables: { filter, ...pages.page } });
  const agents = data?.agents;
  return (
    <div className="ui-page">
      <PageHeader title="Assets" description="The machines your IT provider monitors for you." />
      <Card>
        <div className="ui-toolbar">
          <SearchField label="Search by name" value={search} onSearch={(value) => { setSearch(value); pages.reset(); }} placeholder="e.g. FD-RECEPTION" />
          <SelectField label="Status" value={status} options={STATUS_OPTIONS} onChange={(value) => { setStatus(value as typeof status); pages.reset(); }} />
        </div>
      </Card>
      <Card>
        {fetching && !data ? (
          <Loading label="Loading your machines…" />
        ) : error && !data ? (
          <ErrorState error={error} title="Your machines could not be loaded" onRetry={() => refetch({ requestPolicy: "network-only" })} />
        ) : !agents || agents.edges.length === 0 ? (
          <EmptyState title={search || status ? "No machines match" : "No machines are monitored yet"}>{search || status ? "Try another name or status." : null}</EmptyState>
        ) : (
          <>
            <div className="ui-table-wrap">
              <table className="ui-table">
                <thead><tr><th>Machine</th><th>Status</th><th>Backups</th><th>Operating system</th><th>Site</th></tr></thead>
                <tbody>
                  {agents.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td data-label="Machine"><strong>{node.hostname}</strong></td>
                      <td data-label="Status"><AgentStatus status={node.status} lastSeenAt={node.lastSeenAt} /></td>
                      <td data-label="Backups"><BackupState plans={node.backups} /></td>
                      <td data-label="Operating system">{node.os}{node.osVersion ? ` ${node.osVersion}` : ""}</td>
                      <td data-label="Site">{node.site.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pages={pages} pageInfo={agents.pageInfo} totalCount={agents.totalCount} shown={agents.edges.length} />
          </>
        )}
      </Card>
    </div>
  );
}
