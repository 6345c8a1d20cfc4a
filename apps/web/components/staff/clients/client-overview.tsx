"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Card } from "../../ui/page-header";
import { ErrorState, Loading } from "../../ui/states";
import { Time } from "../../ui/time";
import { BackupSummary } from "../backups/backup-summary";
import { EditClientForm } from "./edit-client-form";

export const ClientOverviewQuery = graphql(`
  query ClientOverview($id: ID!) {
    client(id: $id) {
      id name domain createdAt updatedAt archivedAt
      branding { primaryColor accentColor logoUrl }
      partner { id name }
      backupSummary { ok warning failed missed running unknown }
    }
  }
`);

export function ClientOverview({ id, canEdit }: { id: string; canEdit: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientOverviewQuery, variables: { id } });
  const [editing, setEditing] = useState(false);
  const client = data?.client;
  return (
    <Card
      id="overview"
      title="Overview and branding"
      actions={
        canEdit && client && !editing ? (
          <button type="button" className="ui-button" data-size="small" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null
      }
    >
      {fetching && !client ? <Loading /> : null}
      {error ? <ErrorState error={error} onRetry={() => refetch()} /> : null}
      {client && editing ? (
        <EditClientForm
          client={client}
          onDone={(changed) => {
            setEditing(false);
            if (changed) refetch({ requestPolicy: "network-only" });
          }}
        />
      ) : null}
      {client && !editing ? (
        <div className="ui-grid">
          <dl className="ui-dl">
            <dt>Name</dt>
            <dd>{client.name}</dd>
            <dt>Domain</dt>
            <dd>{client.domain}</dd>
            <dt>Partner</dt>
            <dd>{client.partner.name}</dd>
            <dt>Created</dt>
            <dd><Time value={client.createdAt} /></dd>
            <dt>Updated</dt>
            <dd><Time value={client.updatedAt} /></dd>
            <dt>Backups</dt>
            <dd><BackupSummary summary={client.backupSummary} clientId={client.id} /></dd>
          </dl>
          <div style={{ display: "grid", gap: "0.5rem" }}>
            <div className="staff-brand-preview" style={{ background: client.branding.primaryColor, borderBottom: `4px solid ${client.branding.accentColor}` }}>
              {client.branding.logoUrl ? <img src={client.branding.logoUrl} alt={`${client.name} logo`} /> : null}
              <span>{client.name} portal</span>
            </div>
            <span className="ui-muted" style={{ fontSize: "0.85rem" }}>
              <span className="staff-swatch" style={{ background: client.branding.primaryColor }} aria-hidden="true" />
              Primary {client.branding.primaryColor} ·{" "}
              <span className="staff-swatch" style={{ background: client.branding.accentColor }} aria-hidden="true" />
              Accent {client.branding.accentColor}
              {client.branding.logoUrl ? ` · Logo ${client.branding.logoUrl}` : " · No logo"}
            </span>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
