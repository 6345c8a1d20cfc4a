"use client";

import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { moneyError } from "./product-form";

const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      product { id unitPrice costPrice archivedAt }
      userErrors { field message code }
    }
  }
`);

export type TProduct = { id: string; name: string; sku?: string | null; unitPrice: string; costPrice: string; archivedAt?: string | null };
type TRow = { product: TProduct; canManage: boolean; onChanged: () => void };
const PRICE_FIELDS = ["unitPrice", "costPrice"] as const;

/** One catalog row; managers edit its prices in place and archive or unarchive it. */
export function ProductRow({ product, canManage, onChanged }: TRow) {
  const [prices, setPrices] = useState<{ unitPrice: string; costPrice: string } | null>(null);
  const [errors, setErrors] = useState(() => splitUserErrors([], PRICE_FIELDS));
  const [{ fetching, error }, updateProduct] = useMutation(UpdateProductMutation);

  const send = async (input: { unitPrice: string; costPrice: string } | { archived: boolean }) => {
    const result = await updateProduct({ input: { id: product.id, ...input } });
    const payload = result.data?.updateProduct;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, PRICE_FIELDS));
    if (payload.product) {
      setPrices(null);
      onChanged();
    }
  };
  const save = () => {
    if (!prices) return;
    const local = Object.fromEntries(PRICE_FIELDS.flatMap((key) => { const message = moneyError(prices[key]); return message ? [[key, message]] : []; }));
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    void send({ unitPrice: prices.unitPrice.trim(), costPrice: prices.costPrice.trim() });
  };
  const cancel = () => { setPrices(null); setErrors({ fields: {}, form: [] }); };
  const archived = Boolean(product.archivedAt);

  return (
    <tr>
      <td data-label="Product">
        {product.name}
        {archived ? <> <Badge>Archived</Badge></> : null}
      </td>
      <td data-label="SKU" className="staff-mono">{product.sku ?? <span className="ui-muted">—</span>}</td>
      {prices ? (
        <>
          <td data-label="Unit price"><TextField label={`Unit price of ${product.name}`} value={prices.unitPrice} onChange={(unitPrice) => setPrices({ ...prices, unitPrice })} error={errors.fields.unitPrice} /></td>
          <td data-label="Cost price"><TextField label={`Cost price of ${product.name}`} value={prices.costPrice} onChange={(costPrice) => setPrices({ ...prices, costPrice })} error={errors.fields.costPrice} /></td>
        </>
      ) : (
        <>
          <td data-label="Unit price">{product.unitPrice}</td>
          <td data-label="Cost price">{product.costPrice}</td>
        </>
      )}
      {canManage ? (
        <td className="ui-actions">
          {prices ? (
            <>
              <button type="button" className="ui-button" data-size="small" data-variant="primary" onClick={save} disabled={fetching}>{fetching ? "Saving…" : "Save"}</button>
              <button type="button" className="ui-button" data-size="small" onClick={cancel} disabled={fetching}>Cancel</button>
            </>
          ) : (
            <>
              <button type="button" className="ui-button" data-size="small" onClick={() => setPrices({ unitPrice: product.unitPrice, costPrice: product.costPrice })} aria-label={`Edit prices of ${product.name}`}>Edit prices</button>
              <button type="button" className="ui-button" data-size="small" data-variant={archived ? undefined : "danger"} onClick={() => send({ archived: !archived })} disabled={fetching} aria-label={`${archived ? "Unarchive" : "Archive"} ${product.name}`}>
                {archived ? "Unarchive" : "Archive"}
              </button>
            </>
          )}
          <FormErrors messages={errors.form} />
          {error ? <ErrorState error={error} title={`${product.name} was not changed`} /> : null}
        </td>
      ) : null}
    </tr>
  );
}
