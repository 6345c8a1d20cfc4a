"use client";

import { useCallback, useState } from "react";
import "./ui.css";

export type TPageVariables = { first: number; after: string | null } | { last: number; before: string | null };
type TPageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };

/**
 * Cursor paging state for a connection: forward with first/after, back with last/before.
 * @remarks Call `reset` when filters change, so a stale cursor is never sent with new filters.
 */
export function useCursorPages(size = 25) {
  const [page, setPage] = useState<TPageVariables>({ first: size, after: null });
  const [index, setIndex] = useState(0);
  const next = useCallback((endCursor: string | null | undefined) => {
    setPage({ first: size, after: endCursor ?? null });
    setIndex((current) => current + 1);
  }, [size]);
  const previous = useCallback((startCursor: string | null | undefined) => {
    setPage({ last: size, before: startCursor ?? null });
    setIndex((current) => Math.max(0, current - 1));
  }, [size]);
  const reset = useCallback(() => {
    setPage({ first: size, after: null });
    setIndex(0);
  }, [size]);
  return { page, index, size, next, previous, reset };
}

type TPager = { pages: ReturnType<typeof useCursorPages>; pageInfo: TPageInfo; totalCount?: number; shown: number };

/** Previous/Next for a connection. Relay's pageInfo only answers for the direction paged in, so the other side is inferred. */
export function Pager({ pages, pageInfo, totalCount, shown }: TPager) {
  const forward = "first" in pages.page;
  const hasNext = forward ? pageInfo.hasNextPage : true;
  const hasPrevious = forward ? pages.index > 0 : pageInfo.hasPreviousPage;
  if (!hasPrevious && !hasNext) {
    return totalCount !== undefined ? <div className="ui-pager">{totalCount === 1 ? "1 in all" : `${totalCount} in all`}</div> : null;
  }
  const start = pages.index * pages.size + (shown > 0 ? 1 : 0);
  return (
    <nav className="ui-pager" aria-label="Pages">
      <span>
        {start}–{pages.index * pages.size + shown}
        {totalCount !== undefined ? ` of ${totalCount}` : ""}
      </span>
      <div>
        <button type="button" className="ui-button" data-size="small" disabled={!hasPrevious} onClick={() => pages.previous(pageInfo.startCursor)}>
          Previous
        </button>
        <button type="button" className="ui-button" data-size="small" disabled={!hasNext} onClick={() => pages.next(pageInfo.endCursor)}>
          Next
        </button>
      </div>
    </nav>
  );
}
