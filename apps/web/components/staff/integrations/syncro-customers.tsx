"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField } from "../../ui/field";
import { SearchField } from "../../ui/search-field";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { FormErrors } from "../../ui/user-errors";
import { useTicketOptions } from "../tickets/ticket-options";

const SyncroCustomersQuery = graphql(`
  query SyncroCustomers($page: Int, $search: String) {
    syncroCustomers(page: $page, search: $search) {
      page totalPages
      customers { id name email linkedClient { id name } }
    }
  }
`);
const LinkMutation = graphql(`
  mutation LinkSyncroCustomer($input: LinkSyncroCustomerInput!) {
    linkSyncroCustomer(input: $input) { customer { id linkedClient { id name } } userErrors { field message code } }
  }
`);
const UnlinkMutation = graphql(`
  mutation UnlinkSyncroCustomer($input: UnlinkSyncroCustomerInput!) {
    unlinkSyncroCustomer(input: $input) { customer { id linkedClient { id name } } userErrors { field message code } }
  }
`);

/** Syncro's customers (read live, 25 a page) and the client each is linked to. */
export function SyncroCustomers({ canManage }: { canManage: boolean }) {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const { clients } = useTicketOptions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SyncroCustomersQuery, variables: { page, search: search || null }, requestPolicy: "network-only" });
  const [link, linkCustomer] = useMutation(LinkMutation);
  const [unlink, unlinkCustomer] = useMutation(UnlinkMutation);
  const result = data?.syncroCustomers;

  const afterChange = (errors: readonly { message: string }[]) => {
    setMessages(errors.map((e) => e.message));
    if (errors.length === 0) refetch({ requestPolicy: "network-only" });
  };
  const linkTo = async (customerId: number) => {
    const clientId = choice[customerId];
    if (!clientId) return setMessages(["Choose the client to link this customer to."]);
    const res = await linkCustomer({ input: { clientId, customerId } });
    afterChange(res.data?.linkSyncroCustomer.userErrors ?? []);
  };
  const unlinkFrom = async (clientId: string) => {
    const res = await unlinkCustomer({ input: { clientId } });
    afterChange(res.data?.unlinkSyncroCustomer.userErrors ?? []);
  };

  return (
    <div style={{ display: "grid", gap: "0.75rem" }}>
      <div className="ui-toolbar">
        <SearchField label="Search Syncro customers" value={search} onSearch={(value) => { setSearch(value); setPage(1); }} />
      </div>
      <FormErrors messages={messages} />
      {link.error ? <ErrorState error={link.error} title="The customer was not linked" /> : null}
      {unlink.error ? <ErrorState error={unlink.error} title="The customer was not unlinked" /> : null}
      {error ? <ErrorState error={error} title="Syncro's customers could not be read" onRetry={() => refetch()} /> : null}
      {fetching && !result ? <Loading label="Reading customers from Syncro…" /> : null}
      {result && result.customers.length === 0 ? <EmptyState title="No Syncro customers match" /> : null}
      {result && result.customers.length > 0 ? (
        <div className="ui-table-wrap">
          <table className="ui-table">
            <thead>
              <tr>
                <th>Syncro customer</th>
                <th>Linked client</th>
                {canManage ? <th><span className="ui-sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {result.customers.map((customer) => (
                <tr key={customer.id}>
                  <td data-label="Customer">
                    {customer.name}
                    {customer.email ? <div className="ui-muted" style={{ fontSize: "0.8rem" }}>{customer.email}</div> : null}
                  </td>
                  <td data-label="Linked client">
                    {customer.linkedClient ? <Link className="ui-link" href={`/clients/${encodeURIComponent(customer.linkedClient.id)}`}>{customer.linkedClient.name}</Link> : <span className="ui-muted">Not linked</span>}
                  </td>
                  {canManage ? (
                    <td className="ui-actions">
                      {customer.linkedClient ? (
                        <button type="button" className="ui-button" data-size="small" disabled={unlink.fetching} onClick={() => unlinkFrom(customer.linkedClient!.id)} aria-label={`Unlink ${customer.name}`}>
                          Unlink
                        </button>
                      ) : (
                        <span style={{ display: "inline-flex", gap: "0.4rem", alignItems: "end" }}>
                          <SelectField label={`Client for ${customer.name}`} value={choice[customer.id] ?? ""} onChange={(clientId) => setChoice({ ...choice, [customer.id]: clientId })} options={[{ value: "", label: "Choose a client…" }, ...clients]} />
                          <button type="button" className="ui-button" data-size="small" disabled={link.fetching} onClick={() => linkTo(customer.id)} aria-label={`Link ${customer.name}`}>
                            Link
                          </button>
                        </span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && result.totalPages > 1 ? (
        <nav className="ui-pager" aria-label="Customer pages">
          <span>Page {result.page} of {result.totalPages}</span>
          <div>
            <button type="button" className="ui-button" data-size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
            <button type="button" className="ui-button" data-size="small" disabled={page >= result.totalPages} onClick={() => setPage(page + 1)}>Next</button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
