"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, enumLabel } from "../../ui/badge";
import { Time } from "../../ui/time";
import { type TStaffRole, roleName, roleOptions } from "./staff-roles";

const Update = graphql(`mutation UpdateStaffUser($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { id name role } userErrors { field message code } } }`);
const Disable = graphql(`mutation DisableStaffUser($input: StaffUserIdInput!) { disableStaffUser(input: $input) { staffUser { id status } userErrors { field message code } } }`);
const Enable = graphql(`mutation EnableStaffUser($input: StaffUserIdInput!) { enableStaffUser(input: $input) { staffUser { id status } userErrors { field message code } } }`);
const Remove = graphql(`mutation RemoveStaffUser($input: StaffUserIdInput!) { removeStaffUser(input: $input) { userErrors { field message code } } }`);
const Resend = graphql(`mutation ResendStaffInvitation($input: StaffInvitationInput!) { resendStaffInvitation(input: $input) { staffUser { id name email invitationExpiresAt } invitationLink userErrors { field message code } } }`);
const Revoke = graphql(`mutation RevokeStaffInvitation($input: StaffInvitationInput!) { revokeStaffInvitation(input: $input) { staffUser { id invitationExpiresAt } userErrors { field message code } } }`);
const EndSession = graphql(`mutation EndStaffSession($input: EndSessionInput!) { endSession(input: $input) { ok } }`);

export type TStaffMember = { id: string; name: string; email: string; role: string; status: string; invitationExpiresAt: string | null; sessions: ReadonlyArray<{ id: string }> };
type TOutcome = { userErrors: ReadonlyArray<{ message: string }> } | null | undefined;

const statusTone = (status: string) => (status === "ACTIVE" ? "ok" : status === "INVITED" ? "info" : "neutral");

/**
 * One colleague in the staff list with what a manager may do to them. Buttons the API would
 * refuse (touching an owner as an admin, removing oneself) are not shown; the API still decides.
 */
