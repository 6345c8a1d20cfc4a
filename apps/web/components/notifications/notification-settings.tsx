"use client";

import { Card, PageHeader } from "../ui/page-header";
import { NotificationPreferencesForm } from "./notification-preferences";
import { PartnerAddressesForm } from "./partner-addresses";

/** The notifications settings page: your own choices, and for partner OWNER/ADMIN the partner's addresses. */
export function NotificationSettings({ manager }: { manager: boolean }) {
  return (
    <div className="ui-page">
      <PageHeader title="Notifications" description="What you are told by email and by the bell, and why." />
      <Card title="Your notifications">
        <NotificationPreferencesForm />
      </Card>
      {manager ? (
        <Card title="Your company's addresses">
          <PartnerAddressesForm />
        </Card>
      ) : null}
    </div>
  );
}
