// @vitest-environment happy-dom
import { type TestApi, createTestApi, gid } from "@mspgraph/api/testing";
import { seedId } from "@mspgraph/db";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { TicketControls } from "./ticket-controls";

afterEach(cleanup);

// The picker's queries and the assignment go to a real API, as a TECHNICIAN would send them.
describe("the ticket assignee picker for a technician", () => {
  let t: TestApi;
  let tech: string;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestApi();
    tech = await t.tokenFor("tech@northwind-msp.test");
    const created = await t.gql("mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }", { input: { clientId: gid("Client", seedId("client", "fabrikam")), subject: "Printer offline" } }, { token: tech });
    ticketId = created.data!.createTicket.ticket.id;
  });
  afterAll(() => t.close());

  it("offers the partner's staff and assigns the ticket to one of them", async () => {
    const urql = fakeUrql(async (operation) => {
      const result = await t.gql(operation.query, operation.variables, { token: tech });
      expect(result.errors).toBeUndefined();
      return result.data;
    });
    const onChanged = vi.fn();
    urql.render(<TicketControls ticket={{ id: ticketId, status: "NEW", priority: "NORMAL", assignee: null, updatedAt: new Date().toISOString() }} onChanged={onChanged} />);
    const picker = screen.getByLabelText("Assignee") as HTMLSelectElement;
    await vi.waitFor(() => expect([...picker.options].map((o) => o.text)).toEqual(["Unassigned", "Nora Owens", "Theo Marsh"]));

    fireEvent.change(picker, { target: { value: [...picker.options].find((o) => o.text === "Nora Owens")!.value } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    const ticket = await t.gql("query ($id: ID!) { ticket(id: $id) { assigneeName } }", { id: ticketId }, { token: tech });
    expect(ticket.data!.ticket.assigneeName).toBe("Nora Owens");
  });
});
