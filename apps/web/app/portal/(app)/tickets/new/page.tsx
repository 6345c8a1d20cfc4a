import { Card, PageHeader } from "../../../../../components/ui/page-header";
import { NewTicketForm } from "../../_components/new-ticket-form";

export const metadata = { title: "New ticket · Client portal" };

export default function PortalNewTicket() {
  return (
    <div className="ui-page">
      <PageHeader title="New ticket" description="Tell your IT provider what you need. You will see their answers here." />
      <Card>
        <NewTicketForm />
      </Card>
    </div>
  );
}
