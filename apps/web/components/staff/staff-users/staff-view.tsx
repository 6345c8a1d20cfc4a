"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { FormErrors } from "../../ui/user-errors";
import { InvitationSent } from "./invitation-sent";
import { InviteStaffForm } from "./invite-staff-form";
import { RequireMfaSetting } from "../team/require-mfa-setting";
import { StaffRow } from "./staff-row";
import "../staff.css";

const StaffUsersQuery = graphql(`
  query StaffUsers {
    viewer {
      id email staffRole
      partner {
        id name
        staffUsers(first: 100) {
          totalCount
          edges { node { id name email role status invitationExpiresAt sessions { id } } }
        }
      }
    }
  }
`);

/** The partner's staff for its owners and admins: invite, re-role, rename, disable, remove, and their invitations and sessions. */
export function StaffView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StaffUsersQuery, requestPolicy: "cache-and-network" });
  const [inviting, setInviting] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [resent, setResent] = useState<{ name: string; email: string; link: string | null } | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const viewer = data?.viewer;
  const staff = viewer?.partner?.staffUsers;
  const isOwner = viewer?.staffRole === "OWNER";

  return (
    <div className="ui-page">
      <PageHeader title="Staff" description={viewer?.partner ? `Who works at ${viewer.partner.name}, and what they may do.` : undefined} />
      <Card
        title={staff ? `Staff (${staff.totalCount})` : "Staff"}
        actions={
          <button type="button" className="ui-button" data-size="small" data-variant={inviting ? undefined : "primary"} aria-expanded={inviting} onClick={() => setInviting((open) => !open)}>
            {inviting ? "Close" : "Invite a colleague"}
          </button>
        }
      >
        {inviting ? <InviteStaffForm isOwner={isOwner} onInvited={reload} /> : null}
        {resent ? <InvitationSent {...resent} /> : null}
        <FormErrors messages={messages} />
        {fetching && !data ? <Loading label="Loading staff…" /> : null}
        {error && !data ? <ErrorState error={error} title="The staff list could not be loaded" onRetry={reload} /> : null}
        {staff && staff.edges.length === 0 ? <EmptyState title="No staff yet" /> : null}
        {staff && staff.edges.length > 0 ? (
          <div className="ui-table-wrap">
            <table className="ui-table">
              <thead>
                <tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th><span className="ui-sr-only">Actions</span></th></tr>
              </thead>
              <tbody>
                {staff.edges.map(({ node }) => (
                  <StaffRow
                    key={node.id}
                    member={node}
                    self={node.email === viewer?.email}
                    viewerIsOwner={isOwner}
                    onChanged={reload}
                    onResult={(result) => {
                      setMessages(result.errors);
                      setResent(result.resent ?? null);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>
      <Card title="Two-step sign-in">
        <RequireMfaSetting />
      </Card>
    </div>
  );
}
