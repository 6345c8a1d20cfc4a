"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { SearchField } from "../../ui/search-field";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { FormErrors } from "../../ui/user-errors";
import { useTicketOptions } from "../tickets/ticket-options";
import { LinkClientCell, LinkedClientName, useLinkResults } from "./link-client-cell";

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
  const { clients } = useTicketOptions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SyncroCustomersQuery, variables: { page, search: search || null }, requestPolicy: "network-only" });
  const [link, linkCustomer] = useMutation(LinkMutation);
  const [unlink, unlinkCustomer] = useMutation(UnlinkMutation);
  const result = data?.syncroCustomers;
  const { messages, setMessages, settle } = useLinkResults(() => refetch({ requestPolicy: "network-only" }));
  const linkTo = async (customerId: number, clientId: string) => {
    const res = await linkCustomer({ input: { clientId, customerId } });
    settle(res.data?.linkSyncroCustomer.userErrors);
  };
  const unlinkFrom = async (clientId: string) => {
    const res = await unlinkCustomer({ input: { clientId } });
    settle(res.data?.unlinkSyncroCustomer.userErrors);
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
                    <LinkedClientName client={customer.linkedClient} />
                  </td>
                  {canManage ? (
                    <td className="ui-actions">
                      <LinkClientCell
                        subject={customer.name}
                        linked={Boolean(customer.linkedClient)}
                        clients={clients}
                        busy={link.fetching || unlink.fetching}
                        onLink={(clientId) => linkTo(customer.id, clientId)}
                        onUnlink={() => customer.linkedClient && unlinkFrom(customer.linkedClient.id)}
                        onMissingChoice={() => setMessages(["Choose the client to link this customer to."])}
                      />
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
