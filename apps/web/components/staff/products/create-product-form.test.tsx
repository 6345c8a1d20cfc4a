// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { CreateProductForm } from "./create-product-form";

afterEach(cleanup);

const fill = (values: Record<string, string>) => {
  for (const [label, value] of Object.entries(values)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
  fireEvent.click(screen.getByRole("button", { name: "Create product" }));
};

describe("creating a product", () => {
  it("refuses a missing name, a negative price and a third decimal before sending anything", () => {
    const urql = fakeUrql(() => ({ createProduct: { product: null, userErrors: [] } }));
    urql.render(<CreateProductForm onCreated={() => {}} />);
    fill({ Name: "  ", "Unit price": "-1", "Cost price": "8.125" });
    expect(screen.getByText("Enter the product's name")).toBeTruthy();
    expect(screen.getByText("Must be 0 or more")).toBeTruthy();
    expect(screen.getByText("Enter an amount like 12.50, with at most 2 decimals")).toBeTruthy();
    expect(screen.getByLabelText("Cost price").getAttribute("aria-invalid")).toBe("true");
    expect(urql.mutations()).toHaveLength(0);
  });

  it("sends the trimmed input without an empty SKU, then clears the form", async () => {
    const urql = fakeUrql(() => ({ createProduct: { product: { id: "P1", name: "Backup seat" }, userErrors: [] } }));
    const onCreated = vi.fn();
    urql.render(<CreateProductForm onCreated={onCreated} />);
    fill({ Name: " Backup seat ", SKU: "  ", "Unit price": "12.5", "Cost price": "0" });
    expect(await screen.findByText("Added Backup seat to the catalog.")).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toEqual({ name: "Backup seat", unitPrice: "12.5", costPrice: "0" });
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
    expect(onCreated).toHaveBeenCalledOnce();
  });

  it("sends the SKU when given and shows the API's userErrors beside their field", async () => {
    const urql = fakeUrql(() => ({ createProduct: { product: null, userErrors: [{ field: "name", message: "the catalog already has a product with this name", code: "CONFLICT" }] } }));
    const onCreated = vi.fn();
    urql.render(<CreateProductForm onCreated={onCreated} />);
    fill({ Name: "Backup seat", SKU: " BK-1 ", "Unit price": "12.50", "Cost price": "8.00" });
    expect(await screen.findByText("the catalog already has a product with this name")).toBeTruthy();
    expect(urql.mutations()[0]?.variables.input).toEqual({ name: "Backup seat", sku: "BK-1", unitPrice: "12.50", costPrice: "8.00" });
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Backup seat");
    expect(onCreated).not.toHaveBeenCalled();
  });
});
