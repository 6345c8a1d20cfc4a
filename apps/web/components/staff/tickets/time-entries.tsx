"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Checkbox, TextField } from "../../ui/field";
import { Card } from "../../ui/page-header";
import { ErrorState } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";
import { formatMinutes } from "./money";

const AddTimeEntryMutation = graphql(`
  mutation AddTimeEntry($input: AddTimeEntryInput!) {
    addTimeEntry(input: $input) { timeEntry { id } userErrors { field message code } }
  }
`);

type TEntry = { id: string; minutes: number; note: string; billable: boolean; createdAt: string; staffUser: { name: string } | null };
const FIELDS = ["minutes", "note"] as const;

export function TimeEntries({ ticketId, entries, onChanged }: { ticketId: string; entries: readonly TEntry[]; onChanged: () => void }) {
  const [form, setForm] = useState({ minutes: "", note: "", billable: true });
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [{ fetching, error }, addTimeEntry] = useMutation(AddTimeEntryMutation);
  const total = entries.reduce((sum, entry) => sum + entry.minutes, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(form.minutes);
    if (!Number.isInteger(minutes) || minutes < 1) return setErrors({ fields: { minutes: "Enter whole minutes, at least 1" }, form: [] });
    const note = form.note.trim();
    const result = await addTimeEntry({ input: { ticketId, minutes, billable: form.billable, ...(note ? { note } : {}) } });
    const payload = result.data?.addTimeEntry;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.timeEntry) {
      setForm({ minutes: "", note: "", billable: form.billable });
      onChanged();
    }
  };

  return (
    <Card title={`Time (${formatMinutes(total)})`}>
      {entries.length === 0 ? <p className="ui-muted" style={{ margin: 0 }}>No time logged yet.</p> : null}
      <ul className="staff-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="staff-list-main">
              <span>
                <strong>{formatMinutes(entry.minutes)}</strong> {entry.note}
              </span>
              <span className="staff-list-meta">
                {entry.staffUser?.name ?? "Vendor support"} · <Time value={entry.createdAt} />
              </span>
            </span>
            {entry.billable ? <Badge tone="ok">Billable</Badge> : <Badge>Not billable</Badge>}
          </li>
        ))}
      </ul>
      <form className="ui-form" onSubmit={submit} noValidate style={{ marginTop: "0.75rem" }}>
        <div className="ui-form-row">
          <TextField label="Minutes" type="number" min={1} step="1" value={form.minutes} onChange={(minutes) => setForm({ ...form, minutes })} error={errors.fields.minutes} />
          <TextField label="Note" value={form.note} onChange={(note) => setForm({ ...form, note })} error={errors.fields.note} />
        </div>
        <Checkbox label="Billable" checked={form.billable} onChange={(billable) => setForm({ ...form, billable })} />
        <FormErrors messages={errors.form} />
        {error ? <ErrorState error={error} title="The time was not logged" /> : null}
        <div className="ui-form-actions">
          <button type="submit" className="ui-button" disabled={fetching}>
            {fetching ? "Adding…" : "Add time"}
          </button>
        </div>
      </form>
    </Card>
  );
}
