export type TProductForm = { name: string; sku: string; unitPrice: string; costPrice: string };
export type TProductErrors = Partial<Record<keyof TProductForm, string>>;
export const PRODUCT_FIELDS = ["name", "sku", "unitPrice", "costPrice"] as const;
export const EMPTY_PRODUCT_FORM: TProductForm = { name: "", sku: "", unitPrice: "", costPrice: "" };

// The API's own rule for amounts: up to ten digits, then at most two decimals; never negative.
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/** Why an amount would be refused, or undefined when it is a valid Decimal like 12.50. */
export function moneyError(value: string): string | undefined {
  const amount = value.trim();
  if (amount === "") return "Enter an amount like 12.50";
  if (amount.startsWith("-")) return "Must be 0 or more";
  if (!MONEY.test(amount)) return "Enter an amount like 12.50, with at most 2 decimals";
  return undefined;
}

/** The checks the API makes too, run first so a typo is caught before a round trip. */
export function validateProductForm(form: TProductForm): TProductErrors {
  const errors: TProductErrors = {};
  if (form.name.trim() === "") errors.name = "Enter the product's name";
  if (form.sku.trim().length > 100) errors.sku = "Keep the SKU to 100 characters";
  const unitPrice = moneyError(form.unitPrice);
  if (unitPrice) errors.unitPrice = unitPrice;
  const costPrice = moneyError(form.costPrice);
  if (costPrice) errors.costPrice = costPrice;
  return errors;
}

/** The createProduct input: trimmed, with an empty SKU left out. */
export function productInput(form: TProductForm) {
  const sku = form.sku.trim();
  return { name: form.name.trim(), unitPrice: form.unitPrice.trim(), costPrice: form.costPrice.trim(), ...(sku ? { sku } : {}) };
}
