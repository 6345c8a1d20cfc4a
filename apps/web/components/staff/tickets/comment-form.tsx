"use client";

import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { TextField } from "../../ui/field";
import { ErrorState } from "../../ui/states";
import { FormErrors, splitUserErrors } from "../../ui/user-errors";

const AddCommentMutation = graphql(`
  mutation AddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      comment { id hidden }
      userErrors { field message code }
    }
  }
`);

const FIELDS = ["body", "tech"] as const;

/** The addTicketComment input: the tech name is sent only when it differs from the author's own. */
export function commentInput({ ticketId, body, hidden, tech, defaultTech }: { ticketId: string; body: string; hidden: boolean; tech: string; defaultTech: string }) {
  const name = tech.trim();
  return { ticketId, body: body.trim(), hidden, ...(name && name !== defaultTech ? { tech: name } : {}) };
}

export function CommentForm({ ticketId, defaultTech, onAdded }: { ticketId: string; defaultTech: string; onAdded: () => void }) {
  const [body, setBody] = useState("");
  const [hidden, setHidden] = useState(false);
  const [tech, setTech] = useState("");
  const [errors, setErrors] = useState(() => splitUserErrors([], FIELDS));
  const [{ fetching, error }, addComment] = useMutation(AddCommentMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setErrors({ fields: { body: "Write something first" }, form: [] });
    const sent = body;
    const result = await addComment({ input: commentInput({ ticketId, body, hidden, tech, defaultTech }) });
    const payload = result.data?.addTicketComment;
    if (!payload) return;
    setErrors(splitUserErrors(payload.userErrors, FIELDS));
    if (payload.comment) {
      // Only clear what was sent: the next comment may already be half typed.
      setBody((current) => (current === sent ? "" : current));
      onAdded();
    }
  };

  return (
    <form className="ui-form staff-compose" data-hidden={hidden} onSubmit={submit} noValidate style={{ marginTop: "1rem" }}>
      <div className="staff-segmented" role="group" aria-label="Who sees this comment">
        <button type="button" aria-pressed={!hidden} onClick={() => setHidden(false)}>
          Public reply
        </button>
        <button type="button" data-kind="hidden" aria-pressed={hidden} onClick={() => setHidden(true)}>
          Internal note
        </button>
      </div>
      <p className="ui-field-hint" style={{ margin: 0 }} aria-live="polite">
        {hidden ? "Hidden: only your staff see internal notes; the client never does." : "Public: the client sees this reply in their portal."}
      </p>
      <TextField label={hidden ? "Internal note" : "Reply"} multiline value={body} onChange={setBody} error={errors.fields.body} />
      <TextField label="Tech name" value={tech} onChange={setTech} error={errors.fields.tech} placeholder={defaultTech || "Your name"} hint="Post for the technician who did the work; leave empty to post as yourself." />
      <FormErrors messages={errors.form} />
      {error ? <ErrorState error={error} title="The comment was not added" /> : null}
      <div className="ui-form-actions">
        <button type="submit" className="ui-button" data-variant="primary" disabled={fetching}>
          {fetching ? "Posting…" : hidden ? "Add internal note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}
