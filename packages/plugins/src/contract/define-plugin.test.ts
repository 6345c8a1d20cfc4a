import { registerPlugins } from "@mspgraph/schema";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { PluginDefinitionError, definePlugin } from "./define-plugin.js";
import { createPluginRegistry } from "./registry.js";

const noop = async () => ({ externalId: null });
const tickets = { createTicket: noop, addComment: noop, changeStatus: async () => {}, addTimeEntry: noop, addLineItem: noop, removeLineItem: async () => {} };
const backups = { listPlans: async function* () {}, clientIdForCompany: async () => null };
const job = { name: "poll", everyMinutes: () => 15, run: async () => {} };
const valid = { id: "acme-rmm", name: "Acme RMM", version: "1.0.0", credentialsSchema: z.object({ apiKey: z.string() }), configSchema: z.object({}) };

describe("definePlugin", () => {
  it("accepts a complete definition", () => {
    expect(definePlugin({ ...valid, capabilities: ["backups"], backups, jobs: [job] })).toMatchObject({ id: "acme-rmm", capabilities: ["backups"], description: "", needsConnection: true });
  });

  it.each([
    [{ ...valid, id: "Acme RMM" }, "acme rmm", /"Acme RMM" is invalid: id: id must be/],
    [{ ...valid, version: "one" }, "acme-rmm", /"acme-rmm" is invalid: version: version must be semantic/],
    [{ ...valid, capabilities: ["teleport"] }, "acme-rmm", /"acme-rmm" is invalid: capabilities/],
    [{ ...valid, credentialsSchema: { apiKey: "string" } }, "acme-rmm", /"acme-rmm" is invalid: credentialsSchema: credentialsSchema must be a zod object schema/],
    [{ ...valid, name: "" }, "acme-rmm", /"acme-rmm" is invalid: name: name must not be empty/],
    [{ ...valid, capabilities: ["tickets"] }, "acme-rmm", /"acme-rmm" is invalid: declares the "tickets" capability but has no `tickets` implementation/],
    [{ ...valid, backups }, "acme-rmm", /"acme-rmm" is invalid: implements `backups` without declaring the "backups" capability/],
    [{ ...valid, capabilities: ["tickets"], tickets: { ...tickets, addComment: undefined } }, "acme-rmm", /"acme-rmm" is invalid: tickets.addComment/],
    [{ ...valid, jobs: [job, job] }, "acme-rmm", /"acme-rmm" is invalid: jobs: two jobs share a name/],
    [{ ...valid, jobs: [{ ...job, name: "Poll Now" }] }, "acme-rmm", /"acme-rmm" is invalid: jobs.0.name: a job name must be/],
    [{ ...valid, tenancy: { AcmeDevice: { owner: "partner", partnerColumn: "partnerId" } } }, "acme-rmm", /"acme-rmm" is invalid: tenancy.AcmeDevice.clientUsers/],
    [{ ...valid, tenancy: { AcmeDevice: { owner: "partner", partnerColumn: "partnerId", clientUsers: "ownClient" } } }, "acme-rmm", /"acme-rmm" is invalid: tenancy.AcmeDevice.clientUsers/],
    [{ ...valid, tenancy: { AcmeDevice: { owner: "tenant" } } }, "acme-rmm", /"acme-rmm" is invalid: tenancy.AcmeDevice.owner/],
  ])("refuses a bad definition with the plugin's name and the problem (%#)", (definition, _id, message) => {
    expect(() => definePlugin(definition as never)).toThrow(PluginDefinitionError);
    expect(() => definePlugin(definition as never)).toThrow(message);
  });

  it("refuses at composition a plugin that declares the tenancy of a model it does not own", () => {
    const plugin = definePlugin({ ...valid, tenancy: { Ticket: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient" } } });
    expect(() => registerPlugins([plugin])).toThrow('plugin "acme-rmm" declares the tenancy of Ticket, which is already declared');
  });

  it("refuses two plugins with one id in the registry", () => {
    const plugin = definePlugin(valid);
    expect(() => createPluginRegistry([plugin, plugin])).toThrow(/"acme-rmm" is invalid: another plugin already uses this id/);
    expect(createPluginRegistry([plugin]).get("acme-rmm")).toBe(plugin);
  });
});
