"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useQuery } from "urql";
import { signOut } from "../../lib/session/actions";
import { STAFF_SECTIONS } from "../../lib/session/routes";
import { ViewerQuery } from "../../lib/session/viewer";
import { ImpersonationBanner } from "./impersonation-banner";
import { SessionWatch } from "./session-watch";
import { ShellNotice } from "./shell-notice";

/** The staff area's frame: banner while impersonating, top bar with nav and the viewer, the page. */
export function StaffShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ViewerQuery });
  const viewer = data?.viewer;

  useEffect(() => {
    if (fetching || error || !data) return;
    if (!viewer) window.location.assign(`/login?next=${encodeURIComponent(pathname)}`);
    else if (viewer.kind === "CLIENT") window.location.assign("/portal");
  }, [data, viewer, fetching, error, pathname]);

  const platformAdmin = viewer?.staffRole === "PLATFORM_ADMIN";
  const sections = STAFF_SECTIONS.filter((section) => section.href !== "/partners" || platformAdmin);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      {viewer?.impersonation ? <ImpersonationBanner impersonation={viewer.impersonation} /> : null}
      <header className="topbar">
        <a className="brand" href={platformAdmin ? "/partners" : "/dashboard"}>
          <span className="brand-mark" aria-hidden="true">m</span>
          <span>{viewer?.partner?.name ?? "mspgraph"}</span>
        </a>
        <nav aria-label="Main" className="nav">
          {sections.map((section) => {
            const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
            return (
              <a key={section.href} href={section.href} className="nav-link" aria-current={current ? "page" : undefined}>
                {section.label}
              </a>
            );
          })}
        </nav>
        <div className="viewer">
          {viewer ? (
            <span className="viewer-name" title={viewer.email}>
              {viewer.name}
            </span>
          ) : null}
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
            <p>mspgraph can&apos;t be reached right now.</p>
            <button type="button" className="button" onClick={() => refetch({ requestPolicy: "network-only" })}>
              Try again
            </button>
          </div>
        ) : !viewer ? (
          <div className="state" role="status" aria-live="polite">
            <span className="spinner" aria-hidden="true" /> Loading…
          </div>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
