import { StaffNotificationSettings } from "../../../../components/notifications/staff-notification-settings";

export const metadata = { title: "Notifications · mspgraph" };

export default function NotificationSettingsPage() {
  return <StaffNotificationSettings />;
}
