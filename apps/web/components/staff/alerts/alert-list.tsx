"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, enumLabel } from "../../ui/badge";
import { SelectField } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState, ErrorState, Notice } from "../../ui/states";
import { Time } from "../../ui/time";
import { useTicketOptions } from "../tickets/ticket-options";
import { useFilteredPages } from "../url-filter";
import { AlertActions } from "./alert-actions";
import { ALERT_FILTER_KEYS, ALERT_SEVERITIES, ALERT_STATUSES, alertFilterFrom, matchesAlertFilter } from "./alert-filter";
import { alertStatusTone, severityTone } from "./alert-tones";
import { useLiveAlerts } from "./use-live-alerts";
import "../staff.css";

const AlertsQuery = graphql(`
  query Alerts($first: Int, $after: String, $last: Int, $before: String, $filter: AlertFilter) {
    alerts(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id message severity status source createdAt updatedAt acknowledgedAt resolvedAt client { id name } agent { id hostname } }
      }
    }
  }
`);

export function AlertList() {
  const { values, setValues, pages } = useFilteredPages(ALERT_FILTER_KEYS, 25);
  const { clients } = useTicketOptions();
  const filter = alertFilterFrom(values);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AlertsQuery, variables: { ...pages.page, filter } });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useLiveAlerts(filter.clientId ?? null, (event) => {
    if (event.alert && event.change === "RAISED" && matchesAlertFilter(event.alert, filter)) setAnnouncement(`New ${event.alert.severity.toLowerCase()} alert for ${event.alert.client.name}: ${event.alert.message}`);
    // A burst of events (a poll raising many) refetches once.
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => refetch({ requestPolicy: "network-only" }), 400);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const alerts = data?.alerts;
  return (
    <div className="ui-page">
      <PageHeader
        title="Alerts"
        description="What needs attention on your clients' machines, as it happens."
        actions={
          <span style={{ display: "inline-flex", gap: "0.5rem", alignItems: "center" }}>
            {live.live ? <Badge tone="ok">Live</Badge> : <Badge tone="warn">{live.paused ? "Live updates paused" : "Live updates unavailable"}</Badge>}
            <button type="button" className="ui-button" data-size="small" onClick={() => live.setPaused(!live.paused)}>
              {live.paused ? "Resume live updates" : "Pause live updates"}
            </button>
          </span>
        }
      />
      {live.error && !live.paused ? <ErrorState error={live.error} title="Live updates stopped" onRetry={() => { live.setPaused(true); setTimeout(() => live.setPaused(false), 0); }} /> : null}
      {announcement ? <Notice tone="info">{announcement}</Notice> : null}
      <Card>
        <div className="ui-toolbar">
          <SelectField label="Status" value={values.status} onChange={(status) => setValues({ status })} options={[{ value: "", label: "Any status" }, ...ALERT_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))]} />
          <SelectField label="Severity" value={values.severity} onChange={(severity) => setValues({ severity })} options={[{ value: "", label: "Any severity" }, ...ALERT_SEVERITIES.map((s) => ({ value: s, label: enumLabel(s) }))]} />
          <SelectField label="Client" value={values.clientId} onChange={(clientId) => setValues({ clientId })} options={[{ value: "", label: "All clients" }, ...clients]} />
        </div>
        <ConnectionTable
          connection={alerts}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Alerts"
          empty={<EmptyState title="No alerts here">{values.status === "ACTIVE" ? "Nothing is waiting for attention." : "Nothing matches these filters."}</EmptyState>}
          columns={["Alert", "Client", "Severity", "Status", "Raised", ""]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Alert">
                <span style={{ display: "grid" }}>
                  <span>{node.message}</span>
                  <span className="ui-muted" style={{ fontSize: "0.8rem" }}>
                    {node.agent ? <span className="staff-mono">{node.agent.hostname}</span> : null}
                    {node.agent ? " · " : ""}
                    {node.source}
                  </span>
                </span>
              </td>
              <td data-label="Client"><Link className="ui-link" href={`/clients/${encodeURIComponent(node.client.id)}`}>{node.client.name}</Link></td>
              <td data-label="Severity"><Badge tone={severityTone(node.severity)}>{enumLabel(node.severity)}</Badge></td>
              <td data-label="Status"><Badge tone={alertStatusTone(node.status)}>{enumLabel(node.status)}</Badge></td>
              <td data-label="Raised"><Time value={node.createdAt} /></td>
              <td className="ui-actions"><AlertActions alert={node} onChanged={() => refetch({ requestPolicy: "network-only" })} /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
