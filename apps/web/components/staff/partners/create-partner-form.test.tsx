// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { CreatePartnerForm, slugFor } from "./create-partner-form";

afterEach(cleanup);

const fill = (values: Record<string, string>) => {
  for (const [label, value] of Object.entries(values)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

describe("creating a partner", () => {
  it("suggests a slug from the name, sends the form, and shows the owner's link where no email is sent", async () => {
    const link = "http://localhost:3000/accept-invitation?token=mspi_abc";
    const urql = fakeUrql(() => ({ createPartner: { partner: { id: "P9", name: "Acme IT" }, invitationLink: link, userErrors: [] } }));
    const onCreated = vi.fn();
    urql.render(<CreatePartnerForm onCreated={onCreated} />);
    fill({ Name: "Acme IT" });
    expect((screen.getByLabelText("Slug") as HTMLInputElement).value).toBe("acme-it");
    fill({ "Owner's name": " Olivia Stone ", "Owner's email": "olivia@acme-it.test" });
    fireEvent.click(screen.getByRole("button", { name: "Create partner" }));
    expect(await screen.findByText("Acme IT is on the platform")).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toEqual({ name: "Acme IT", slug: "acme-it", ownerName: "Olivia Stone", ownerEmail: "olivia@acme-it.test" });
    expect(screen.getByText(link)).toBeTruthy();
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
    expect(onCreated).toHaveBeenCalledOnce();
  });

  it("says the invitation was emailed when the API sent it, and shows no link", async () => {
    const urql = fakeUrql(() => ({ createPartner: { partner: { id: "P9", name: "Acme IT" }, invitationLink: null, userErrors: [] } }));
    urql.render(<CreatePartnerForm onCreated={() => {}} />);
    fill({ Name: "Acme IT", Slug: "acme", "Owner's name": "Olivia", "Owner's email": "olivia@acme-it.test" });
    fireEvent.click(screen.getByRole("button", { name: "Create partner" }));
    expect(await screen.findByText(/We emailed olivia@acme-it.test a link/)).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toMatchObject({ slug: "acme" });
    expect(screen.queryByText(/accept-invitation/)).toBeNull();
  });

  it("checks the fields first, then shows the API's conflicts beside them", async () => {
    const urql = fakeUrql(() => ({
      createPartner: { partner: null, invitationLink: null, userErrors: [{ field: "slug", message: "a partner with this slug already exists", code: "CONFLICT" }] },
    }));
    urql.render(<CreatePartnerForm onCreated={() => {}} />);
    fill({ Name: "Acme", Slug: "Acme IT", "Owner's email": "olivia" });
    fireEvent.click(screen.getByRole("button", { name: "Create partner" }));
    expect(screen.getByText("Use 2 to 40 lowercase letters, digits or hyphens")).toBeTruthy();
    expect(screen.getByText("Enter the owner's name")).toBeTruthy();
    expect(screen.getByText("Enter an email address like name@example.com")).toBeTruthy();
    expect(urql.mutations()).toHaveLength(0);
    fill({ Slug: "northwind-msp", "Owner's name": "Olivia", "Owner's email": "olivia@acme-it.test" });
    fireEvent.click(screen.getByRole("button", { name: "Create partner" }));
    expect(await screen.findByText("a partner with this slug already exists")).toBeTruthy();
    expect(screen.getByLabelText("Slug").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText(/is on the platform/)).toBeNull();
  });

  it("makes slugs of lowercase letters, digits and hyphens", () => {
    expect(slugFor("  Zürich Tech & Co. ")).toBe("zurich-tech-co");
    expect(slugFor("A".repeat(50))).toHaveLength(40);
  });
});
