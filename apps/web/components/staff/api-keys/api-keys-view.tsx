"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Checkbox } from "../../ui/field";
import { Card, PageHeader } from "../../ui/page-header";
import { Pager, useCursorPages } from "../../ui/pagination";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors } from "../../ui/user-errors";
import { CreateApiKeyForm } from "./create-api-key-form";
import "../staff.css";

const ApiKeysQuery = graphql(`
  query ApiKeys($first: Int, $after: String, $last: Int, $before: String, $includeRevoked: Boolean) {
    apiKeys(first: $first, after: $after, last: $last, before: $before, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id name prefix scopes createdAt lastUsedAt revokedAt } }
    }
  }
`);
const RevokeMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { apiKey { id revokedAt } userErrors { field message code } }
  }
`);

export function ApiKeysView() {
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const pages = useCursorPages(25);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApiKeysQuery, variables: { ...pages.page, includeRevoked } });
  const [revoke, revokeKey] = useMutation(RevokeMutation);
  const [messages, setMessages] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const keys = data?.apiKeys;

  const revokeNow = async (key: { id: string; name: string }) => {
    if (!window.confirm(`Revoke “${key.name}”? Anything using it stops working at once.`)) return;
    const result = await revokeKey({ input: { id: key.id } });
    setMessages(result.data?.revokeApiKey.userErrors.map((e) => e.message) ?? []);
    reload();
  };

  return (
    <div className="ui-page">
      <PageHeader title="API keys" description="Keys let your integrations call the mspgraph API with your partner's reach." />
      <Card title="New API key">
        <CreateApiKeyForm onCreated={reload} />
      </Card>
      <Card title="Keys" actions={<Checkbox label="Show revoked" checked={includeRevoked} onChange={(checked) => { setIncludeRevoked(checked); pages.reset(); }} />}>
        <FormErrors messages={messages} />
        {revoke.error ? <ErrorState error={revoke.error} title="The key was not revoked" /> : null}
        {error ? <ErrorState error={error} title="API keys could not be loaded" onRetry={() => refetch()} /> : null}
        {fetching && !keys ? <Loading label="Loading API keys…" /> : null}
        {keys && keys.edges.length === 0 ? <EmptyState title="No API keys yet">Create one above for each integration, so each can be revoked alone.</EmptyState> : null}
        {keys && keys.edges.length > 0 ? (
          <>
            <div className="ui-table-wrap">
              <table className="ui-table">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Key</th>
                    <th>Scopes</th>
                    <th>Created</th>
                    <th>Last used</th>
                    <th><span className="ui-sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {keys.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td data-label="Name">{node.name} {node.revokedAt ? <Badge tone="bad">Revoked</Badge> : null}</td>
                      <td data-label="Key" className="staff-mono">mspk_{node.prefix}_…</td>
                      <td data-label="Scopes">{node.scopes.includes("WRITE") ? "Read and write" : "Read only"}</td>
                      <td data-label="Created"><Time value={node.createdAt} /></td>
                      <td data-label="Last used"><Time value={node.lastUsedAt} /></td>
                      <td className="ui-actions">
                        {node.revokedAt ? (
                          <span className="ui-muted">revoked <Time value={node.revokedAt} /></span>
                        ) : (
                          <button type="button" className="ui-button" data-size="small" data-variant="danger" onClick={() => revokeNow(node)} disabled={revoke.fetching} aria-label={`Revoke ${node.name}`}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pages={pages} pageInfo={keys.pageInfo} totalCount={keys.totalCount} shown={keys.edges.length} />
          </>
        ) : null}
      </Card>
      <Notice tone="info">Send a key as <code>Authorization: Bearer mspk_…</code>. Keys cannot create keys or impersonate.</Notice>
    </div>
  );
}
