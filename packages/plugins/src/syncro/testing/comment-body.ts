import { textFrom } from "./http-helpers.js";
import type { TNewComment } from "./ticket-store.js";

/**
 * A comment from a request body (`POST /tickets/{id}/comment` or `comments_attributes`), or
 * the messages of Syncro's 422: it refuses a comment without a subject or without a body.
 * @remarks `user_id` is the token owner's, whatever `tech` says: the API records who posted,
 * and `tech` only the name shown.
 */
export function commentFromBody(raw: unknown, apiUserId: number): { comment: TNewComment } | { errors: string[] } {
  const body = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = textFrom(body.body);
  const subject = textFrom(body.subject);
  const errors = [...(text?.trim() ? [] : ["Body can't be blank"]), ...(subject?.trim() ? [] : ["Subject can't be blank"])];
  if (!text || !subject || errors.length > 0) return { errors };
  return {
    comment: {
      subject,
      body: text,
      tech: textFrom(body.tech) ?? null,
      hidden: body.hidden === true,
      doNotEmail: body.do_not_email === true,
      smsBody: textFrom(body.sms_body) ?? null,
      userId: apiUserId,
    },
  };
}
