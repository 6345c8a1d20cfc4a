import type { ReactNode } from "react";

type Props = { titleId: string; title: string; lead: string; children: ReactNode; footer: ReactNode };

/** The card the forgotten-password pages share with the sign-in pages: brand, title, form, footer. */
export function AuthFrame({ titleId, title, lead, children, footer }: Props) {
  return (
    <main className="auth">
      <section className="auth-card" aria-labelledby={titleId}>
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">m</span> mspgraph
        </p>
        <h1 id={titleId}>{title}</h1>
        <p className="muted">{lead}</p>
        {children}
        <p className="auth-footer">{footer}</p>
      </section>
    </main>
  );
}

/** Where each side of the app signs in and asks for a new link. */
export const RESET_PAGES = {
  staff: { signIn: "/login", forgot: "/forgot-password" },
  client: { signIn: "/portal/login", forgot: "/portal/forgot-password" },
} as const;
