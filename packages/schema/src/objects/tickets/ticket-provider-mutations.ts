import { builder } from "../../builder.js";
import { pluginById } from "../../integrations/connections.js";
import { addRules, allow } from "../../permissions.js";
import { isPartnerManager, isStaff } from "../../rules/roles.js";
import { callerPartnerId } from "../../tenant-scope.js";
import { PartnerRef } from "../partner.js";
import { type TUserError, UserErrorRef } from "../user-error.js";

builder.objectField(PartnerRef, "ticketProvider", (t) =>
  t.exposeString("ticketProvider", { description: "The plugin that keeps this partner's new tickets: psa (built-in) or a connected PSA plugin" }),
);

type Payload = { partner: { id: string } | null; userErrors: TUserError[] };

builder.mutationField("setTicketProvider", (t) =>
  t.field({
    type: builder.objectRef<Payload>("SetTicketProviderPayload").implement({
      fields: (f) => ({
        partner: f.prismaField({ type: PartnerRef, nullable: true, resolve: (q, p, _a, { db }) => (p.partner ? db.partner.findUnique({ ...q, where: { id: p.partner.id } }) : null) }),
        userErrors: f.expose("userErrors", { type: [UserErrorRef] }),
      }),
    }),
    description: "Chooses where the partner's new tickets are kept: psa, or a connected plugin with the tickets capability. Existing tickets stay with their provider.",
    args: { input: t.arg({ type: builder.inputType("SetTicketProviderInput", { fields: (f) => ({ pluginId: f.string({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const partnerId = callerPartnerId(context.principal);
      const plugin = pluginById(context, input.pluginId);
      if (!plugin?.tickets) return { partner: null, userErrors: [{ field: "pluginId", message: `"${input.pluginId}" is not a ticket provider`, code: "NOT_FOUND" }] };
      if (plugin.needsConnection) {
        const connection = await context.db.integrationConnection.findUnique({ where: { partnerId_pluginId: { partnerId, pluginId: plugin.id } } });
        if (!connection || connection.status === "DISCONNECTED") return { partner: null, userErrors: [{ field: "pluginId", message: `connect ${plugin.name} first`, code: "BAD_USER_INPUT" }] };
      }
      await context.db.partner.update({ where: { id: partnerId }, data: { ticketProvider: plugin.id } });
      return { partner: { id: partnerId }, userErrors: [] };
    },
  }),
);

addRules({
  Partner: { ticketProvider: isStaff },
  Mutation: { setTicketProvider: isPartnerManager },
  SetTicketProviderPayload: { "*": allow },
});
