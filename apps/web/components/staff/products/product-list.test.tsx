// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql, type TSentOperation } from "../../ui/testing/fake-urql";
import { ProductList } from "./product-list";

vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(), usePathname: () => "/products", useRouter: () => ({ replace: vi.fn() }) }));
afterEach(cleanup);

const SEAT = { id: "P1", name: "Backup seat", sku: "BK-1", unitPrice: "12.50", costPrice: "8.00", archivedAt: null };
const catalog = (role: string) => (operation: TSentOperation) => {
  if (operation.query.includes("updateProduct")) return { updateProduct: { product: { ...SEAT, archivedAt: "2026-12-01T00:00:00.000Z" }, userErrors: [] } };
  if (operation.query.includes("products(")) return { products: { totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: "c", endCursor: "c" }, edges: [{ node: SEAT }] } };
  return { viewer: { id: "S1", name: "Sam", staffRole: role, partner: { id: "A", name: "Acme IT" }, impersonation: null } };
};

describe("the product catalog", () => {
  it("shows a technician the prices with no way to change them", async () => {
    const urql = fakeUrql(catalog("TECHNICIAN"));
    urql.render(<ProductList />);
    expect(await screen.findByText("Backup seat")).toBeTruthy();
    expect(screen.getByText("12.50")).toBeTruthy();
    expect(screen.getByText("8.00")).toBeTruthy();
    expect(screen.getByText("Only owners and admins can change the catalog.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New product" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Edit prices|Archive/ })).toBeNull();
  });

  it("lets an owner edit prices in place and archive, sending only what the row changes", async () => {
    const urql = fakeUrql(catalog("OWNER"));
    urql.render(<ProductList />);
    fireEvent.click(await screen.findByRole("button", { name: "Edit prices of Backup seat" }));
    fireEvent.change(screen.getByLabelText("Unit price of Backup seat"), { target: { value: "12.505" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Enter an amount like 12.50, with at most 2 decimals")).toBeTruthy();
    expect(urql.mutations()).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    fireEvent.click(screen.getByRole("button", { name: "Archive Backup seat" }));
    await vi.waitFor(() => expect(urql.mutations()[0]?.variables.input).toEqual({ id: "P1", archived: true }));
  });
});
