import { encodeGlobalID } from "@pothos/plugin-relay";
import { revokeSession } from "../auth/sessions.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isNotImpersonating, isPartnerManager, isPerson } from "../rules/roles.js";
import { idOf } from "./global-id.js";
import { StaffUserRef } from "./users.js";
import { ViewerRef } from "./viewer.js";

type SessionRow = { id: string; createdAt: Date; lastUsedAt: Date; ip: string; userAgent: string; current: boolean };

const SignedInSessionRef = builder.objectRef<SessionRow>("SignedInSession").implement({
  description: "A signed-in device: one session, kept alive by refreshing",
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalID("SignedInSession", s.id) }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it signed in" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", description: "When its tokens were last refreshed" }),
    ip: t.exposeString("ip", { description: "The address it signed in from" }),
    userAgent: t.exposeString("userAgent"),
    current: t.exposeBoolean("current", { description: "The session making this request" }),
  }),
});

/** A user's live sessions, newest first; impersonation sessions are shown through the session they started from. */
async function liveSessions(context: GraphQLContext, owner: { staffUserId: string } | { clientUserId: string }): Promise<SessionRow[]> {
  const { principal } = context;
  const rows = await context.database.prisma.authSession.findMany({
    where: { ...owner, revokedAt: null, parentSessionId: null, expiresAt: { gt: new Date() } },
    orderBy: [{ lastUsedAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, lastUsedAt: true, ip: true, userAgent: true },
  });
  const currentId = principal.kind === "staff" || principal.kind === "client" ? principal.sessionId : null;
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

const ownerOf = (context: GraphQLContext) => {
  const { principal } = context;
  if (principal.kind === "staff") return { staffUserId: principal.userId };
  if (principal.kind === "client") return { clientUserId: principal.userId };
  return null;
};

builder.objectField(ViewerRef, "sessions", (t) =>
  t.field({
    type: [SignedInSessionRef],
    description: "The viewer's signed-in devices",
    resolve: (_viewer, _args, context) => {
      const owner = ownerOf(context);
      return owner ? liveSessions(context, owner) : [];
    },
  }),
);

builder.objectField(StaffUserRef, "sessions", (t) =>
  t.field({ type: [SignedInSessionRef], description: "The staff member's signed-in devices (partner OWNER/ADMIN)", resolve: (user, _args, context) => liveSessions(context, { staffUserId: user.id }) }),
);

const EndSessionInput = builder.inputType("EndSessionInput", { fields: (t) => ({ id: t.id({ required: true, description: "A SignedInSession id" }) }) });
const EndSessionPayloadRef = builder.objectRef<{ ok: boolean }>("EndSessionPayload").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok", { description: "True when the session was ended (false when it had already ended)" }) }),
});

builder.mutationField("endSession", (t) =>
  t.field({
    type: EndSessionPayloadRef,
    description: "Signs a device out: one of the viewer's own sessions, or (partner OWNER/ADMIN) one of a staff member's",
    args: { input: t.arg({ type: EndSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { principal, database, events } = context;
      const id = idOf(String(input.id), "SignedInSession");
      const session = await database.prisma.authSession.findFirst({ where: { id, parentSessionId: null }, include: { staffUser: { select: { partnerId: true } } } });
      const own = session && ((principal.kind === "staff" && !principal.impersonation && session.staffUserId === principal.userId) || (principal.kind === "client" && !principal.impersonation && session.clientUserId === principal.userId));
      const managed = session?.staffUser && principal.kind === "staff" && principal.role !== "TECHNICIAN" && principal.partnerId !== null && session.staffUser.partnerId === principal.partnerId;
      // Another tenant's session, or none: the same answer, so ids cannot be probed.
      if (!session || !(own || managed)) throw notFound("SignedInSession");
      if (session.revokedAt) return { ok: false };
      events.publish("sessionsEnded", { sessionIds: await revokeSession(database.prisma, session.id, own ? "ended by user" : "ended by a manager") });
      return { ok: true };
    },
  }),
);

addRules({
  Viewer: { sessions: isNotImpersonating },
  StaffUser: { sessions: isPartnerManager },
  SignedInSession: { "*": isPerson },
  Mutation: { endSession: isPerson },
  EndSessionPayload: { "*": allow },
});
