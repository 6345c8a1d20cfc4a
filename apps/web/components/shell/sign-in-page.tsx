import type { ReactNode } from "react";
import { SignInForm } from "./sign-in-form";

const REASONS: Record<string, string> = {
  ended: "Your session has ended. Sign in again to continue.",
  "signed-out": "You're signed out.",
};

type Props = { kind: "staff" | "client"; title: string; lead: string; reason?: string; next?: string; footer: ReactNode };

/** The frame both sign-in pages share: brand, the reason the user is here, the form. */
export function SignInPage({ kind, title, lead, reason, next, footer }: Props) {
  const notice = reason ? REASONS[reason] : undefined;
  return (
    <main className="auth">
      <section className="auth-card" aria-labelledby="sign-in-title">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">m</span> mspgraph
        </p>
        <h1 id="sign-in-title">{title}</h1>
        <p className="muted">{lead}</p>
        {notice ? (
          <p className={reason === "ended" ? "notice notice-warning" : "notice"} role="status">
            {notice}
          </p>
        ) : null}
        <SignInForm kind={kind} next={next} />
        <p>
          <a href={kind === "staff" ? "/forgot-password" : "/portal/forgot-password"}>Forgot your password?</a>
        </p>
        <p className="auth-footer">{footer}</p>
      </section>
    </main>
  );
}
