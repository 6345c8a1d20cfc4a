import { textFrom } from "./http-helpers.js";
import type { TNewComment } from "./ticket-store.js";

/**
 * A comment from a request body (`POST /tickets/{id}/comment` or `comments_attributes`),
 * or undefined when it has no body text, which Syncro refuses.
 * @remarks `user_id` is the token owner's, whatever `tech` says: the API records who posted,
 * and `tech` only the name shown.
 */
export function commentFromBody(raw: unknown, apiUserId: number): TNewComment | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const body = raw as Record<string, unknown>;
  const text = textFrom(body.body);
  if (!text?.trim()) return undefined;
  return {
    subject: textFrom(body.subject) ?? null,
    body: text,
    tech: textFrom(body.tech) ?? null,
    hidden: body.hidden === true,
    doNotEmail: body.do_not_email === true,
    smsBody: textFrom(body.sms_body) ?? null,
    userId: apiUserId,
  };
}
