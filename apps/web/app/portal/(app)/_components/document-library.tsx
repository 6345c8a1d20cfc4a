"use client";

import { useState } from "react";
import Markdown from "react-markdown";
import { useQuery } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { Card, PageHeader } from "../../../../components/ui/page-header";
import { Pager, useCursorPages } from "../../../../components/ui/pagination";
import { SearchField } from "../../../../components/ui/search-field";
import { EmptyState, ErrorState, Loading } from "../../../../components/ui/states";
import { Time } from "../../../../components/ui/time";
import { graphql } from "../../../../lib/graphql";

const PortalDocumentsQuery = graphql(`
  query PortalDocuments($clientId: ID!, $filter: DocumentFilter, $first: Int, $after: String, $last: Int, $before: String) {
    documents(clientId: $clientId, filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id title body updatedAt } }
    }
  }
`);

/** The documentation the MSP shares with this client: a searchable list and the open document. */
export function DocumentLibrary({ selectedId }: { selectedId: string | null }) {
  const { client } = usePortalViewer();
  const [search, setSearch] = useState("");
  const pages = useCursorPages(25);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalDocumentsQuery, variables: { clientId: client.id, filter: search ? { search } : {}, ...pages.page } });
  const documents = data?.documents;
  const open = documents?.edges.find(({ node }) => node.id === selectedId)?.node ?? documents?.edges[0]?.node;
  return (
    <div className="ui-page">
      <PageHeader title="Documentation" description={`What ${client.name}'s IT provider has written down for you: how-tos, contacts, procedures.`} />
      <div className="docs-layout">
        <Card>
          <SearchField label="Search titles" value={search} onSearch={(value) => { setSearch(value); pages.reset(); }} />
          {fetching && !data ? (
            <Loading label="Loading documents…" />
          ) : error && !data ? (
            <ErrorState error={error} title="The library could not be loaded" onRetry={() => refetch({ requestPolicy: "network-only" })} />
          ) : !documents || documents.edges.length === 0 ? (
            <EmptyState title={search ? "No documents match" : "No documents shared yet"} />
          ) : (
            <>
              <ul className="list" aria-label="Documents">
                {documents.edges.map(({ node }) => (
                  <li key={node.id}>
                    <a href={`/portal/docs?doc=${encodeURIComponent(node.id)}`} aria-current={node.id === open?.id ? "page" : undefined}>{node.title}</a>
                    <span className="muted small"><Time value={node.updatedAt} /></span>
                  </li>
                ))}
              </ul>
              <Pager pages={pages} pageInfo={documents.pageInfo} totalCount={documents.totalCount} shown={documents.edges.length} />
            </>
          )}
        </Card>
        {open ? (
          <Card title={open.title}>
            {/* react-markdown renders no raw HTML: a document cannot inject script into the portal. */}
            <article className="prose"><Markdown>{open.body}</Markdown></article>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
