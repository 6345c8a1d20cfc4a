"use client";

import { type CSSProperties, useState } from "react";
import { useQuery } from "urql";
import { brandStyle, safeLogoUrl } from "../../lib/branding";
import { graphql } from "../../lib/graphql";
import { UrqlProvider } from "../../lib/urql";
import { AcceptInvitationForm, type TInvitationKind } from "./accept-invitation-form";

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) { kind inviteeName partnerName clientName logoUrl primaryColor accentColor expiresAt }
  }
`);

const EXPIRED = "This invitation link is not valid any more: it was used already, withdrawn, or is older than 7 days. Ask whoever invited you for a new one.";

/** The card itself, under an urql provider (InvitationCard brings its own). */
export function InvitationPanel({ token, kind }: { token: string; kind: TInvitationKind }) {
  const [{ data, fetching }] = useQuery({ query: InvitationPreviewQuery, variables: { token }, pause: !token, requestPolicy: "network-only" });
  const [logoFailed, setLogoFailed] = useState(false);
  const preview = data?.invitation?.kind === kind ? data.invitation : null;
  const branding = kind === "CLIENT" && preview?.primaryColor ? { primaryColor: preview.primaryColor, accentColor: preview.accentColor ?? preview.primaryColor } : null;
  const logo = logoFailed ? null : safeLogoUrl(preview?.logoUrl);
  const name = kind === "CLIENT" ? (preview?.clientName ?? "Client portal") : (preview?.partnerName ?? "mspgraph");
  const signIn = kind === "CLIENT" ? "/portal/login" : "/login";
  const intro = !preview
    ? kind === "CLIENT"
      ? "You were invited to your IT provider's client portal. Choose a password of at least 12 characters."
      : "You were invited to a team on mspgraph. Choose a password of at least 12 characters."
    : kind === "CLIENT"
      ? `Welcome, ${preview.inviteeName}. ${preview.partnerName} invited you to ${preview.clientName}'s client portal. Choose a password of at least 12 characters.`
      : `Welcome, ${preview.inviteeName}. You were invited to ${preview.partnerName}'s team. Choose a password of at least 12 characters.`;
  const unusable = Boolean(token) && !fetching && data !== undefined && !preview;
  return (
    <section className="auth-card" aria-labelledby="invite-title" style={brandStyle(branding) as CSSProperties}>
      <p className="brand">
        {logo ? <img className="brand-logo" src={logo} alt="" onError={() => setLogoFailed(true)} /> : <span className="brand-mark" aria-hidden="true">{name.charAt(0).toLowerCase()}</span>} {name}
      </p>
      <h1 id="invite-title">{kind === "CLIENT" ? "Set your portal password" : "Set your password"}</h1>
      {unusable ? (
        <p className="notice notice-error" role="alert">{EXPIRED}</p>
      ) : (
        <>
          <p className="muted">{intro}</p>
          <AcceptInvitationForm token={token} kind={kind} />
        </>
      )}
      <p className="auth-footer">
        Already set? <a href={signIn}>Sign in</a>.
      </p>
    </section>
  );
}

/**
 * The page behind an invitation link: in the client's logo and colours for a client user, in
 * the partner's name for a staff member (both read with the token, no session), then the form.
 */
export function InvitationCard({ token, kind }: { token: string; kind: TInvitationKind }) {
  return (
    <UrqlProvider>
      <InvitationPanel token={token} kind={kind} />
    </UrqlProvider>
  );
}
