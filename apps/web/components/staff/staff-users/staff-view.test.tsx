// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { InviteStaffForm } from "./invite-staff-form";
import { StaffView } from "./staff-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const member = (id: string, name: string, role: string, status: string, extra: Record<string, unknown> = {}) => ({
  node: { id, name, email: `${name.toLowerCase()}@northwind-msp.test`, role, status, invitationExpiresAt: status === "INVITED" ? "2026-12-10T00:00:00.000Z" : null, sessions: [], ...extra },
});
const list = (staffRole: string, email: string) => ({
  viewer: {
    id: "me",
    email,
    staffRole,
    partner: { id: "P1", name: "Northwind MSP", staffUsers: { totalCount: 3, edges: [member("S1", "Nora", "OWNER", "ACTIVE"), member("S2", "Ada", "ADMIN", "ACTIVE"), member("S3", "Ivy", "TECHNICIAN", "INVITED")] } },
  },
});
const rowOf = (name: string) => screen.getByText(name, { exact: false, selector: "strong" }).closest("tr") as HTMLElement;

describe("the staff page", () => {
  it("lets an admin re-role, resend and remove (after confirming) colleagues, but shows no controls on an owner or on themselves", async () => {
    const urql = fakeUrql((op) => (op.kind === "query" ? list("ADMIN", "ada@northwind-msp.test") : Object.fromEntries([[op.query.match(/\{\s*(\w+)\(/)![1]!, { staffUser: null, invitationLink: null, userErrors: [] }]])));
    urql.render(<StaffView />);
    await screen.findByText("Staff (3)");
    expect(within(rowOf("Nora")).queryByRole("button")).toBeNull();
    expect(within(rowOf("Nora")).queryByRole("combobox")).toBeNull();
    expect(within(rowOf("Ada")).queryByRole("button", { name: /Remove|Disable/ })).toBeNull();

    const ivy = rowOf("Ivy");
    expect(within(ivy).getAllByRole("option").map((o) => o.textContent)).toEqual(["Technician", "Admin"]);
    fireEvent.change(within(ivy).getByLabelText("Role of Ivy"), { target: { value: "ADMIN" } });
    fireEvent.click(within(ivy).getByRole("button", { name: "Resend invitation to Ivy" }));
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    fireEvent.click(within(ivy).getByRole("button", { name: "Remove Ivy" }));
    fireEvent.click(within(ivy).getByRole("button", { name: "Remove Ivy" }));
    await vi.waitFor(() => expect(urql.mutations()).toHaveLength(3));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(urql.mutations().map((m) => [m.query.match(/\{\s*(\w+)\(/)![1], m.variables.input])).toEqual([
      ["updateStaffUser", { id: "S3", role: "ADMIN" }],
      ["resendStaffInvitation", { staffUserId: "S3" }],
      ["removeStaffUser", { id: "S3" }],
    ]);
  });

  it("shows the API's refusal in words", async () => {
    const urql = fakeUrql((op) => (op.kind === "query" ? list("OWNER", "nora@northwind-msp.test") : { updateStaffUser: { staffUser: null, userErrors: [{ field: "role", message: "the partner must keep at least one active owner: make someone else an owner first", code: "CONFLICT" }] } }));
    urql.render(<StaffView />);
    await screen.findByText("Staff (3)");
    fireEvent.change(within(rowOf("Nora")).getByLabelText("Role of Nora"), { target: { value: "ADMIN" } });
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "the partner must keep at least one active owner: make someone else an owner first");
  });
});

describe("inviting a colleague", () => {
  it("offers Owner only to an owner, and shows the link where no email is sent", async () => {
    const link = "http://localhost:3000/accept-invitation?token=mspi_abc";
    const urql = fakeUrql(() => ({ inviteStaffUser: { staffUser: { id: "S9", name: "Pat", email: "pat@northwind-msp.test" }, invitationLink: link, userErrors: [] } }));
    const { unmount } = urql.render(<InviteStaffForm isOwner={false} onInvited={() => {}} />);
    expect(screen.getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["TECHNICIAN", "ADMIN"]);
    unmount();
    urql.render(<InviteStaffForm isOwner onInvited={() => {}} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Pat" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "pat@northwind-msp.test" } });
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "OWNER" } });
    fireEvent.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByText("Pat is invited")).toBeTruthy();
    expect(screen.getByText(link)).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toEqual({ name: "Pat", email: "pat@northwind-msp.test", role: "OWNER" });
  });
});
