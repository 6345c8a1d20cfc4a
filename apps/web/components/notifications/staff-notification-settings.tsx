"use client";

import { useStaffViewer } from "../staff/use-viewer";
import { Loading } from "../ui/states";
import { NotificationSettings } from "./notification-settings";

/** The staff page: the partner's addresses only for OWNER/ADMIN, as the API allows. */
export function StaffNotificationSettings() {
  const staff = useStaffViewer();
  if (!staff.loaded) return <Loading />;
  return <NotificationSettings manager={staff.isManager && Boolean(staff.viewer?.partner)} />;
}
