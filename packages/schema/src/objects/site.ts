import { builder } from "../builder.js";
import { countedConnection } from "../loaders/relation-counts.js";
import { nodeLookup } from "./global-id.js";
import { addRules } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";

export const SiteRef = builder.prismaNode("Site", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A client's location",
  fields: (t) => ({
    name: t.exposeString("name"),
    address: t.exposeString("address", { nullable: true }),
    client: t.relation("client"),
    agents: t.relatedConnection("agents", { cursor: "id", query: { orderBy: [{ hostname: "asc" }, { id: "asc" }] } }, countedConnection("agent", "siteId")),
  }),
});

addRules({ Site: { "*": isAuthenticated } });
