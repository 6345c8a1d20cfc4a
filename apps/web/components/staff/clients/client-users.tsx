"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, type TTone, enumLabel } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors } from "../../ui/user-errors";
import { InviteUserForm } from "./invite-user-form";

const ClientUsersQuery = graphql(`
  query ClientUsers($id: ID!) {
    client(id: $id) {
      id name
      users(first: 100) {
        totalCount
        edges { node { id name email role status createdAt } }
      }
    }
  }
`);

const RemoveClientUserMutation = graphql(`
  mutation RemoveClientUser($input: RemoveClientUserInput!) {
    removeClientUser(input: $input) {
      clientUser { id }
      userErrors { field message code }
    }
  }
`);

const UpdateClientUserMutation = graphql(`
  mutation UpdateClientUser($input: UpdateClientUserInput!) {
    updateClientUser(input: $input) {
      clientUser { id status role }
      userErrors { field message code }
    }
  }
`);

const statusTone = (status: string): TTone => (status === "ACTIVE" ? "ok" : status === "INVITED" ? "info" : "neutral");

export function ClientUsers({ id, canManage }: { id: string; canManage: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientUsersQuery, variables: { id } });
  const [removal, removeUser] = useMutation(RemoveClientUserMutation);
  const [update, updateUser] = useMutation(UpdateClientUserMutation);
  const [removeErrors, setRemoveErrors] = useState<string[]>([]);
  const [inviting, setInviting] = useState(false);
  const users = data?.client.users;

  const remove = async (user: { id: string; name: string }) => {
    if (!window.confirm(`Remove ${user.name}? They can no longer sign in to the portal.`)) return;
    const result = await removeUser({ input: { id: user.id } });
    const payload = result.data?.removeClientUser;
    setRemoveErrors(payload?.userErrors.map((e) => e.message) ?? []);
    if (payload?.clientUser) refetch({ requestPolicy: "network-only" });
  };

  const setDisabled = async (user: { id: string; name: string }, disabled: boolean) => {
    if (disabled && !window.confirm(`Disable ${user.name}? They are signed out everywhere and cannot sign in until enabled.`)) return;
    const result = await updateUser({ input: { id: user.id, disabled } });
    setRemoveErrors(result.data?.updateClientUser.userErrors.map((e) => e.message) ?? []);
    refetch({ requestPolicy: "network-only" });
  };

  const setRole = async (user: { id: string }, role: "ADMIN" | "VIEW_ONLY") => {
    const result = await updateUser({ input: { id: user.id, role } });
    setRemoveErrors(result.data?.updateClientUser.userErrors.map((e) => e.message) ?? []);
    refetch({ requestPolicy: "network-only" });
  };

  return (
    <Card
      id="users"
      title={users ? `Client users (${users.totalCount})` : "Client users"}
      actions={
        canManage ? (
          <button type="button" className="ui-button" data-size="small" data-variant={inviting ? undefined : "primary"} aria-expanded={inviting} onClick={() => setInviting((open) => !open)}>
            {inviting ? "Close" : "Invite user"}
          </button>
        ) : null
      }
    >
      {inviting ? <InviteUserForm clientId={id} onInvited={() => refetch({ requestPolicy: "network-only" })} /> : null}
      {fetching && !users ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
      {removal.error ? <ErrorState error={removal.error} title="The user was not removed" /> : null}
      {update.error ? <ErrorState error={update.error} title="The user was not changed" /> : null}
      <FormErrors messages={removeErrors} />
      {users && users.edges.length === 0 ? <EmptyState title="No portal users yet">Invite someone from the client's own staff.</EmptyState> : null}
      {users && users.edges.length > 0 ? (
        <div className="ui-table-wrap">
          <table className="ui-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Status</th>
                <th>Added</th>
                {canManage ? <th><span className="ui-sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {users.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td data-label="Name">{node.name}</td>
                  <td data-label="Email">{node.email}</td>
                  <td data-label="Role">
                    {canManage ? (
                      <select className="ui-input" aria-label={`Role of ${node.name}`} value={node.role} disabled={update.fetching} onChange={(event) => setRole(node, event.target.value as "ADMIN" | "VIEW_ONLY")}>
                        <option value="VIEW_ONLY">View only</option>
                        <option value="ADMIN">Admin</option>
                      </select>
                    ) : node.role === "VIEW_ONLY" ? "View only" : "Admin"}
                  </td>
                  <td data-label="Status"><Badge tone={statusTone(node.status)}>{enumLabel(node.status)}</Badge></td>
                  <td data-label="Added"><Time value={node.createdAt} /></td>
                  {canManage ? (
                    <td className="ui-actions">
                      {node.status !== "INVITED" ? (
                        <button type="button" className="ui-button" data-size="small" onClick={() => setDisabled(node, node.status === "ACTIVE")} disabled={update.fetching} aria-label={`${node.status === "ACTIVE" ? "Disable" : "Enable"} ${node.name}`} style={{ marginRight: "0.35rem" }}>
                          {node.status === "ACTIVE" ? "Disable" : "Enable"}
                        </button>
                      ) : null}
                      <button type="button" className="ui-button" data-size="small" data-variant="danger" onClick={() => remove(node)} disabled={removal.fetching} aria-label={`Remove ${node.name}`}>
                        Remove
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
