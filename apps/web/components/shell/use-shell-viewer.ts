"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useQuery } from "urql";
import { ViewerQuery } from "../../lib/session/viewer";

/**
 * The signed-in viewer for a shell; sends the page to sign-in without one and to the other
 * area when the viewer is the other kind (proxy.ts already does both before a page loads).
 */
export function useShellViewer(area: { kind: "STAFF" | "CLIENT"; signIn: string; otherHome: string }) {
  const pathname = usePathname();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ViewerQuery });
  const viewer = data?.viewer ?? null;
  useEffect(() => {
    if (fetching || error || !data) return;
    if (!viewer) window.location.assign(`${area.signIn}?next=${encodeURIComponent(pathname)}`);
    else if (viewer.kind !== area.kind) window.location.assign(area.otherHome);
  }, [data, viewer, fetching, error, pathname, area.kind, area.signIn, area.otherHome]);
  return { viewer, pathname, failed: Boolean(error && !data), retry: () => refetch({ requestPolicy: "network-only" }) };
}
