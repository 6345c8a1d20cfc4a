"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge, enumLabel } from "../../ui/badge";
import { SelectField } from "../../ui/field";
import { ConnectionTable } from "../../ui/connection-table";
import { Card, PageHeader } from "../../ui/page-header";
import { SearchField } from "../../ui/search-field";
import { EmptyState } from "../../ui/states";
import { Time } from "../../ui/time";
import { useFilteredPages } from "../url-filter";
import { CreateTicketForm } from "./create-ticket-form";
import { TICKET_FILTER_KEYS, TICKET_STATUSES, statusChange, statusChoice, ticketFilterFrom } from "./ticket-filter";
import { useTicketOptions } from "./ticket-options";
import { priorityTone, statusTone } from "./ticket-tones";
import { providerName } from "../provider-name";
import "../staff.css";

export const TicketsQuery = graphql(`
  query Tickets($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter) {
    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id number subject status statusLabel priority provider updatedAt assigneeName contactName
          client { id name }
        }
      }
    }
  }
`);

const STATUS_OPTIONS = [{ value: "", label: "Any status" }, { value: "open", label: "Open (not resolved or closed)" }, ...TICKET_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))];

export function TicketList() {
  const { values, setValues, pages } = useFilteredPages(TICKET_FILTER_KEYS, 25);
  const options = useTicketOptions();
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TicketsQuery, variables: { ...pages.page, filter: ticketFilterFrom(values) } });
  const tickets = data?.tickets;
  const filtered = Object.values(values).some(Boolean);
  return (
    <div className="ui-page">
      <PageHeader
        title="Tickets"
        description="Every client's requests, whichever PSA keeps them."
        actions={
          <button type="button" className="ui-button" data-variant="primary" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
            {creating ? "Close" : "New ticket"}
          </button>
        }
      />
      {creating ? (
        <Card title="New ticket">
          <CreateTicketForm clients={options.clients} defaultClientId={values.clientId} />
        </Card>
      ) : null}
      <Card>
        <div className="ui-toolbar">
          <SearchField label="Search" value={values.search} onSearch={(search) => setValues({ search })} placeholder="Subject or number" />
          <SelectField label="Status" value={statusChoice(values)} onChange={(choice) => setValues(statusChange(choice))} options={STATUS_OPTIONS} />
          <SelectField label="Client" value={values.clientId} onChange={(clientId) => setValues({ clientId })} options={[{ value: "", label: "All clients" }, ...options.clients]} />
          <SelectField label="Assignee" value={values.assigneeId} onChange={(assigneeId) => setValues({ assigneeId })} options={[{ value: "", label: "Anyone" }, ...options.staff]} />
          {filtered ? (
            <button type="button" className="ui-button" onClick={() => setValues({ status: "", open: "", clientId: "", assigneeId: "", search: "" })}>
              Clear filters
            </button>
          ) : null}
        </div>
        <ConnectionTable
          connection={tickets}
          fetching={fetching}
          error={error}
          onRetry={() => refetch()}
          noun="Tickets"
          empty={<EmptyState title={filtered ? "No ticket matches these filters" : "No tickets yet"} />}
          columns={["Ticket", "Client", "Status", "Priority", "Assignee", "Updated"]}
          pages={pages}
          row={(node) => (
            <tr>
              <td data-label="Ticket">
                <Link className="ui-link" href={`/tickets/${encodeURIComponent(node.id)}`}>
                  #{node.number} {node.subject}
                </Link>
                {node.provider !== "psa" ? <span className="ui-muted"> · {providerName(node.provider)}</span> : null}
              </td>
              <td data-label="Client">{node.client.name}</td>
              <td data-label="Status"><Badge tone={statusTone(node.status)}>{node.statusLabel}</Badge></td>
              <td data-label="Priority"><Badge tone={priorityTone(node.priority)}>{enumLabel(node.priority)}</Badge></td>
              <td data-label="Assignee">{node.assigneeName ?? <span className="ui-muted">Unassigned</span>}</td>
              <td data-label="Updated"><Time value={node.updatedAt} /></td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
