import { z } from "zod";

/** A client's new ticket, checked in the browser with the API's own limits. */
export const ZNewTicket = z.object({
  subject: z.string().trim().min(1, "Say in a few words what you need help with.").max(300, "Keep the subject under 300 characters; put the details below."),
  description: z.string().max(50_000, "The description is too long (50,000 characters at most)."),
  priority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]),
});
export type TNewTicket = z.infer<typeof ZNewTicket>;

/** A public comment from the client on their ticket. */
export const ZPortalComment = z.object({ body: z.string().trim().min(1, "Write a message first.").max(50_000, "The message is too long.") });

/** The first problem per field, for showing under each input. */
export function problemsOf<T extends z.ZodTypeAny>(schema: T, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    problems[field] ??= issue.message;
  }
  return problems;
}
