"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { TextField } from "../../ui/field";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { EMPTY_PRODUCT_FORM, PRODUCT_FIELDS, type TProductForm, productInput, validateProductForm } from "./product-form";

const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product { id name }
      userErrors { field message code }
    }
  }
`);

export function CreateProductForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY_PRODUCT_FORM);
  const [errors, setErrors] = useState(() => splitUserErrors([], PRODUCT_FIELDS));
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, createProduct] = useMutation(CreateProductMutation);
  const set = (key: keyof TProductForm) => (value: string) => setForm({ ...form, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateProductForm(form);
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const result = await createProduct({ input: productInput(form) });
    const payload = result.data?.createProduct;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, PRODUCT_FIELDS));
    if (payload.product) {
      setCreated(payload.product.name);
      setForm(EMPTY_PRODUCT_FORM);
      onCreated();
    }
  };

  return (
    <form className="ui-form" onSubmit={submit} noValidate>
      {created ? <Notice tone="ok">Added {created} to the catalog.</Notice> : null}
      <div className="ui-form-row">
        <TextField label="Name" value={form.name} onChange={set("name")} error={errors.fields.name} hint="Unique in your catalog" required />
        <TextField label="SKU" value={form.sku} onChange={set("sku")} error={errors.fields.sku} hint="Optional" />
      </div>
      <div className="ui-form-row">
        <TextField label="Unit price" value={form.unitPrice} onChange={set("unitPrice")} error={errors.fields.unitPrice} placeholder="12.50" hint="What the client is billed" required />
        <TextField label="Cost price" value={form.costPrice} onChange={set("costPrice")} error={errors.fields.costPrice} placeholder="8.00" hint="What it costs you; staff only" required />
      </div>
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The product was not created" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Creating…" : "Create product"}
        </button>
      </div>
    </form>
  );
}
