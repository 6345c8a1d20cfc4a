// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { InviteUserForm } from "./invite-user-form";

afterEach(cleanup);

describe("inviting a client user", () => {
  it("shows the invitation link the API returned where no email is sent, once, and clears the form", async () => {
    const link = "http://localhost:3000/portal/accept-invitation?token=mspi_abc%2B%2F%3D";
    const urql = fakeUrql(() => ({ inviteClientUser: { clientUser: { id: "U1", name: "Pat Lee", email: "pat@fabrikam.test" }, invitationLink: link, userErrors: [] } }));
    const onInvited = vi.fn();
    urql.render(<InviteUserForm clientId="C1" onInvited={onInvited} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Pat Lee" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: " pat@fabrikam.test " } });
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "ADMIN" } });
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("Pat Lee is invited")).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toEqual({ clientId: "C1", name: "Pat Lee", email: "pat@fabrikam.test", role: "ADMIN" });
    expect(screen.getByText(link)).toBeTruthy();
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
    expect(onInvited).toHaveBeenCalledOnce();
  });

  it("says the invitation was emailed when the API sent it, and shows no link", async () => {
    const urql = fakeUrql(() => ({ inviteClientUser: { clientUser: { id: "U2", name: "Sam Roe", email: "sam@fabrikam.test" }, invitationLink: null, userErrors: [] } }));
    urql.render(<InviteUserForm clientId="C1" onInvited={() => {}} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Sam Roe" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "sam@fabrikam.test" } });
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText(/We emailed sam@fabrikam.test a link/)).toBeTruthy();
    expect(screen.queryByText(/accept-invitation/)).toBeNull();
  });

  it("checks the email first and shows the API's userErrors beside the field", async () => {
    const urql = fakeUrql(() => ({ inviteClientUser: { clientUser: null, invitationLink: null, userErrors: [{ field: "email", message: "a user with this email already exists", code: "CONFLICT" }] } }));
    urql.render(<InviteUserForm clientId="C1" onInvited={() => {}} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Pat" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "pat" } });
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(screen.getByText("Enter an email address like name@example.com")).toBeTruthy();
    expect(urql.mutations()).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "pat@fabrikam.test" } });
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("a user with this email already exists")).toBeTruthy();
    expect(screen.queryByText(/is invited/)).toBeNull();
  });
});
