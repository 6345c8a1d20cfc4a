import type { NotificationKind } from "@mspgraph/db";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { forbidden } from "../errors.js";
import { kindsFor } from "../notifications/kinds.js";
import { DEFAULT_PREFERENCES, type Preferences } from "../notifications/preferences.js";
import { addRules } from "../permissions.js";
import { isPerson } from "../rules/roles.js";
import { NotificationKindEnum } from "./notifications.js";
import { type TUserError, UserErrorRef } from "./user-error.js";
import { ViewerRef } from "./viewer.js";

type Setting = { kind: NotificationKind; description: string; email: boolean; inApp: boolean };
type PreferencesShape = { settings: Setting[]; allClientTickets: boolean | null };

// The person the settings belong to: staff or a client user acting as themselves.
function owner({ principal }: GraphQLContext) {
  if (principal.kind === "staff" && principal.partnerId) return { audience: "STAFF" as const, where: { staffUserId: principal.userId }, partnerId: principal.partnerId, clientId: null };
  if (principal.kind === "client" && !principal.impersonation) return { audience: "CLIENT_USER" as const, where: { clientUserId: principal.userId }, partnerId: principal.partnerId, clientId: principal.clientId };
  return null;
}

async function load(context: GraphQLContext): Promise<PreferencesShape | null> {
  const who = owner(context);
  if (!who) return null;
  const row: Preferences = (await context.db.notificationPreference.findFirst({ where: who.where })) ?? DEFAULT_PREFERENCES;
  const settings = kindsFor(who.audience).map(({ kind, description }) => ({ kind, description, email: !row.emailOff.includes(kind), inApp: !row.inAppOff.includes(kind) }));
  return { settings, allClientTickets: who.audience === "CLIENT_USER" ? row.allClientTickets : null };
}

const NotificationSettingRef = builder.objectRef<Setting>("NotificationSetting").implement({
  description: "One kind of notification and whether you receive it by email and in the app",
  fields: (t) => ({
    kind: t.expose("kind", { type: NotificationKindEnum }),
    description: t.exposeString("description"),
    email: t.exposeBoolean("email"),
    inApp: t.exposeBoolean("inApp"),
  }),
});

const NotificationPreferencesRef = builder.objectRef<PreferencesShape>("NotificationPreferences").implement({
  description: "Which notifications you receive; every kind is on until you turn it off",
  fields: (t) => ({
    settings: t.expose("settings", { type: [NotificationSettingRef] }),
    allClientTickets: t.exposeBoolean("allClientTickets", { nullable: true, description: "Client users: also hear of every ticket of your organisation, not only those you are the contact of (off unless chosen); null for staff" }),
  }),
});

builder.objectField(ViewerRef, "notificationPreferences", (t) =>
  t.field({ type: NotificationPreferencesRef, nullable: true, description: "Your notification settings (null while impersonating a client user)", resolve: (_viewer, _args, context) => load(context) }),
);

const NotificationSettingInput = builder.inputType("NotificationSettingInput", {
  fields: (t) => ({ kind: t.field({ type: NotificationKindEnum, required: true }), email: t.boolean({ required: true }), inApp: t.boolean({ required: true }) }),
});

const UpdateNotificationPreferencesInput = builder.inputType("UpdateNotificationPreferencesInput", {
  fields: (t) => ({
    settings: t.field({ type: [NotificationSettingInput], required: false, description: "The kinds to change; kinds left out keep their setting" }),
    allClientTickets: t.boolean({ required: false, description: "Client users only" }),
  }),
});

type UpdatePayload = { preferences: PreferencesShape | null; userErrors: TUserError[] };

const UpdateNotificationPreferencesPayload = builder.objectRef<UpdatePayload>("UpdateNotificationPreferencesPayload").implement({
  fields: (t) => ({ preferences: t.expose("preferences", { type: NotificationPreferencesRef, nullable: true }), userErrors: t.expose("userErrors", { type: [UserErrorRef] }) }),
});

builder.mutationField("updateNotificationPreferences", (t) =>
  t.field({
    type: UpdateNotificationPreferencesPayload,
    description: "Turns kinds of notification on or off for you, by email and in the app apart",
    args: { input: t.arg({ type: UpdateNotificationPreferencesInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<UpdatePayload> => {
      const who = owner(context);
      if (!who) throw forbidden();
      const allowed = new Set(kindsFor(who.audience).map((entry) => entry.kind));
      const wrong = (input.settings ?? []).find((setting) => !allowed.has(setting.kind));
      if (wrong) return { preferences: null, userErrors: [{ field: "settings", message: `${wrong.kind} is not a notification you can receive`, code: "BAD_USER_INPUT" }] };
      if (input.allClientTickets != null && who.audience !== "CLIENT_USER") return { preferences: null, userErrors: [{ field: "allClientTickets", message: "Only client users follow their organisation's tickets", code: "BAD_USER_INPUT" }] };
      const current: Preferences = (await context.db.notificationPreference.findFirst({ where: who.where })) ?? DEFAULT_PREFERENCES;
      const changed = new Map((input.settings ?? []).map((setting) => [setting.kind, setting]));
      const off = (list: readonly NotificationKind[], channel: "email" | "inApp") =>
        [...allowed].filter((kind) => (changed.has(kind) ? !changed.get(kind)![channel] : list.includes(kind)));
      const data = { emailOff: off(current.emailOff, "email"), inAppOff: off(current.inAppOff, "inApp"), allClientTickets: input.allClientTickets ?? current.allClientTickets };
      const existing = await context.db.notificationPreference.findFirst({ where: who.where, select: { id: true } });
      if (existing) await context.db.notificationPreference.update({ where: { id: existing.id }, data });
      else await context.db.notificationPreference.create({ data: { ...data, ...who.where, partnerId: who.partnerId, clientId: who.clientId } });
      return { preferences: await load(context), userErrors: [] };
    },
  }),
);

addRules({
  Viewer: { notificationPreferences: isPerson },
  Mutation: { updateNotificationPreferences: isPerson },
  NotificationPreferences: { "*": isPerson },
  NotificationSetting: { "*": isPerson },
  UpdateNotificationPreferencesPayload: { "*": isPerson },
});
