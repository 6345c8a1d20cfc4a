import { ClientDetail } from "../../../../components/staff/clients/client-detail";

export const metadata = { title: "Client · mspgraph" };

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClientDetail id={decodeURIComponent(id)} />;
}
