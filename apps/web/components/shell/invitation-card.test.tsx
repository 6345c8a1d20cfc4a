// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeUrql } from "../ui/testing/fake-urql";
import { InvitationPanel } from "./invitation-card";

afterEach(cleanup);

const staffPreview = { kind: "STAFF", inviteeName: "Ivy Staff", partnerName: "Northwind MSP", clientName: null, logoUrl: null, primaryColor: null, accentColor: null, expiresAt: "2026-12-10T00:00:00.000Z" };
const clientPreview = { kind: "CLIENT", inviteeName: "Cara", partnerName: "Northwind MSP", clientName: "Fabrikam Dental", logoUrl: "/logos/fabrikam.svg", primaryColor: "#0b7285", accentColor: "#f59f00", expiresAt: "2026-12-10T00:00:00.000Z" };

describe("the page behind an invitation link", () => {
  it("names the partner to an invited staff member and sets their password with acceptStaffInvitation", async () => {
    const urql = fakeUrql((op) => (op.kind === "query" ? { invitation: staffPreview } : { acceptStaffInvitation: { ok: true, userErrors: [] } }));
    urql.render(<InvitationPanel token="mspi_abc" kind="STAFF" />);
    expect(await screen.findByText(/You were invited to Northwind MSP's team/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Set your password" })).toBeTruthy();
    expect(screen.queryByLabelText("Invitation token")).toBeNull();
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "a good long password" } });
    fireEvent.change(screen.getByLabelText("Password again"), { target: { value: "a good long password" } });
    fireEvent.click(screen.getByRole("button", { name: "Set your password" }));
    expect(await screen.findByText("Your password is set.")).toBeTruthy();
    expect(urql.mutations()[0]).toMatchObject({ query: expect.stringContaining("acceptStaffInvitation"), variables: { input: { token: "mspi_abc", password: "a good long password" } } });
    expect(screen.getByRole("link", { name: "Sign in to mspgraph" }).getAttribute("href")).toBe("/login");
  });

  it("shows a client user's invitation in the client's logo and colours", async () => {
    const urql = fakeUrql(() => ({ invitation: clientPreview }));
    const { container } = urql.render(<InvitationPanel token="mspi_abc" kind="CLIENT" />);
    expect(await screen.findByText(/Northwind MSP invited you to Fabrikam Dental's client portal/)).toBeTruthy();
    expect(container.querySelector("img.brand-logo")?.getAttribute("src")).toBe("/logos/fabrikam.svg");
    const card = container.querySelector("section.auth-card") as HTMLElement;
    expect(card.style.getPropertyValue("--brand")).toBe("#0b7285");
    expect(card.style.getPropertyValue("--brand-accent")).toBe("#f59f00");
    expect(screen.getByRole("button", { name: "Set password" })).toBeTruthy();
  });

  it("says in plain words that a used, withdrawn or expired link no longer works, and offers no form", async () => {
    const urql = fakeUrql(() => ({ invitation: null }));
    urql.render(<InvitationPanel token="mspi_used" kind="STAFF" />);
    expect(await screen.findByText(/not valid any more/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Set your password" })).toBeNull();
    expect(document.body.textContent).not.toMatch(/NOT_FOUND|INVALID/);
  });

  it("turns a refused password into a sentence, not a code", async () => {
    const urql = fakeUrql((op) =>
      op.kind === "query" ? { invitation: staffPreview } : { acceptStaffInvitation: { ok: false, userErrors: [{ field: "password", message: "is one of the most common passwords: choose another", code: "BAD_USER_INPUT" }] } },
    );
    urql.render(<InvitationPanel token="mspi_abc" kind="STAFF" />);
    await screen.findByText(/Northwind MSP's team/);
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "passwordpassword" } });
    fireEvent.change(screen.getByLabelText("Password again"), { target: { value: "passwordpassword" } });
    fireEvent.click(screen.getByRole("button", { name: "Set your password" }));
    expect(await screen.findByText("Your password is one of the most common passwords: choose another.")).toBeTruthy();
    expect(document.body.textContent).not.toContain("BAD_USER_INPUT");
  });
});
