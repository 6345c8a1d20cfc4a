"use client";

import type { ReactNode } from "react";
import { STAFF_SECTIONS } from "../../lib/session/routes";
import { AppFrame } from "./app-frame";
import { useShellViewer } from "./use-shell-viewer";

const AREA = { kind: "STAFF", signIn: "/login", otherHome: "/portal" } as const;

/** The staff area's frame; the partners list is only in platform admins' navigation, the staff list and webhooks in OWNER/ADMINs'. */
export function StaffShell({ children }: { children: ReactNode }) {
  const { viewer, pathname, failed, retry } = useShellViewer(AREA);
  const platformAdmin = viewer?.staffRole === "PLATFORM_ADMIN";
  const manager = viewer?.staffRole === "OWNER" || viewer?.staffRole === "ADMIN";
  const sections = STAFF_SECTIONS.filter((section) => (section.href !== "/partners" || platformAdmin) && ((section.href !== "/staff" && section.href !== "/webhooks") || manager));
  const brand = (
    <a className="brand" href={platformAdmin ? "/partners" : "/dashboard"}>
      <span className="brand-mark" aria-hidden="true">m</span>
      <span>{viewer?.partner?.name ?? "mspgraph"}</span>
    </a>
  );
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <AppFrame viewer={viewer} brand={brand} nav={{ label: "Main", sections, isCurrent }} failed={failed} onRetry={retry} ready={viewer?.kind === "STAFF"}>
      {children}
    </AppFrame>
  );
}
