"use client";

import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Checkbox } from "../../ui/field";
import { EmptyState, ErrorState, Loading } from "../../ui/states";
import { FormErrors } from "../../ui/user-errors";
import { useTicketOptions } from "../tickets/ticket-options";
import { LinkClientCell, LinkedClientName, useLinkResults } from "./link-client-cell";

const CompaniesQuery = graphql(`
  query Msp360Companies($filter: Msp360CompanyFilter) {
    msp360Companies(filter: $filter) { name msp360Id planCount linkedClient { id name } }
  }
`);
const LinkMutation = graphql(`
  mutation LinkMsp360Company($input: LinkMsp360CompanyInput!) {
    linkMsp360Company(input: $input) { company { name linkedClient { id name } } userErrors { field message code } }
  }
`);
const UnlinkMutation = graphql(`
  mutation UnlinkMsp360Company($input: UnlinkMsp360CompanyInput!) {
    unlinkMsp360Company(input: $input) { company { name } userErrors { field message code } }
  }
`);

/** MSP360's companies (read live, plus those only monitoring rows name) and the client each is linked to. */
export function Msp360Companies({ canManage }: { canManage: boolean }) {
  const [onlyUnlinked, setOnlyUnlinked] = useState(false);
  const { clients } = useTicketOptions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CompaniesQuery, variables: { filter: onlyUnlinked ? { linked: false } : null }, requestPolicy: "network-only" });
  const [link, linkCompany] = useMutation(LinkMutation);
  const [unlink, unlinkCompany] = useMutation(UnlinkMutation);
  const companies = data?.msp360Companies;
  const { messages, setMessages, settle } = useLinkResults(() => refetch({ requestPolicy: "network-only" }));
  const linkTo = async (companyName: string, clientId: string) => {
    const result = await linkCompany({ input: { companyName, clientId } });
    settle(result.data?.linkMsp360Company.userErrors);
  };
  const unlinkFrom = async (companyName: string) => {
    const result = await unlinkCompany({ input: { companyName } });
    settle(result.data?.unlinkMsp360Company.userErrors);
  };

  return (
    <div style={{ display: "grid", gap: "0.75rem" }}>
      <p className="ui-muted" style={{ margin: 0 }}>A linked company's plans belong to that client, match its agents by computer name and raise its alerts.</p>
      <Checkbox label="Only companies not linked yet" checked={onlyUnlinked} onChange={setOnlyUnlinked} />
      <FormErrors messages={messages} />
      {link.error ? <ErrorState error={link.error} title="The company was not linked" /> : null}
      {unlink.error ? <ErrorState error={unlink.error} title="The company was not unlinked" /> : null}
      {error ? <ErrorState error={error} title="MSP360's companies could not be read" onRetry={() => refetch()} /> : null}
      {fetching && !companies ? <Loading label="Reading companies from MSP360…" /> : null}
      {companies && companies.length === 0 ? <EmptyState title={onlyUnlinked ? "Every company is linked" : "MSP360 lists no companies yet"} /> : null}
      {companies && companies.length > 0 ? (
        <div className="ui-table-wrap">
          <table className="ui-table">
            <thead>
              <tr>
                <th>MSP360 company</th>
                <th>Plans</th>
                <th>Linked client</th>
                {canManage ? <th><span className="ui-sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.name}>
                  <td data-label="Company">{company.name}</td>
                  <td data-label="Plans">{company.planCount}</td>
                  <td data-label="Linked client">
                    <LinkedClientName client={company.linkedClient} />
                  </td>
                  {canManage ? (
                    <td className="ui-actions">
                      <LinkClientCell
                        subject={company.name}
                        linked={Boolean(company.linkedClient)}
                        clients={clients}
                        busy={link.fetching || unlink.fetching}
                        onLink={(clientId) => linkTo(company.name, clientId)}
                        onUnlink={() => unlinkFrom(company.name)}
                        onMissingChoice={() => setMessages(["Choose the client to link this company to."])}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
