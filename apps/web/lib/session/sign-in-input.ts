import { z } from "zod";

/** What both sign-in forms send; the form checks it first, the route handler again. */
export const ZSignInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address, like name@company.com."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** The first problem per field, for showing under each input. */
export function fieldProblems(input: unknown): Partial<Record<"email" | "password", string>> {
  const parsed = ZSignInInput.safeParse(input);
  if (parsed.success) return {};
  const problems: Partial<Record<"email" | "password", string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !problems[field]) problems[field] = issue.message;
  }
  return problems;
}
