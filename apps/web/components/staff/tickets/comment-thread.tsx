import { Badge } from "../../ui/badge";
import { EmptyState } from "../../ui/states";
import { Time } from "../../ui/time";

export type TComment = { id: string; body: string; hidden: boolean; tech: string; createdAt: string };

/** The thread, oldest first; internal notes are marked so nobody mistakes one for a reply the client saw. */
export function CommentThread({ comments, total }: { comments: readonly TComment[]; total: number }) {
  if (comments.length === 0) return <EmptyState title="No comments yet">Reply to the client or leave an internal note below.</EmptyState>;
  return (
    <>
      {total > comments.length ? <p className="ui-muted">{total - comments.length} earlier comments are not shown.</p> : null}
      <ol className="staff-thread" aria-label="Comments">
        {comments.map((comment) => (
          <li key={comment.id} className="staff-comment" data-hidden={comment.hidden}>
            <header>
              <strong>{comment.tech}</strong>
              <Time value={comment.createdAt} />
              {comment.hidden ? <Badge tone="warn">Internal note · hidden from client</Badge> : <Badge tone="info">Public</Badge>}
            </header>
            <p>{comment.body}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
