"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { Checkbox, SelectField } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { EmptyState } from "../../ui/states";
import { Time } from "../../ui/time";
import { useTicketOptions } from "../tickets/ticket-options";
import { useFilteredPages } from "../url-filter";
import { BACKUP_FILTER_KEYS, backupFilterFrom } from "./backup-filter";
import { BACKUP_STATES, backupKindLabel, backupLabel, backupTone } from "./backup-tones";
import "../staff.css";

const BackupPlansQuery = graphql(`
  query BackupPlans($first: Int, $after: String, $last: Int, $before: String, $filter: BackupPlanFilter) {
    backupPlans(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id planName kind computerName companyName state providerStatus lastStart nextStart errorMessage reportUrl pluginId
          client { id name }
          agent { id hostname }
        }
      }
    }
  }
`);

export function BackupList() {
  const { values, setValues, pages } = useFilteredPages(BACKUP_FILTER_KEYS, 50);
  const { clients } = useTicketOptions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BackupPlansQuery, variables: { ...pages.page, filter: backupFilterFrom(values) } });
  const plans = data?.backupPlans;
  return (
    <div className="ui-page">
      <PageHeader title="Backups" description="Every backup plan your backup integrations report, by machine." />
      <Card>
        <div className="ui-toolbar">
          <SelectField label="State" value={values.state} onChange={(state) => setValues({ state })} options={[{ value: "", label: "Any state" }, ...BACKUP_STATES.map((s) => ({ value: s, label: backupLabel(s) }))]} />
          <SelectField label="Client" value={values.clientId} onChange={(clientId) => setValues({ clientId, unlinked: "" })} options={[{ value: "", label: "All clients" }, ...clients]} disabled={values.unlinked === "true"} />
          <Checkbox label="Only plans of unlinked companies" checked={values.unlinked === "true"} onChange={(checked) => setValues({ unlinked: checked ? "true" : "", clientId: "" })} />
        </div>
        <ConnectionTable
          connection={plans}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Backup plans"
          empty={
            <EmptyState title="No backup plans match">
              Connect MSP360 under <Link className="ui-link" href="/integrations">Integrations</Link> and link its companies to clients.
            </EmptyState>
          }
          columns={["Machine and plan", "Client", "State", "Last run", "Next run"]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Machine">
                <span style={{ display: "grid" }}>
                  <span className="staff-mono">{node.agent?.hostname ?? node.computerName}</span>
                  <span>{node.kind === "BACKUP" ? null : <Badge>{backupKindLabel(node.kind)}</Badge>} {node.planName}</span>
                  {node.errorMessage ? <span className="ui-field-error" style={{ fontWeight: 400 }}>{node.errorMessage}</span> : null}
                </span>
              </td>
              <td data-label="Client">
                {node.client ? <Link className="ui-link" href={`/clients/${encodeURIComponent(node.client.id)}#sites`}>{node.client.name}</Link> : <span className="ui-muted">Not linked ({node.companyName})</span>}
              </td>
              <td data-label="State">
                <Badge tone={backupTone(node.state)}>{backupLabel(node.state)}</Badge>
                <div className="ui-muted" style={{ fontSize: "0.78rem" }}>{node.providerStatus}</div>
                {node.reportUrl ? <a className="ui-link" style={{ fontSize: "0.78rem" }} href={node.reportUrl} target="_blank" rel="noopener noreferrer">Detailed report</a> : null}
              </td>
              <td data-label="Last run"><Time value={node.lastStart} /></td>
              <td data-label="Next run"><Time value={node.nextStart} fallback="not scheduled" /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
