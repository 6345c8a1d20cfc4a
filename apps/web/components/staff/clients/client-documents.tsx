"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { DocumentForm } from "./document-form";

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

const DeleteDocumentMutation = graphql(`
  mutation DeleteDocument($input: DeleteDocumentInput!) {
    deleteDocument(input: $input) { document { id } userErrors { field message code } }
  }
`);

export function ClientDocuments({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientDocumentsQuery, variables: { id } });
  const [adding, setAdding] = useState(false);
  const [removal, deleteDocument] = useMutation(DeleteDocumentMutation);
  const documents = data?.client.documents;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const remove = async (document: { id: string; title: string }) => {
    if (!window.confirm(`Delete “${document.title}”?`)) return;
    await deleteDocument({ input: { id: document.id } });
    reload();
  };
  return (
    <Card
      id="documents"
      title={documents ? `Documents (${documents.totalCount})` : "Documents"}
      actions={
        <button type="button" className="ui-button" data-size="small" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
          {adding ? "Close" : "New document"}
        </button>
      }
    >
      {adding ? <DocumentForm clientId={id} onCreated={reload} /> : null}
      {fetching && !documents ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
      {removal.error ? <ErrorState error={removal.error} title="The document was not deleted" /> : null}
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
            <button type="button" className="ui-button" data-size="small" data-variant="danger" onClick={() => remove(node)} disabled={removal.fetching} aria-label={`Delete ${node.title}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
