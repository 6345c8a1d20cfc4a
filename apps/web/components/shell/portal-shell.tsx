"use client";

import { type CSSProperties, type ReactNode, useState } from "react";
import { brandStyle, safeLogoUrl } from "../../lib/branding";
import { PORTAL_ADMIN_SECTION, PORTAL_SECTIONS } from "../../lib/session/routes";
import { ErrorAudienceContext } from "../ui/error-audience";
import { AppFrame } from "./app-frame";
import { PortalViewerContext } from "./portal-viewer";
import { useShellViewer } from "./use-shell-viewer";

const AREA = { kind: "CLIENT", signIn: "/portal/login", otherHome: "/dashboard" } as const;

/** The client portal's frame, in the client's colours and logo. */
export function PortalShell({ children }: { children: ReactNode }) {
  const { viewer, pathname, failed, retry } = useShellViewer(AREA);
  const client = viewer?.client;
  const [logoFailed, setLogoFailed] = useState(false);
  const logo = logoFailed ? null : safeLogoUrl(client?.branding.logoUrl ?? client?.logoUrl);
  const brand = (
    <a className="brand" href="/portal">
      {logo ? <img className="brand-logo" src={logo} alt="" onError={() => setLogoFailed(true)} /> : <span className="brand-mark" aria-hidden="true">{client?.name.charAt(0) ?? "·"}</span>}
      <span>{client?.name ?? "Client portal"}</span>
    </a>
  );
  const isCurrent = (href: string) => (href === "/portal" ? pathname === "/portal" : pathname.startsWith(href));
  return (
    <AppFrame
      className="app portal"
      style={brandStyle(client?.branding) as CSSProperties}
      viewer={viewer}
      brand={brand}
      nav={{ label: "Portal", sections: viewer?.clientRole === "ADMIN" ? [...PORTAL_SECTIONS, PORTAL_ADMIN_SECTION] : PORTAL_SECTIONS, isCurrent }}
      failed={failed}
      onRetry={retry}
      ready={viewer?.kind === "CLIENT" && Boolean(client)}
    >
      {viewer && client ? (
        <ErrorAudienceContext.Provider value="client">
          <PortalViewerContext.Provider value={{ ...viewer, client }}>{children}</PortalViewerContext.Provider>
        </ErrorAudienceContext.Provider>
      ) : null}
    </AppFrame>
  );
}
