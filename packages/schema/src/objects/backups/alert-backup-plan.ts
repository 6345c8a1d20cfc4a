import { builder } from "../../builder.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated, isStaff } from "../../rules/roles.js";

// The plan behind a backup alert; its report link is staff's, like the plan's.
builder.prismaObjectField("Alert", "backupPlan", (t) => t.relation("backupPlan", { nullable: true, description: "The backup plan whose failing, missed or warning spell raised it; null for other alerts" }));
builder.prismaObjectField("Alert", "reportUrl", (t) =>
  t.string({
    nullable: true,
    description: "The provider's report of the backup run behind it (MSP360's detailed report). Staff only",
    select: { backupPlan: { select: { reportUrl: true } } },
    resolve: (alert, _args, { principal }) => (principal.kind === "client" ? null : (alert.backupPlan?.reportUrl ?? null)),
  }),
);

addRules({ Alert: { backupPlan: isAuthenticated, reportUrl: isStaff } });
