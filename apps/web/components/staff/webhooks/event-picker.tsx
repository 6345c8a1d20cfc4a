"use client";

import { Checkbox } from "../../ui/field";
import { toggleEvent } from "./webhook-words";

/** Checkboxes for the catalog's event types. */
export function EventPicker({ catalog, chosen, onChange, error }: { catalog: readonly string[]; chosen: readonly string[]; onChange: (events: string[]) => void; error?: string }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: "0.25rem" }}>Events</legend>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(14rem, 1fr))", gap: "0.25rem 1rem" }}>
        {catalog.map((type) => (
          <Checkbox key={type} label={<code>{type}</code>} checked={chosen.includes(type)} onChange={() => onChange(toggleEvent(catalog, chosen, type))} />
        ))}
      </div>
      {error ? <p className="ui-field-error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
