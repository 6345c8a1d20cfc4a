// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { ClientUsers } from "./client-users";

afterEach(cleanup);

const users = {
  client: { id: "C1", name: "Fabrikam", users: { totalCount: 1, edges: [{ node: { id: "U1", name: "Victor Lang", email: "viewer@fabrikam.test", role: "VIEW_ONLY", status: "ACTIVE", createdAt: "2026-12-01T00:00:00.000Z" } }] } },
};

it("lets staff who manage the client change a user's role from the list", async () => {
  const urql = fakeUrql((op) => (op.kind === "query" ? users : { updateClientUser: { clientUser: { id: "U1", status: "ACTIVE", role: "ADMIN" }, userErrors: [] } }));
  urql.render(<ClientUsers id="C1" canManage />);
  fireEvent.change(await screen.findByLabelText("Role of Victor Lang"), { target: { value: "ADMIN" } });
  await screen.findByText("Victor Lang");
  expect(urql.mutations().map((m) => m.variables.input)).toEqual([{ id: "U1", role: "ADMIN" }]);
});

it("shows the role as text to staff who do not manage the client", async () => {
  fakeUrql(() => users).render(<ClientUsers id="C1" canManage={false} />);
  expect(await screen.findByText("View only")).toBeTruthy();
  expect(screen.queryByLabelText("Role of Victor Lang")).toBeNull();
});
