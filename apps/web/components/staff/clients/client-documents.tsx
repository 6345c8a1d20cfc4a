"use client";

import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";

const ClientDocumentsQuery = graphql(`
  query ClientDocuments($id: ID!) {
    client(id: $id) {
      id
      documents(first: 50) {
        totalCount
        edges { node { id title body visibility updatedAt } }
      }
    }
  }
`);

export function ClientDocuments({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientDocumentsQuery, variables: { id } });
  const documents = data?.client.documents;
  return (
    <Card id="documents" title={documents ? `Documents (${documents.totalCount})` : "Documents"}>
      {fetching && !documents ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
      {documents && documents.edges.length === 0 ? <EmptyState title="No documents yet" /> : null}
      <ul className="staff-list">
        {documents?.edges.map(({ node }) => (
          <li key={node.id}>
            <details className="staff-list-main">
              <summary style={{ cursor: "pointer", fontWeight: 600 }}>{node.title}</summary>
              <p style={{ whiteSpace: "pre-wrap", margin: "0.5rem 0 0" }}>{node.body}</p>
            </details>
            <span className="staff-list-meta">
              {node.visibility === "CLIENT" ? <Badge tone="info">Shown in portal</Badge> : <Badge>Internal</Badge>} · <Time value={node.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
