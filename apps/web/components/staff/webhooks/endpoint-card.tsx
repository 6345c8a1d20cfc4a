"use client";

import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { ErrorState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { FormErrors } from "../../ui/user-errors";
import { DeliveryLog } from "./delivery-log";
import { EventPicker } from "./event-picker";
import { SecretNotice } from "./secret-notice";

const UpdateMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) { endpoint { id events enabled disabledAt disabledReason failingSince } userErrors { field message code } }
  }
`);
const RotateMutation = graphql(`
  mutation RotateWebhookSecret($input: WebhookEndpointIdInput!) {
    rotateWebhookSecret(input: $input) { secret userErrors { field message code } }
  }
`);
const DeleteMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input) { deletedId userErrors { field message code } }
  }
`);
const TestMutation = graphql(`
  mutation SendTestWebhook($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) { delivery { id } userErrors { field message code } }
  }
`);

export type TEndpoint = { id: string; url: string; description: string; events: readonly string[]; enabled: boolean; failingSince: string | null; disabledAt: string | null; disabledReason: string | null };

/** One endpoint: its switches, events, secret rotation, test event and delivery log. */
export function EndpointCard({ endpoint, catalog, onChanged }: { endpoint: TEndpoint; catalog: readonly string[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<string[] | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [sent, setSent] = useState(0);
  const [update, updateNow] = useMutation(UpdateMutation);
  const [rotate, rotateNow] = useMutation(RotateMutation);
  const [remove, removeNow] = useMutation(DeleteMutation);
  const [test, testNow] = useMutation(TestMutation);
  const busy = update.fetching || rotate.fetching || remove.fetching || test.fetching;
  const failed = update.error ?? rotate.error ?? remove.error ?? test.error;

  const change = async (input: { enabled?: boolean; events?: string[] }) => {
    const result = await updateNow({ input: { id: endpoint.id, ...input } });
    const errors = result.data?.updateWebhookEndpoint.userErrors ?? [];
    setMessages(errors.map((e) => e.message));
    if (errors.length === 0) setEditing(null);
    onChanged();
  };
  const rotateSecret = async () => {
    if (!window.confirm("Rotate the signing secret? The old one stops working at once; update your receiver right after.")) return;
    const result = await rotateNow({ input: { id: endpoint.id } });
    setSecret(result.data?.rotateWebhookSecret.secret ?? null);
  };
  const sendTest = async () => {
    const result = await testNow({ input: { endpointId: endpoint.id } });
    setMessages(result.data?.sendTestWebhook.userErrors.map((e) => e.message) ?? []);
    // The worker sends it within a second or two; look again then.
    setTimeout(() => setSent((n) => n + 1), 2_000);
  };
  const deleteEndpoint = async () => {
    if (!window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`)) return;
    await removeNow({ input: { id: endpoint.id } });
    onChanged();
  };

  const state = endpoint.enabled ? <Badge tone={endpoint.failingSince ? "warn" : "ok"}>{endpoint.failingSince ? "Failing" : "Enabled"}</Badge> : <Badge tone="bad">Disabled</Badge>;
  return (
    <Card title={endpoint.url} actions={state}>
      {endpoint.description ? <p className="ui-muted" style={{ marginTop: 0 }}>{endpoint.description}</p> : null}
      {secret ? <SecretNotice url={endpoint.url} secret={secret} onDone={() => setSecret(null)} /> : null}
      {!endpoint.enabled && endpoint.disabledReason ? <Notice tone="bad" title="Disabled">Since <Time value={endpoint.disabledAt} />: {endpoint.disabledReason}. Enable it once the receiver works; waiting deliveries are sent then.</Notice> : null}
      {endpoint.enabled && endpoint.failingSince ? <Notice tone="warn">Every delivery has failed since <Time value={endpoint.failingSince} />; after 3 days the endpoint is disabled.</Notice> : null}
      {editing ? (
        <div>
          <EventPicker catalog={catalog} chosen={editing} onChange={setEditing} />
          <div className="ui-actions">
            <button type="button" className="ui-button" data-variant="primary" data-size="small" disabled={busy} onClick={() => change({ events: editing })}>Save events</button>
            <button type="button" className="ui-button" data-size="small" onClick={() => setEditing(null)}>Cancel</button>
          </div>
        </div>
      ) : (
        <p>Events: {endpoint.events.map((type) => <code key={type} style={{ marginRight: "0.5rem" }}>{type}</code>)}</p>
      )}
      <FormErrors messages={messages} />
      {failed ? <ErrorState error={failed} title="That did not work" /> : null}
      <div className="ui-actions">
        <button type="button" className="ui-button" data-size="small" disabled={busy} onClick={() => change({ enabled: !endpoint.enabled })}>{endpoint.enabled ? "Disable" : "Enable"}</button>
        <button type="button" className="ui-button" data-size="small" disabled={busy || editing !== null} onClick={() => setEditing([...endpoint.events])}>Edit events</button>
        <button type="button" className="ui-button" data-size="small" disabled={busy || !endpoint.enabled} onClick={sendTest}>Send test event</button>
        <button type="button" className="ui-button" data-size="small" disabled={busy} onClick={rotateSecret}>Rotate secret</button>
        <button type="button" className="ui-button" data-size="small" data-variant="danger" disabled={busy} onClick={deleteEndpoint}>Delete</button>
      </div>
      <DeliveryLog endpointId={endpoint.id} refreshKey={sent} />
    </Card>
  );
}
