"use client";

import { TextField } from "../../ui/field";
import type { TClientForm } from "./client-form";

type TErrors = Partial<Record<keyof TClientForm, string>>;

function ColorField({ label, value, error, onChange }: { label: string; value: string; error?: string | undefined; onChange: (value: string) => void }) {
  return (
    <div className="ui-form-row" style={{ gridTemplateColumns: "3rem 1fr", alignItems: "end" }}>
      <input type="color" aria-label={`${label} picker`} value={/^#[0-9a-fA-F]{6}$/.test(value) ? value : "#000000"} onChange={(event) => onChange(event.target.value)} style={{ width: "3rem", height: "2.25rem", border: "none", background: "none" }} />
      <TextField label={label} value={value} onChange={onChange} error={error} placeholder="#1f6feb" />
    </div>
  );
}

/** Name, domain and branding, shared by the create and edit forms, with a live preview of the portal's header. */
export function ClientFields({ form, errors, onChange }: { form: TClientForm; errors: TErrors; onChange: (form: TClientForm) => void }) {
  const set = (key: keyof TClientForm) => (value: string) => onChange({ ...form, [key]: value });
  return (
    <>
      <div className="ui-form-row">
        <TextField label="Name" value={form.name} onChange={set("name")} error={errors.name} required />
        <TextField label="Domain" value={form.domain} onChange={set("domain")} error={errors.domain} placeholder="example.com" hint="Unique among your clients" required />
      </div>
      <TextField label="Logo URL" value={form.logoUrl} onChange={set("logoUrl")} error={errors.logoUrl} placeholder="https://… or /logos/…" hint="Shown in the client portal" />
      <div className="ui-form-row">
        <ColorField label="Primary colour" value={form.primaryColor} error={errors.primaryColor} onChange={set("primaryColor")} />
        <ColorField label="Accent colour" value={form.accentColor} error={errors.accentColor} onChange={set("accentColor")} />
      </div>
      <div className="staff-brand-preview" style={{ background: form.primaryColor, borderBottom: `4px solid ${form.accentColor}` }} aria-label="Portal preview">
        {form.logoUrl.trim() ? <img src={form.logoUrl.trim()} alt="" /> : null}
        <span>{form.name.trim() || "Client portal"}</span>
      </div>
    </>
  );
}
