"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Checkbox } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { useCursorPages } from "../../ui/pagination";
import { EmptyState, ErrorState, Notice } from "../../ui/states";
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
        <ConnectionTable
          connection={keys}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="API keys"
          empty={<EmptyState title="No API keys yet">Create one above for each integration, so each can be revoked alone.</EmptyState>}
          columns={["Name", "Key", "Scopes", "Created", "Last used", ""]}
          pages={pages}
          row={(node) => (
            <tr>
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
          )}
        />
      </Card>
      <Notice tone="info">Send a key as <code>Authorization: Bearer mspk_…</code>. Keys cannot create keys or impersonate.</Notice>
    </div>
  );
}
