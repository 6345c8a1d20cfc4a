import { CopyValue } from "../../ui/copy-button";
import { Notice } from "../../ui/states";

/** What the inviter learns after an invitation or a resend: it was emailed, or (no mail here) the link to pass on. */
export function InvitationSent({ name, email, link }: { name: string; email: string; link: string | null }) {
  return (
    <Notice tone="ok" title={`${name} is invited`}>
      {link ? (
        <>
          <p style={{ margin: "0 0 0.5rem" }}>This server sends no email, so send {email} this link to choose a password. It is shown only now and is valid for 7 days.</p>
          <CopyValue value={link} label="Copy link" />
        </>
      ) : (
        <p style={{ margin: 0 }}>We emailed {email} a link to choose a password. It is valid for 7 days; you can resend it from the staff list.</p>
      )}
    </Notice>
  );
}
