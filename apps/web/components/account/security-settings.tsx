"use client";

import { Card, PageHeader } from "../ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { TotpSettings } from "./totp-settings";

/** The signed-in user's own account security, for staff and client users alike. */
export function SecuritySettings() {
  return (
    <div className="ui-page">
      <PageHeader title="Account security" description="Your password and two-step sign-in." />
      <Card title="Two-step sign-in">
        <TotpSettings />
      </Card>
      <Card title="Password">
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
