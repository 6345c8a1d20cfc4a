import type { TicketProvider } from "@mspgraph/schema";
import { z } from "zod";
import { definePlugin } from "../contract/define-plugin.js";

/**
 * The built-in PSA keeps tickets in mspgraph's own tables: the core writes the local copy
 * after the provider's call, and for this provider the local copy is the only one. Its
 * writes therefore have nothing to send anywhere and no provider id to return.
 */
const localTickets: TicketProvider = {
  createTicket: async () => ({ externalId: null }),
  addComment: async () => ({ externalId: null }),
  changeStatus: async () => undefined,
  addTimeEntry: async () => ({ externalId: null }),
  addLineItem: async () => ({ externalId: null }),
  removeLineItem: async () => undefined,
};

export const psaPlugin = definePlugin({
  id: "psa",
  name: "Built-in PSA",
  version: "1.0.0",
  description: "Tickets, comments, time and line items kept in mspgraph itself: every partner's default ticket provider",
  capabilities: ["tickets"],
  needsConnection: false,
  credentialsSchema: z.object({}),
  configSchema: z.object({}),
  tickets: localTickets,
});
