"use client";

import type { ReactNode } from "react";
import { PageHeader } from "../ui/page-header";
import { Loading, Notice } from "../ui/states";
import { useStaffViewer } from "./use-viewer";

type TGate = { title: string; who: "managers" | "managers-or-platform"; reason: string; children: ReactNode };

/**
 * A page only some staff roles may use: others get a plain explanation instead of a FORBIDDEN
 * error, and the page's queries are never sent. The API still decides; this is only courtesy.
 */
export function RoleGate({ title, who, reason, children }: TGate) {
  const staff = useStaffViewer();
  if (!staff.loaded) return <Loading />;
  const allowed = staff.isManager || (who === "managers-or-platform" && staff.isPlatformAdmin);
  if (allowed) return <>{children}</>;
  return (
    <div className="ui-page">
      <PageHeader title={title} />
      <Notice tone="info" title="For owners and admins">{reason}</Notice>
    </div>
  );
}
