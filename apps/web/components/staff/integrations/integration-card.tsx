"use client";

import { type ReactNode, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, type TTone } from "../../ui/badge";
import { Card } from "../../ui/page-header";
import { ErrorState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { ConnectForm } from "./connect-form";
import { CONNECT_SPECS } from "./plugin-specs";
import { IntegrationEvents } from "./integration-events";
import { Msp360Companies } from "./msp360-companies";
import { SyncNow } from "./sync-now";
import { SyncroCustomers } from "./syncro-customers";
import { WebhookUrl } from "./webhook-url";

const DisconnectMutation = graphql(`
  mutation DisconnectIntegration($input: DisconnectIntegrationInput!) {
    disconnectIntegration(input: $input) { integration { pluginId status } userErrors { field message code } }
  }
`);

export type TIntegration = {
  pluginId: string; name: string; description: string; version: string; capabilities: readonly string[];
  status: "OK" | "DEGRADED" | "FAILING" | "DISCONNECTED"; lastSyncAt?: string | null; lastError?: string | null;
  hasCredentials: boolean; credentialsUpdatedAt?: string | null; config?: Record<string, unknown> | null;
  syncProgress?: { done: number; total: number } | null; webhookPath?: string | null;
};

const STATUS_TONE: Record<TIntegration["status"], TTone> = { OK: "ok", DEGRADED: "warn", FAILING: "bad", DISCONNECTED: "neutral" };
const STATUS_LABEL: Record<TIntegration["status"], string> = { OK: "OK", DEGRADED: "Degraded", FAILING: "Failing", DISCONNECTED: "Disconnected" };
const STATUS_WORDS: Record<TIntegration["status"], string> = { OK: "Connected and working", DEGRADED: "Recent calls failed", FAILING: "Calls keep failing", DISCONNECTED: "Not connected" };

function Fold({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details>
      <summary style={{ cursor: "pointer", fontWeight: 600 }}>{title}</summary>
      <div style={{ marginTop: "0.75rem" }}>{children}</div>
    </details>
  );
}

export function IntegrationCard({ integration, canManage, onChanged }: { integration: TIntegration; canManage: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [disconnect, disconnectIntegration] = useMutation(DisconnectMutation);
  const spec = CONNECT_SPECS[integration.pluginId];
  const connected = integration.status !== "DISCONNECTED";
  const done = () => {
    setEditing(false);
    onChanged();
  };
  const disconnectNow = async () => {
    if (!window.confirm(`Disconnect ${integration.name}? Its stored credentials are erased; synced data stays.`)) return;
    await disconnectIntegration({ input: { pluginId: integration.pluginId } });
    onChanged();
  };

  return (
    <Card
      title={integration.name}
      id={`integration-${integration.pluginId}`}
      actions={<Badge tone={STATUS_TONE[integration.status]}>{STATUS_LABEL[integration.status]}</Badge>}
    >
      <div className="ui-page" style={{ gap: "0.9rem" }}>
        <p className="ui-muted" style={{ margin: 0 }}>{integration.description}</p>
        <dl className="ui-dl">
          <dt>Status</dt>
          <dd>{STATUS_WORDS[integration.status]}</dd>
          <dt>Last sync</dt>
          <dd><Time value={integration.lastSyncAt} /></dd>
          <dt>Credentials</dt>
          <dd>{integration.hasCredentials ? <>Stored{integration.credentialsUpdatedAt ? <>, set <Time value={integration.credentialsUpdatedAt} /></> : null}</> : "None"}</dd>
          <dt>Provides</dt>
          <dd>{integration.capabilities.length ? integration.capabilities.join(", ") : "—"} · v{integration.version}</dd>
        </dl>
        {integration.lastError ? <Notice tone={integration.status === "FAILING" ? "bad" : "warn"} title="Last error">{integration.lastError}</Notice> : null}
        {editing && spec ? <ConnectForm spec={spec} integration={integration} mode={connected ? "update" : "connect"} onDone={done} /> : null}
        {!editing && canManage ? (
          <div className="ui-form-actions">
            {spec ? (
              <button type="button" className="ui-button" data-variant={connected ? undefined : "primary"} onClick={() => setEditing(true)}>
                {connected ? "Update connection" : `Connect ${integration.name}`}
              </button>
            ) : null}
            {connected ? (
              <button type="button" className="ui-button" data-variant="danger" onClick={disconnectNow} disabled={disconnect.fetching}>
                Disconnect
              </button>
            ) : null}
          </div>
        ) : null}
        {disconnect.error ? <ErrorState error={disconnect.error} title="Not disconnected" /> : null}
        {connected ? <SyncNow pluginId={integration.pluginId} progress={integration.syncProgress} onPoll={onChanged} /> : null}
        {connected && integration.webhookPath ? <WebhookUrl path={integration.webhookPath} /> : null}
        {connected ? <Fold title="Background work (webhooks and syncs)"><IntegrationEvents pluginId={integration.pluginId} canManage={canManage} /></Fold> : null}
        {connected && integration.pluginId === "msp360" ? <Fold title="Link MSP360 companies to clients"><Msp360Companies canManage={canManage} /></Fold> : null}
        {connected && integration.pluginId === "syncro" ? <Fold title="Link Syncro customers to clients"><SyncroCustomers canManage={canManage} /></Fold> : null}
      </div>
    </Card>
  );
}
