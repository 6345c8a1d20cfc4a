// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeUrql } from "../ui/testing/fake-urql";
import { ChangePasswordForm } from "./change-password-form";
import { TotpSettings } from "./totp-settings";

afterEach(cleanup);

const RECOVERY = Array.from({ length: 10 }, (_, i) => `abcd-efgh-ijkl-mn${String.fromCharCode(97 + i)}2`);

describe("two-step sign-in settings", () => {
  it("shows the new secret as a QR code, confirms it with a code and shows the recovery codes once", async () => {
    let enabled = false;
    const urql = fakeUrql((op) => {
      if (op.query.includes("TotpStatus")) return { viewer: { id: "U1", email: "nora@northwind-msp.test", totpEnabled: enabled, mfaRequired: false } };
      if (op.query.includes("startTotpEnrollment")) return { startTotpEnrollment: { secret: "JBSWY3DPEHPK3PXP", otpauthUrl: "otpauth://totp/mspgraph:nora?secret=JBSWY3DPEHPK3PXP&issuer=mspgraph", userErrors: [] } };
      enabled = true;
      return { confirmTotpEnrollment: { recoveryCodes: RECOVERY, userErrors: [] } };
    });
    urql.render(<TotpSettings />);
    fireEvent.click(await screen.findByRole("button", { name: "Set up an authenticator app" }));
    const qr = (await screen.findByAltText("QR code to scan with your authenticator app")) as HTMLImageElement;
    expect(qr.src).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText("JBSWY3DPEHPK3PXP")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Code from the app"), { target: { value: " 123456 " } });
    fireEvent.click(screen.getByRole("button", { name: "Turn on" }));
    expect(await screen.findByText("Store these recovery codes now")).toBeTruthy();
    expect(screen.getAllByRole("listitem")).toHaveLength(10);
    expect(urql.mutations().at(-1)!.variables).toEqual({ input: { code: "123456" } });
  });

  it("offers no way to turn it off where it is required", async () => {
    const urql = fakeUrql(() => ({ viewer: { id: "U1", email: "admin@mspgraph.test", totpEnabled: true, mfaRequired: true } }));
    urql.render(<TotpSettings />);
    expect(await screen.findByText(/Two-step sign-in is on/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Turn off" })).toBeNull();
  });
});

describe("the change-password form", () => {
  it("shows the API's reason beside the new password, and says other devices were signed out on success", async () => {
    let attempt = 0;
    const urql = fakeUrql(() =>
      attempt++ === 0
        ? { changePassword: { ok: false, userErrors: [{ field: "newPassword", message: "is one of the most common passwords: choose another", code: "BAD_USER_INPUT" }] } }
        : { changePassword: { ok: true, userErrors: [] } },
    );
    urql.render(<ChangePasswordForm />);
    const fill = (password: string) => {
      fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "mspgraph-demo" } });
      fireEvent.change(screen.getByLabelText("New password"), { target: { value: password } });
      fireEvent.change(screen.getByLabelText("New password again"), { target: { value: password } });
      fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    };
    fill("qwerty123456");
    expect(await screen.findByText("is one of the most common passwords: choose another")).toBeTruthy();
    fill("correct horse battery staple");
    expect(await screen.findByText("Your other devices were signed out.")).toBeTruthy();
    expect(urql.mutations().at(-1)!.variables).toEqual({ input: { currentPassword: "mspgraph-demo", newPassword: "correct horse battery staple" } });
  });
});
