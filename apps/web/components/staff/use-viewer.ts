"use client";

import { useQuery } from "urql";
import { graphql } from "../../lib/graphql";

const StaffViewerQuery = graphql(`
  query StaffViewer {
    viewer { id name staffRole partner { id name } impersonation { actorName } }
  }
`);

/**
 * The signed-in staff user and what their role may do, so pages hide what the API would refuse.
 * @remarks The API stays the judge: a hidden button is convenience, not security.
 */
export function useStaffViewer() {
  const [{ data }] = useQuery({ query: StaffViewerQuery, requestPolicy: "cache-first" });
  const viewer = data?.viewer ?? null;
  const role = viewer?.staffRole ?? null;
  const isManager = role === "OWNER" || role === "ADMIN";
  return {
    viewer,
    loaded: data !== undefined,
    isManager,
    isPlatformAdmin: role === "PLATFORM_ADMIN",
    canViewAsClient: isManager,
  };
}
