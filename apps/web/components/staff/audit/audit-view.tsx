"use client";

import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { SearchField } from "../../ui/search-field";
import { EmptyState } from "../../ui/states";
import { formatDateTime } from "../../ui/time";
import { SelectField, TextField } from "../../ui/field";
import { useTicketOptions } from "../tickets/ticket-options";
import { useFilteredPages } from "../url-filter";
import { AUDIT_ACTIONS, AUDIT_FILTER_KEYS, auditFilterFrom, auditFilterProblems } from "./audit-filter";
import { AuditDetails } from "./audit-details";
import "../staff.css";

const AuditQuery = graphql(`
  query AuditEvents($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id at action outcome actorType actorId actorLabel targetType targetId clientId ip userAgent metadata impersonationChain }
      }
    }
  }
`);

export function AuditView() {
  const { values, setValues, pages } = useFilteredPages(AUDIT_FILTER_KEYS, 50);
  const { clients } = useTicketOptions();
  const problems = auditFilterProblems(values);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AuditQuery, variables: { ...pages.page, filter: auditFilterFrom(values) }, pause: Object.keys(problems).length > 0 });
  const events = data?.auditEvents;
  const knownAction = AUDIT_ACTIONS.some((a) => a.value === values.action);
  return (
    <div className="ui-page">
      <PageHeader title="Audit log" description="Every sign-in, impersonation and change, newest first. Entries are hash-chained and cannot be edited." />
      <Card>
        <div className="ui-form-row" style={{ marginBottom: "0.75rem" }}>
          <SelectField label="Action" value={knownAction ? values.action : "custom"} onChange={(action) => setValues({ action: action === "custom" ? values.action : action })} options={[...AUDIT_ACTIONS, ...(knownAction ? [] : [{ value: "custom", label: `Custom: ${values.action}` }])]} />
          <SearchField label="Exact action or prefix*" value={knownAction ? "" : values.action} onSearch={(action) => setValues({ action })} placeholder="mutation.createClient" />
          <SearchField label="Actor id" value={values.actorId} onSearch={(actorId) => setValues({ actorId })} />
          <SelectField label="Client" value={values.clientId} onChange={(clientId) => setValues({ clientId })} options={[{ value: "", label: "All clients" }, ...clients]} />
          <TextField label="From" type="datetime-local" value={values.from} onChange={(from) => setValues({ from })} error={problems.from} />
          <TextField label="To" type="datetime-local" value={values.to} onChange={(to) => setValues({ to })} error={problems.to} />
        </div>
        <ConnectionTable
          connection={events}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="The audit log"
          empty={<EmptyState title="No audit events match" />}
          columns={["When", "Action", "Outcome", "Actor", "Target", "From", "Details"]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="When" style={{ whiteSpace: "nowrap" }}>{formatDateTime(node.at)}</td>
              <td data-label="Action" className="staff-mono">{node.action}</td>
              <td data-label="Outcome"><Badge tone={node.outcome === "SUCCESS" ? "ok" : "bad"}>{node.outcome === "SUCCESS" ? "Success" : "Failure"}</Badge></td>
              <td data-label="Actor">
                {node.actorId ? (
                  <button type="button" className="ui-link" style={{ background: "none", border: "none", padding: 0, cursor: "pointer", font: "inherit", textAlign: "left" }} onClick={() => setValues({ actorId: node.actorId ?? "" })} title="Show only this actor's events">
                    {node.actorLabel ?? node.actorId}
                  </button>
                ) : (node.actorLabel ?? "anonymous")}
                <div className="ui-muted" style={{ fontSize: "0.78rem" }}>{node.actorType.toLowerCase().replace("_", " ")}</div>
              </td>
              <td data-label="Target">{node.targetType ? <span className="staff-mono">{node.targetType}</span> : <span className="ui-muted">—</span>}</td>
              <td data-label="From" className="staff-mono">{node.ip ?? "—"}</td>
              <td data-label="Details"><AuditDetails event={node} /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
