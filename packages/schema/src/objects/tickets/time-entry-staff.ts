import type { StaffUser } from "@mspgraph/db";
import DataLoader from "dataloader";
import type { GraphQLContext } from "../../context.js";
import { builder } from "../../builder.js";
import { StaffUserRef } from "../users.js";
import { TimeEntryRef } from "./ticket-types.js";

const loaders = new WeakMap<GraphQLContext, DataLoader<string, StaffUser | null>>();

// One query per request for every time entry's staff member, through the caller's scope.
function staffLoader(context: GraphQLContext): DataLoader<string, StaffUser | null> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await context.db.staffUser.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    loaders.set(context, loader);
  }
  return loader;
}

builder.objectField(TimeEntryRef, "staffUser", (t) =>
  t.field({
    type: StaffUserRef,
    nullable: true,
    description: "Who did the work; null when they are outside the partner (the vendor's support staff)",
    resolve: (entry, _args, context) => staffLoader(context).load(entry.staffUserId),
  }),
);
