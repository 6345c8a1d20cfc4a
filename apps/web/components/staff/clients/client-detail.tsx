"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { Badge } from "../../ui/badge";
import { PageHeader } from "../../ui/page-header";
import { ErrorState, Loading } from "../../ui/states";
import { useStaffViewer } from "../use-viewer";
import { ViewAsButton } from "../view-as-button";
import { ClientActivity } from "./client-activity";
import { ClientDocuments } from "./client-documents";
import { ClientOverview } from "./client-overview";
import { ClientSites } from "./client-sites";
import { ClientUsers } from "./client-users";
import "../staff.css";

const ClientHeaderQuery = graphql(`
  query ClientHeader($id: ID!) {
    client(id: $id) { id name domain archivedAt }
  }
`);

const SECTIONS = [
  ["overview", "Overview"],
  ["sites", "Sites and agents"],
  ["activity", "Alerts and tickets"],
  ["documents", "Documents"],
  ["users", "Users"],
] as const;

export function ClientDetail({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientHeaderQuery, variables: { id } });
  const staff = useStaffViewer();
  if (fetching && !data) return <Loading label="Loading the client…" />;
  if (error || !data) {
    return (
      <div className="ui-page">
        <Link className="ui-link" href="/clients">← Clients</Link>
        {error ? <ErrorState error={error} title="This client could not be loaded" onRetry={() => refetch()} /> : null}
      </div>
    );
  }
  const { client } = data;
  return (
    <div className="ui-page">
      <Link className="ui-link" href="/clients">← Clients</Link>
      <PageHeader
        title={client.name}
        description={
          <>
            {client.domain} {client.archivedAt ? <Badge>Archived</Badge> : null}
          </>
        }
        actions={staff.canViewAsClient && !client.archivedAt ? <ViewAsButton target={{ clientId: client.id }} label="View as client" destination="/portal" subjectName={client.name} /> : null}
      />
      <nav className="staff-tabs" aria-label="Sections">
        {SECTIONS.map(([anchor, label]) => (
          <a key={anchor} href={`#${anchor}`}>{label}</a>
        ))}
      </nav>
      <ClientOverview id={client.id} canEdit={staff.isManager} />
      <ClientSites id={client.id} />
      <ClientActivity id={client.id} />
      <ClientDocuments id={client.id} />
      <ClientUsers id={client.id} canManage={staff.isManager} />
    </div>
  );
}
