import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, gid } from "../testing/test-api.js";

const partnerId = seedId("partner", "northwind-msp");
const NAMES = "{ viewer { partner { staffUsers(first: 50) { totalCount edges { node { id name role } } } } } }";
const EMAILS = "{ viewer { partner { staffUsers(first: 50) { edges { node { email } } } } } }";
const NORTHWIND = [
  { name: "Ada Admin", role: "ADMIN" },
  { name: "Nora Owens", role: "OWNER" },
  { name: "Theo Marsh", role: "TECHNICIAN" },
];
type TStaffList = { edges: Array<{ node: Record<string, string> }> };
const people = (list: TStaffList) => list.edges.map(({ node }) => ({ name: node.name, role: node.role }));

// Who may read partner staff: every staff role its colleagues' names and roles (to assign
// tickets), managers their emails too, client users nothing.
describe("staff visibility by role", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
    const owner = await t.database.prisma.staffUser.findFirstOrThrow({ where: { email: "owner@northwind-msp.test" } });
    await t.database.prisma.staffUser.create({ data: { partnerId, email: "ada@northwind-msp.test", name: "Ada Admin", role: "ADMIN", passwordHash: owner.passwordHash } });
  });
  afterAll(() => t.close());

  it("a TECHNICIAN lists their own partner's staff by name and role, without emails", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    const list = await t.gql(NAMES, {}, { token: tech });
    expect(list.errors).toBeUndefined();
    expect(list.data!.viewer.partner.staffUsers.totalCount).toBe(3);
    expect(people(list.data!.viewer.partner.staffUsers)).toEqual(NORTHWIND);
    expect(codeOf(await t.gql(EMAILS, {}, { token: tech }))).toBe("FORBIDDEN");
    const assignee = await t.gql("query ($id: ID!) { node(id: $id) { ... on StaffUser { name email } } }", { id: gid("StaffUser", seedId("staff", "owner@northwind-msp.test")) }, { token: tech });
    expect(codeOf(assignee)).toBe("FORBIDDEN");
    expect(JSON.stringify(assignee)).not.toContain("owner@northwind-msp.test");
  });

  it("a TECHNICIAN cannot reach another partner's staff", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    const other = await t.gql("query ($id: ID!) { node(id: $id) { ... on StaffUser { name } } }", { id: gid("StaffUser", seedId("staff", "owner@contoso-it.test")) }, { token: tech });
    expect(other.data!.node).toBeNull();
  });

  it.each(["owner@northwind-msp.test", "ada@northwind-msp.test"])("%s (OWNER, ADMIN) reads names, roles and emails of their own staff only", async (email) => {
    const token = await t.tokenFor(email);
    expect(people((await t.gql(NAMES, {}, { token })).data!.viewer.partner.staffUsers)).toEqual(NORTHWIND);
    const emails = (await t.gql(EMAILS, {}, { token })).data!.viewer.partner.staffUsers as TStaffList;
    expect(emails.edges.map(({ node }) => node.email).sort()).toEqual(["ada@northwind-msp.test", "owner@northwind-msp.test", "tech@northwind-msp.test"]);
  });

  it("a platform admin reads any partner's staff", async () => {
    const admin = await t.tokenFor("admin@mspgraph.test");
    const result = await t.gql("query ($id: ID!) { partner(id: $id) { staffUsers(first: 50) { edges { node { name email } } } } }", { id: gid("Partner", seedId("partner", "contoso-it")) }, { token: admin });
    expect(result.data!.partner.staffUsers.edges.map(({ node }: { node: { email: string } }) => node.email).sort()).toEqual(["owner@contoso-it.test", "tech@contoso-it.test"]);
  });

  it.each(["admin@fabrikam.test", "viewer@fabrikam.test"])("client user %s cannot list staff", async (email) => {
    const token = await t.tokenFor(email);
    const result = await t.gql("{ viewer { partner { name staffUsers(first: 50) { totalCount edges { node { name } } } } } }", {}, { token });
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(JSON.stringify(result)).not.toContain("Theo Marsh");
    const node = await t.gql("query ($id: ID!) { node(id: $id) { ... on StaffUser { name } } }", { id: gid("StaffUser", seedId("staff", "tech@northwind-msp.test")) }, { token });
    expect(JSON.stringify(node)).not.toContain("Theo Marsh");
  });
});