export function StaffRow({ member, self, viewerIsOwner, onChanged, onResult }: {
  member: TStaffMember;
  self: boolean;
  viewerIsOwner: boolean;
  onChanged: () => void;
  /** Reports the API's refusals, or a resent invitation (its link when no mail is sent). */
  onResult: (result: { errors: string[]; resent?: { name: string; email: string; link: string | null } }) => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(member.name);
  const [update, updateStaff] = useMutation(Update);
  const [, disable] = useMutation(Disable);
  const [, enable] = useMutation(Enable);
  const [, remove] = useMutation(Remove);
  const [, resend] = useMutation(Resend);
  const [, revoke] = useMutation(Revoke);
  const [, endSession] = useMutation(EndSession);
  const canTouch = member.role !== "OWNER" || viewerIsOwner;
  const report = (payload: TOutcome) => {
    onResult({ errors: payload?.userErrors.map((e) => e.message) ?? ["The change could not be made just now. Try again in a moment."] });
    onChanged();
  };

  const changeRole = async (role: TStaffRole) => report((await updateStaff({ input: { id: member.id, role } })).data?.updateStaffUser);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const payload = (await updateStaff({ input: { id: member.id, name: name.trim() } })).data?.updateStaffUser;
    report(payload);
    if (payload?.userErrors.length === 0) setRenaming(false);
  };
  const confirmThen = async (question: string, act: () => Promise<TOutcome>) => {
    if (window.confirm(question)) report(await act());
  };
  const endSessions = async () => {
    if (!window.confirm(`Sign ${member.name} out of every device?`)) return;
    for (const session of member.sessions) await endSession({ input: { id: session.id } });
    onResult({ errors: [] });
    onChanged();
  };
  const resendInvitation = async () => {
    const payload = (await resend({ input: { staffUserId: member.id } })).data?.resendStaffInvitation;
    const errors = payload?.userErrors.map((e) => e.message) ?? ["The invitation could not be sent just now. Try again in a moment."];
    onResult({ errors, ...(payload?.staffUser && errors.length === 0 ? { resent: { name: payload.staffUser.name, email: payload.staffUser.email, link: payload.invitationLink ?? null } } : {}) });
    onChanged();
  };

  return (
    <tr>
      <td data-label="Name">
        {renaming ? (
          <form onSubmit={rename} className="ui-actions" aria-label={`Rename ${member.name}`}>
            <label className="ui-sr-only" htmlFor={`name-${member.id}`}>Name</label>
            <input id={`name-${member.id}`} className="ui-input" value={name} onChange={(event) => setName(event.target.value)} />
            <button type="submit" className="ui-button" data-size="small" disabled={update.fetching}>Save</button>
            <button type="button" className="ui-button" data-size="small" onClick={() => setRenaming(false)}>Cancel</button>
          </form>
        ) : (
          <strong>{member.name}{self ? " (you)" : ""}</strong>
        )}
      </td>
      <td data-label="Email">{member.email}</td>
      <td data-label="Role">
        {canTouch ? (
          <select className="ui-input" aria-label={`Role of ${member.name}`} value={member.role} disabled={update.fetching} onChange={(event) => changeRole(event.target.value as TStaffRole)}>
            {roleOptions(viewerIsOwner || member.role === "OWNER").map((option) => <option key={option.value} value={option.value}>{roleName(option.value)}</option>)}
          </select>
        ) : roleName(member.role)}
      </td>
      <td data-label="Status">
        <Badge tone={statusTone(member.status)}>{enumLabel(member.status)}</Badge>
        {member.status === "INVITED" ? <span className="ui-muted" style={{ display: "block", fontSize: "0.8rem" }}>{member.invitationExpiresAt ? <>Link valid until <Time value={member.invitationExpiresAt} /></> : "No valid link"}</span> : null}
      </td>
      <td className="ui-actions">
        {canTouch && !renaming ? <button type="button" className="ui-button" data-size="small" onClick={() => setRenaming(true)} aria-label={`Rename ${member.name}`}>Rename</button> : null}
        {canTouch && member.status === "INVITED" ? (
          <>
            <button type="button" className="ui-button" data-size="small" onClick={resendInvitation}>Resend invitation<span className="ui-sr-only"> to {member.name}</span></button>
            {member.invitationExpiresAt ? <button type="button" className="ui-button" data-size="small" onClick={() => confirmThen(`Withdraw ${member.name}'s invitation? Its link stops working.`, async () => (await revoke({ input: { staffUserId: member.id } })).data?.revokeStaffInvitation)}>Revoke invitation<span className="ui-sr-only"> of {member.name}</span></button> : null}
          </>
        ) : null}
        {canTouch && !self && member.sessions.length > 0 ? <button type="button" className="ui-button" data-size="small" onClick={endSessions}>End sessions<span className="ui-sr-only"> of {member.name}</span></button> : null}
        {canTouch && !self && member.status === "ACTIVE" ? (
          <button type="button" className="ui-button" data-size="small" onClick={() => confirmThen(`Disable ${member.name}? They are signed out everywhere at once and cannot sign in until enabled.`, async () => (await disable({ input: { id: member.id } })).data?.disableStaffUser)}>Disable<span className="ui-sr-only"> {member.name}</span></button>
        ) : null}
        {canTouch && member.status === "DISABLED" ? <button type="button" className="ui-button" data-size="small" onClick={async () => report((await enable({ input: { id: member.id } })).data?.enableStaffUser)}>Enable<span className="ui-sr-only"> {member.name}</span></button> : null}
        {canTouch && !self ? (
          <button type="button" className="ui-button" data-size="small" data-variant="danger" onClick={() => confirmThen(`Remove ${member.name}? They can no longer sign in, and their tickets become unassigned.`, async () => (await remove({ input: { id: member.id } })).data?.removeStaffUser)}>Remove<span className="ui-sr-only"> {member.name}</span></button>
        ) : null}
      </td>
    </tr>
  );
}
