"use client";

import type { CSSProperties, ReactNode } from "react";
import { signOut } from "../../lib/session/actions";
import type { TViewer } from "../../lib/session/viewer";
import { LiveNotificationBell } from "../notifications/notification-bell";
import { ImpersonationBanner } from "./impersonation-banner";
import { SessionWatch } from "./session-watch";
import { ShellNotice } from "./shell-notice";

type Props = {
  viewer: TViewer | null;
  /** The brand link at the left of the top bar. */
  brand: ReactNode;
  nav: { label: string; sections: readonly { href: string; label: string }[]; isCurrent: (href: string) => boolean };
  /** The viewer query failed: offer a retry instead of the page. */
  failed: boolean;
  onRetry: () => void;
  /** The page may render (the viewer is known and of this area's kind). */
  ready: boolean;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
};

/** The frame both areas share: skip link, impersonation banner, top bar, session watch, page states. */
export function AppFrame({ viewer, brand, nav, failed, onRetry, ready, className = "app", style, children }: Props) {
  return (
    <div className={className} style={style}>
      <a className="skip-link" href="#main">Skip to content</a>
      {viewer?.impersonation ? <ImpersonationBanner impersonation={viewer.impersonation} /> : null}
      <header className="topbar">
        {brand}
        <nav aria-label={nav.label} className="nav">
          {nav.sections.map((section) => (
            <a key={section.href} href={section.href} className="nav-link" aria-current={nav.isCurrent(section.href) ? "page" : undefined}>
              {section.label}
            </a>
          ))}
        </nav>
        <div className="viewer">
          {ready && viewer ? <LiveNotificationBell settingsHref={viewer.kind === "CLIENT" ? "/portal/notifications" : "/settings/notifications"} /> : null}
          {viewer ? <span className="viewer-name" title={viewer.email}>{viewer.name}</span> : null}
          <button type="button" className="button button-ghost" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <ShellNotice />
      <SessionWatch />
      <main id="main" className="page">
        {failed ? (
          <div className="state state-error" role="alert">
            <p>mspgraph can&apos;t be reached right now.</p>
            <button type="button" className="button" onClick={onRetry}>Try again</button>
          </div>
        ) : !ready ? (
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
