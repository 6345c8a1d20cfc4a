"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { Checkbox } from "../ui/field";
import { Loading, Notice } from "../ui/states";

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    viewer { id notificationPreferences { allClientTickets settings { kind description email inApp } } }
  }
`);

const UpdatePreferences = graphql(`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      userErrors { message }
      preferences { allClientTickets settings { kind description email inApp } }
    }
  }
`);

type TSetting = { kind: string; description: string; email: boolean; inApp: boolean };

/** Each kind of notification on or off, by email and in the app; client users may follow all their tickets. */
export function NotificationPreferencesForm() {
  const [result] = useQuery({ query: PreferencesQuery });
  const [saving, save] = useMutation(UpdatePreferences);
  const loaded = result.data?.viewer?.notificationPreferences;
  const [settings, setSettings] = useState<TSetting[]>([]);
  const [follow, setFollow] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  useEffect(() => {
    if (!loaded) return;
    setSettings(loaded.settings.map((s) => ({ ...s })));
    setFollow(loaded.allClientTickets ?? null);
  }, [loaded]);
  if (result.fetching && !loaded) return <Loading />;
  if (!loaded) return <Notice tone="info">Notification settings are not available for this session.</Notice>;

  const change = (kind: string, channel: "email" | "inApp", on: boolean) => setSettings((all) => all.map((s) => (s.kind === kind ? { ...s, [channel]: on } : s)));
  const submit = async () => {
    const input = { settings: settings.map(({ kind, email, inApp }) => ({ kind, email, inApp })), ...(follow === null ? {} : { allClientTickets: follow }) };
    const answer = await save({ input: input as never });
    const problems = answer.data?.updateNotificationPreferences.userErrors ?? [];
    setMessage(answer.error || problems.length > 0 ? { tone: "bad", text: problems[0]?.message ?? "Your settings could not be saved." } : { tone: "ok", text: "Saved." });
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <table className="table">
        <thead><tr><th scope="col">Tell me when</th><th scope="col">Email</th><th scope="col">In the app</th></tr></thead>
        <tbody>
          {settings.map((s) => (
            <tr key={s.kind}>
              <th scope="row">{s.description}</th>
              <td><input type="checkbox" aria-label={`Email: ${s.description}`} checked={s.email} onChange={(e) => change(s.kind, "email", e.target.checked)} /></td>
              <td><input type="checkbox" aria-label={`In the app: ${s.description}`} checked={s.inApp} onChange={(e) => change(s.kind, "inApp", e.target.checked)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {follow !== null ? <Checkbox label="Also tell me about every ticket of my organisation, not only those I am the contact of" checked={follow} onChange={setFollow} /> : null}
      {message ? <p role="status" className={message.tone === "ok" ? "muted" : "ui-error"}>{message.text}</p> : null}
      <button type="submit" className="button button-primary" disabled={saving.fetching}>{saving.fetching ? "Saving…" : "Save"}</button>
    </form>
  );
}
