import { NotificationSettings } from "../../../../components/notifications/notification-settings";

export const metadata = { title: "Notifications · mspgraph" };

export default function PortalNotificationsPage() {
  return <NotificationSettings manager={false} />;
}
