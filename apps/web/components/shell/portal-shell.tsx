"use client";

import { usePathname } from "next/navigation";
import { type CSSProperties, type ReactNode, useEffect, useState } from "react";
import { useQuery } from "urql";
import { brandStyle, safeLogoUrl } from "../../lib/branding";
import { signOut } from "../../lib/session/actions";
import { PORTAL_SECTIONS } from "../../lib/session/routes";
import { ViewerQuery } from "../../lib/session/viewer";
import { ImpersonationBanner } from "./impersonation-banner";
import { PortalViewerContext } from "./portal-viewer";
import { SessionWatch } from "./session-watch";
import { ShellNotice } from "./shell-notice";

/** The client portal's frame, in the client's colours and logo. */
export function PortalShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ViewerQuery });
  const viewer = data?.viewer;
  const client = viewer?.client;

  useEffect(() => {
    if (fetching || error || !data) return;
    if (!viewer) window.location.assign(`/portal/login?next=${encodeURIComponent(pathname)}`);
    else if (viewer.kind === "STAFF") window.location.assign("/dashboard");
  }, [data, viewer, fetching, error, pathname]);

  const [logoFailed, setLogoFailed] = useState(false);
  const logo = logoFailed ? null : safeLogoUrl(client?.branding.logoUrl ?? client?.logoUrl);
  return (
    <div className="app portal" style={brandStyle(client?.branding) as CSSProperties}>
      <a className="skip-link" href="#main">Skip to content</a>
      {viewer?.impersonation ? <ImpersonationBanner impersonation={viewer.impersonation} /> : null}
      <header className="topbar">
        <a className="brand" href="/portal">
          {logo ? <img className="brand-logo" src={logo} alt="" onError={() => setLogoFailed(true)} /> : <span className="brand-mark" aria-hidden="true">{client?.name.charAt(0) ?? "·"}</span>}
          <span>{client?.name ?? "Client portal"}</span>
        </a>
        <nav aria-label="Portal" className="nav">
          {PORTAL_SECTIONS.map((section) => {
            const current = section.href === "/portal" ? pathname === "/portal" : pathname.startsWith(section.href);
            return (
              <a key={section.href} href={section.href} className="nav-link" aria-current={current ? "page" : undefined}>
                {section.label}
              </a>
            );
          })}
        </nav>
        <div className="viewer">
          {viewer ? <span className="viewer-name" title={viewer.email}>{viewer.name}</span> : null}
          <button type="button" className="button button-ghost" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <ShellNotice />
      <SessionWatch />
      <main id="main" className="page">
        {error && !data ? (
          <div className="state state-error" role="alert">
            <p>The portal can&apos;t be reached right now.</p>
            <button type="button" className="button" onClick={() => refetch({ requestPolicy: "network-only" })}>
              Try again
            </button>
          </div>
        ) : !viewer || !client ? (
          <div className="state" role="status" aria-live="polite">
            <span className="spinner" aria-hidden="true" /> Loading…
          </div>
        ) : (
          <PortalViewerContext.Provider value={{ ...viewer, client }}>{children}</PortalViewerContext.Provider>
        )}
      </main>
    </div>
  );
}
