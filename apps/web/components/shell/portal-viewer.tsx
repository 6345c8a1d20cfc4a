"use client";

import { createContext, useContext } from "react";
import type { TViewer } from "../../lib/session/viewer";

type TPortalViewer = TViewer & { client: NonNullable<TViewer["client"]> };

export const PortalViewerContext = createContext<TPortalViewer | null>(null);

/** The signed-in client user (or the staff member viewing as the client) and their client. */
export function usePortalViewer(): TPortalViewer {
  const viewer = useContext(PortalViewerContext);
  if (!viewer) throw new Error("usePortalViewer is used outside the portal shell");
  return viewer;
}
