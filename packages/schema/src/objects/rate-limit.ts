import { builder } from "../builder.js";
import type { RateLimitState } from "../context.js";
import { addRules, allow } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";

const RateLimitRef = builder.objectRef<RateLimitState>("RateLimit").implement({
  description: "The caller's hourly point budget, after this request (the same figures as `extensions.cost`)",
  fields: (t) => ({
    cost: t.exposeInt("cost", { description: "What this request cost" }),
    limit: t.exposeInt("limit", { description: "Points per hour" }),
    remaining: t.exposeInt("remaining"),
    resetAt: t.expose("resetAt", { type: "DateTime", description: "When the budget refills" }),
  }),
});

builder.queryField("rateLimit", (t) =>
  t.field({
    type: RateLimitRef,
    nullable: true,
    description: "Your query budget: every response also reports it in extensions.cost",
    resolve: (_root, _args, { rateLimit }) => rateLimit ?? null,
  }),
);

// Callers without a session have no budget (they may only sign in).
addRules({ Query: { rateLimit: isAuthenticated }, RateLimit: { "*": allow } });
