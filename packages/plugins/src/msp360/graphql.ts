import { type GraphQLContext, type PluginContext, type RuleTree, type TUserError, UserErrorRef, allow, type builder as coreBuilder, callerPluginContext, enqueueEvent, idOf, isUniqueViolation, rules } from "@mspgraph/schema";
import { withMsp360 } from "./backup-provider.js";
import type { TMsp360Tuning } from "./connection.js";

type TCompany = { name: string; msp360Id: string | null; planCount: number; clientId: string | null };
type TLinkPayload = { company: TCompany | null; userErrors: TUserError[] };

const msp360Context = (context: GraphQLContext) => callerPluginContext(context, { id: "msp360", name: "MSP360" });

async function planCounts(context: GraphQLContext, connectionId: string): Promise<Map<string, number>> {
  const groups = await context.db.backupPlan.groupBy({ by: ["companyName"], where: { connectionId }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.companyName, group._count._all]));
}

// Linking changes which client and agents plans belong to: the poll queued here applies it at once.
const requestPoll = (plugin: PluginContext) =>
  enqueueEvent(plugin.prisma, { partnerId: plugin.connection.partnerId, connectionId: plugin.connection.id, pluginId: "msp360", kind: "sync", providerEventId: `sync:link:${new Date().toISOString()}`, payload: { reason: "company link changed" } });

/** Adds MSP360's company linking to the schema. */
export function registerMsp360Schema(builder: typeof coreBuilder, tuning: TMsp360Tuning): void {
  const CompanyRef = builder.objectRef<TCompany>("Msp360Company").implement({
    description: "A company in the partner's MSP360 account, from its Companies list or its monitoring rows",
    fields: (t) => ({
      name: t.exposeString("name", { description: "MSP360's company name: monitoring rows name their company by it" }),
      msp360Id: t.exposeString("msp360Id", { nullable: true, description: "MSP360's company id; null for a company only monitoring rows name" }),
      planCount: t.exposeInt("planCount", { description: "Backup plans of this company stored by the last poll" }),
      linkedClient: t.prismaField({
        type: "Client",
        nullable: true,
        description: "The client its backup plans belong to; null while unlinked (its plans have no client)",
        resolve: (query, company, _args, { db }) => (company.clientId ? db.client.findUnique({ ...query, where: { id: company.clientId } }) : null),
      }),
    }),
  });

  const CompanyFilter = builder.inputType("Msp360CompanyFilter", { fields: (f) => ({ linked: f.boolean({ required: false, description: "false: only companies linked to no client" }) }) });

  builder.queryField("msp360Companies", (t) =>
    t.field({
      type: [CompanyRef],
      description: "The companies of the partner's MSP360 account (read live) and of its stored monitoring rows, by name, with the client each is linked to",
      args: { filter: t.arg({ type: CompanyFilter, required: false }) },
      resolve: async (_root, { filter }, context) => {
        const plugin = await msp360Context(context);
        const listed = await withMsp360(plugin, tuning, (client) => client.companies());
        const counts = await planCounts(context, plugin.connection.id);
        const links = new Map((await context.db.msp360CompanyLink.findMany({ where: { connectionId: plugin.connection.id } })).map((link) => [link.companyName, link.clientId]));
        const ids = new Map(listed.flatMap((company) => (company.Name ? [[company.Name, company.Id] as const] : [])));
        const names = [...new Set([...ids.keys(), ...counts.keys(), ...links.keys()])].filter(Boolean).sort((a, b) => a.localeCompare(b));
        const companies = names.map((name) => ({ name, msp360Id: ids.get(name) ?? null, planCount: counts.get(name) ?? 0, clientId: links.get(name) ?? null }));
        return filter?.linked == null ? companies : companies.filter((company) => (company.clientId !== null) === filter.linked);
      },
    }),
  );

  const payload = builder.objectRef<TLinkPayload>("Msp360CompanyLinkPayload").implement({
    fields: (t) => ({
      company: t.field({ type: CompanyRef, nullable: true, resolve: (p) => p.company }),
      userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
    }),
  });

  builder.mutationField("linkMsp360Company", (t) =>
    t.field({
      type: payload,
      description: "Links an MSP360 company to a client: its backup plans belong to that client, match its agents by computer name and raise its alerts (from the poll this queues)",
      args: { input: t.arg({ type: builder.inputType("LinkMsp360CompanyInput", { fields: (f) => ({ companyName: f.string({ required: true }), clientId: f.id({ required: true }) }) }), required: true }) },
      resolve: async (_root, { input }, context): Promise<TLinkPayload> => {
        const plugin = await msp360Context(context);
        const client = await context.db.client.findUnique({ where: { id: idOf(String(input.clientId), "Client", "clientId") } });
        if (!client) return { company: null, userErrors: [{ field: "clientId", message: "no such client", code: "NOT_FOUND" }] };
        const name = input.companyName;
        const counts = await planCounts(context, plugin.connection.id);
        const listed = counts.has(name) ? [] : await withMsp360(plugin, tuning, (msp360) => msp360.companies());
        const known = listed.find((company) => company.Name === name);
        if (!counts.has(name) && !known) return { company: null, userErrors: [{ field: "companyName", message: "MSP360 has no company of that name (names are exact, as msp360Companies lists them)", code: "NOT_FOUND" }] };
        try {
          await context.db.msp360CompanyLink.create({ data: { partnerId: client.partnerId, connectionId: plugin.connection.id, companyName: name, clientId: client.id } });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          return { company: null, userErrors: [{ field: "companyName", message: "this company is already linked: unlink it first", code: "CONFLICT" }] };
        }
        await context.db.backupPlan.updateMany({ where: { connectionId: plugin.connection.id, companyName: name, clientId: null }, data: { clientId: client.id } });
        await requestPoll(plugin);
        return { company: { name, msp360Id: known?.Id ?? null, planCount: counts.get(name) ?? 0, clientId: client.id }, userErrors: [] };
      },
    }),
  );

  builder.mutationField("unlinkMsp360Company", (t) =>
    t.field({
      type: payload,
      description: "Unlinks an MSP360 company from its client: its plans leave the client, and their open alerts are resolved by the poll this queues",
      args: { input: t.arg({ type: builder.inputType("UnlinkMsp360CompanyInput", { fields: (f) => ({ companyName: f.string({ required: true }) }) }), required: true }) },
      resolve: async (_root, { input }, context): Promise<TLinkPayload> => {
        const plugin = await msp360Context(context);
        const where = { connectionId: plugin.connection.id, companyName: input.companyName };
        const link = await context.db.msp360CompanyLink.findFirst({ where });
        if (!link) return { company: null, userErrors: [{ field: "companyName", message: "this company is not linked to a client", code: "NOT_FOUND" }] };
        await context.db.msp360CompanyLink.delete({ where: { id: link.id } });
        const { count } = await context.db.backupPlan.updateMany({ where, data: { clientId: null, agentId: null } });
        await requestPoll(plugin);
        return { company: { name: link.companyName, msp360Id: null, planCount: count, clientId: null }, userErrors: [] };
      },
    }),
  );
}

export const msp360Rules: RuleTree = {
  Query: { msp360Companies: rules.isStaff },
  Mutation: { linkMsp360Company: rules.isPartnerManager, unlinkMsp360Company: rules.isPartnerManager },
  Msp360Company: { "*": rules.isStaff },
  Msp360CompanyLinkPayload: { "*": allow },
};
