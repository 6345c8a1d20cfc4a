"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { usePortalViewer } from "../../../../components/shell/portal-viewer";
import { Badge, enumLabel } from "../../../../components/ui/badge";
import { Card, PageHeader } from "../../../../components/ui/page-header";
import { EmptyState, ErrorState, Loading, Notice } from "../../../../components/ui/states";
import { FormErrors } from "../../../../components/ui/user-errors";
import { graphql } from "../../../../lib/graphql";
import { InviteForm } from "../_components/invite-form";

const PortalUsersQuery = graphql(`
  query PortalUsers($clientId: ID!) {
    client(id: $clientId) { id users(first: 100) { totalCount edges { node { id name email role status } } } }
  }
`);

const RemovePortalUser = graphql(`
  mutation RemovePortalUser($input: RemoveClientUserInput!) { removeClientUser(input: $input) { userErrors { message } } }
`);

const ChangePortalUserRole = graphql(`
  mutation ChangePortalUserRole($input: UpdateClientUserInput!) { updateClientUser(input: $input) { clientUser { id role } userErrors { message } } }
`);

const statusTone = (status: string) => (status === "ACTIVE" ? "ok" : status === "INVITED" ? "info" : "neutral");

/** Client ADMINs manage who from their organisation may use the portal. */
export default function PortalUsers() {
  const viewer = usePortalViewer();
  const admin = viewer.clientRole === "ADMIN";
  const [{ data, fetching, error }, refetch] = useQuery({ query: PortalUsersQuery, variables: { clientId: viewer.client.id }, pause: !admin });
  const [removal, remove] = useMutation(RemovePortalUser);
  const [roleChange, changeRole] = useMutation(ChangePortalUserRole);
  const [problems, setProblems] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: "network-only" });
  if (!admin) return <Notice tone="info" title="Only your organisation's portal admins manage users">Ask one of them, or your IT provider, to add a colleague.</Notice>;
  const users = data?.client.users;

  async function setRole(user: { id: string }, role: "ADMIN" | "VIEW_ONLY") {
    const result = await changeRole({ input: { id: user.id, role } });
    setProblems(result.data?.updateClientUser.userErrors.map((e) => e.message) ?? []);
    reload();
  }

  async function removeUser(user: { id: string; name: string }) {
    if (!window.confirm(`Remove ${user.name}? They can no longer sign in to the portal.`)) return;
    await remove({ input: { id: user.id } });
    reload();
  }

  return (
    <div className="ui-page">
      <PageHeader title="Users" description={`Who at ${viewer.client.name} can use this portal.`} />
      <Card title="Invite a colleague">
        <InviteForm onInvited={reload} />
      </Card>
      <Card title="People">
        {removal.error ? <ErrorState error={removal.error} title="The user was not removed" /> : null}
        {roleChange.error ? <ErrorState error={roleChange.error} title="The role was not changed" /> : null}
        <FormErrors messages={problems} />
        {fetching && !data ? (
          <Loading label="Loading users…" />
        ) : error && !data ? (
          <ErrorState error={error} title="Users could not be loaded" onRetry={reload} />
        ) : !users || users.edges.length === 0 ? (
          <EmptyState title="No users yet" />
        ) : (
          <div className="ui-table-wrap">
            <table className="ui-table">
              <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th><span className="ui-sr-only">Actions</span></th></tr></thead>
              <tbody>
                {users.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td data-label="Name"><strong>{node.name}</strong></td>
                    <td data-label="Email">{node.email}</td>
                    <td data-label="Role">
                      {node.email === viewer.email ? (node.role === "ADMIN" ? "Admin" : "Viewer") : (
                        <select className="ui-input" aria-label={`Role of ${node.name}`} value={node.role} disabled={roleChange.fetching} onChange={(event) => setRole(node, event.target.value as "ADMIN" | "VIEW_ONLY")}>
                          <option value="VIEW_ONLY">Viewer</option>
                          <option value="ADMIN">Admin</option>
                        </select>
                      )}
                    </td>
                    <td data-label="Status"><Badge tone={statusTone(node.status)}>{enumLabel(node.status)}</Badge></td>
                    <td className="ui-actions">
                      {node.email === viewer.email ? <span className="ui-muted">You</span> : (
                        <button type="button" className="ui-button" data-variant="danger" data-size="small" onClick={() => removeUser(node)} disabled={removal.fetching}>
                          Remove<span className="ui-sr-only"> {node.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
