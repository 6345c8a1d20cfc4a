"use client";

import { type ReactNode, useId } from "react";
import "./ui.css";

type TFieldShell = { label: string; error?: string | undefined; hint?: ReactNode };
type TControlIds = { id: string; "aria-describedby": string | undefined; "aria-invalid": boolean };

/** A labelled control with its hint and its error, wired for screen readers. */
function FieldShell({ label, error, hint, children }: TFieldShell & { children: (ids: TControlIds) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ui-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": described, "aria-invalid": Boolean(error) })}
      {hint ? (
        <span id={`${id}-hint`} className="ui-field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="ui-field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

type TTextField = TFieldShell & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "number" | "search" | "datetime-local";
  name?: string;
  required?: boolean;
  placeholder?: string;
  autoComplete?: string;
  multiline?: boolean;
  min?: number;
  max?: number;
  step?: string;
};

export function TextField({ label, error, hint, value, onChange, multiline, ...input }: TTextField) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(ids) =>
        multiline ? (
          <textarea className="ui-input" {...ids} name={input.name} required={input.required} placeholder={input.placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input className="ui-input" {...ids} {...input} type={input.type ?? "text"} value={value} onChange={(event) => onChange(event.target.value)} />
        )
      }
    </FieldShell>
  );
}

export type TOption = { value: string; label: string };

type TSelectField = TFieldShell & { value: string; onChange: (value: string) => void; options: readonly TOption[]; name?: string; disabled?: boolean };

export function SelectField({ label, error, hint, value, onChange, options, name, disabled }: TSelectField) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(ids) => (
        <select className="ui-input" {...ids} name={name} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function Checkbox({ label, checked, onChange, name }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; name?: string }) {
  return (
    <label className="ui-check">
      <input type="checkbox" name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
