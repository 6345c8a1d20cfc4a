import { builder } from "../builder.js";
import { allow, addRules } from "../permissions.js";

const HealthStatus = builder.enumType("HealthStatus", {
  values: { OK: { description: "The API and its database answer" }, DEGRADED: { description: "The database does not answer" } },
});

const Health = builder.objectRef<{ status: "OK" | "DEGRADED" }>("Health").implement({
  description: "Whether the API can serve requests; safe to show to anyone",
  fields: (t) => ({ status: t.expose("status", { type: HealthStatus }) }),
});

builder.queryField("health", (t) =>
  t.field({
    type: Health,
    resolve: async (_root, _args, { database }) => {
      const ok = await database.sql.query("SELECT 1").then(
        () => true,
        () => false,
      );
      return { status: ok ? "OK" : "DEGRADED" } as const;
    },
  }),
);

addRules({ Query: { health: allow }, Health: { status: allow } });
