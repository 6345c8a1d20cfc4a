"use client";

import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField, TextField } from "../../ui/field";
import { Card } from "../../ui/page-header";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { sumDecimals } from "./money";

const ProductsQuery = graphql(`
  query Products { products(first: 100) { edges { node { id name sku unitPrice } } } }
`);
const AddLineItemMutation = graphql(`
  mutation AddLineItem($input: AddLineItemInput!) {
    addLineItem(input: $input) { lineItem { id } userErrors { field message code } }
  }
`);
const RemoveLineItemMutation = graphql(`
  mutation RemoveLineItem($input: RemoveLineItemInput!) {
    removeLineItem(input: $input) { ticket { id } userErrors { field message code } }
  }
`);

type TItem = { id: string; name: string; quantity: string; unitPrice: string; costPrice: string; total: string; product?: { id: string; sku?: string | null } | null };
const FIELDS = ["productId", "name", "quantity", "unitPrice"] as const;
const AD_HOC = "ad-hoc";
const DECIMAL = /^\d+(\.\d{1,2})?$/;

export function LineItems({ ticketId, items, onChanged }: { ticketId: string; items: readonly TItem[]; onChanged: () => void }) {
  const [{ data: catalog, error: catalogError }] = useQuery({ query: ProductsQuery, requestPolicy: "cache-first" });
  const [form, setForm] = useState({ productId: "", name: "", quantity: "1", unitPrice: "" });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [adding, addLineItem] = useMutation(AddLineItemMutation);
  const [removing, removeLineItem] = useMutation(RemoveLineItemMutation);
  const products = catalog?.products.edges.map(({ node }) => node) ?? [];
  const chosen = products.find((p) => p.id === form.productId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const adHoc = form.productId === AD_HOC;
    if (!form.productId) local.productId = "Choose a product";
    if (adHoc && !form.name.trim()) local.name = "Name the item";
    if (adHoc && !form.unitPrice) local.unitPrice = "Enter the price of an item not in the catalog";
    if (!DECIMAL.test(form.quantity) || Number(form.quantity) <= 0) local.quantity = "Enter a quantity like 1 or 1.5";
    if (form.unitPrice && !DECIMAL.test(form.unitPrice)) local.unitPrice = "Enter a price like 12.50";
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const item = adHoc ? { name: form.name.trim() } : { productId: form.productId };
    const result = await addLineItem({ input: { ticketId, ...item, quantity: form.quantity, ...(form.unitPrice ? { unitPrice: form.unitPrice } : {}) } });
    const payload = result.data?.addLineItem;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.lineItem) {
      setForm({ productId: "", name: "", quantity: "1", unitPrice: "" });
      onChanged();
    }
  };

  const remove = async (item: TItem) => {
    const result = await removeLineItem({ input: { id: item.id } });
    const problems = result.data?.removeLineItem.userErrors ?? [];
    setErrors({ fields: {}, form: problems.map((p) => p.message) });
    if (!result.error && problems.length === 0) onChanged();
  };

  return (
    <Card title={`Line items (total ${sumDecimals(items.map((i) => i.total))})`}>
      {items.length === 0 ? <p className="ui-muted" style={{ margin: 0 }}>Nothing billed yet.</p> : null}
      <ul className="staff-list">
        {items.map((item) => (
          <li key={item.id}>
            <span className="staff-list-main">
              <span>
                {item.quantity} × {item.name}
              </span>
              <span className="staff-list-meta">
                {item.unitPrice} each · cost {item.costPrice}
                {item.product?.sku ? ` · ${item.product.sku}` : ""}
              </span>
            </span>
            <strong>{item.total}</strong>
            <button type="button" className="ui-button" data-size="small" data-variant="danger" onClick={() => remove(item)} disabled={removing.fetching} aria-label={`Remove ${item.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {removing.error ? <ErrorState error={removing.error} title="The line item was not removed" /> : null}
      {catalogError ? <ErrorState error={catalogError} title="The product catalog could not be loaded" /> : null}
      <form className="ui-form" onSubmit={submit} noValidate style={{ marginTop: "0.75rem" }}>
        <SelectField
          label="Product"
          value={form.productId}
          onChange={(productId) => setForm({ ...form, productId })}
          options={[{ value: "", label: products.length ? "Choose from the catalog…" : "Choose…" }, ...products.map((p) => ({ value: p.id, label: `${p.name} (${p.unitPrice})` })), { value: AD_HOC, label: "An item not in the catalog" }]}
          error={errors.fields.productId}
        />
        {form.productId === AD_HOC ? <TextField label="Item name" value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields.name} /> : null}
        <div className="ui-form-row">
          <TextField label="Quantity" value={form.quantity} onChange={(quantity) => setForm({ ...form, quantity })} error={errors.fields.quantity} />
          <TextField label="Unit price" value={form.unitPrice} onChange={(unitPrice) => setForm({ ...form, unitPrice })} error={errors.fields.unitPrice} placeholder={form.productId === AD_HOC ? "12.50" : (chosen?.unitPrice ?? "catalog price")} hint={form.productId === AD_HOC ? undefined : "Leave empty for the catalog price"} />
        </div>
        <FormErrors messages={errors.form} />
        {adding.error ? <ErrorState error={adding.error} title="The line item was not added" /> : null}
        <div className="ui-form-actions">
          <button type="submit" className="ui-button" disabled={adding.fetching}>
            {adding.fetching ? "Adding…" : "Add line item"}
          </button>
        </div>
      </form>
    </Card>
  );
}
