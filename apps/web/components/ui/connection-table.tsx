"use client";

import { Fragment, type ReactNode } from "react";
import type { CombinedError } from "urql";
import { Pager, type useCursorPages } from "./pagination";
import { ErrorState, Loading } from "./states";
import "./ui.css";

type TConnection<Node> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  edges: readonly { node: Node }[];
};

type TConnectionTable<Node extends { id: string }> = {
  connection: TConnection<Node> | undefined;
  fetching: boolean;
  error?: CombinedError | undefined;
  onRetry: () => void;
  /** What the rows are, in words: "Clients" gives "Clients could not be loaded" and "Loading clients…". */
  noun: string;
  empty: ReactNode;
  /** Column headings; an empty one is an actions column, named for screen readers only. */
  columns: readonly string[];
  /** One <tr>, its cells carrying data-label for the phone layout. */
  row: (node: Node) => ReactNode;
  pages: ReturnType<typeof useCursorPages>;
  /** What the table lists, for screen readers (a visually hidden caption). */
  caption?: string;
};

// "Clients" reads "clients" mid-sentence; "API keys" stays as it is.
const inSentence = (noun: string) => (/^[A-Z][a-z]/.test(noun) ? noun.charAt(0).toLowerCase() + noun.slice(1) : noun);

/** A paged GraphQL connection as a table, with its loading, error and empty states and Previous/Next. */
export function ConnectionTable<Node extends { id: string }>({ connection, fetching, error, onRetry, noun, empty, columns, row, pages, caption }: TConnectionTable<Node>) {
  return (
    <>
      {error ? <ErrorState error={error} title={`${noun} could not be loaded`} onRetry={onRetry} /> : null}
      {fetching && !connection ? <Loading label={`Loading ${inSentence(noun)}…`} /> : null}
      {connection && connection.edges.length === 0 ? empty : null}
      {connection && connection.edges.length > 0 ? (
        <>
          <div className="ui-table-wrap">
            <table className="ui-table">
              {caption ? <caption className="ui-sr-only">{caption}</caption> : null}
              <thead>
                <tr>
                  {columns.map((column, index) => (
                    <th key={`${column}-${index}`}>{column || <span className="ui-sr-only">Actions</span>}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <Fragment key={node.id}>{row(node)}</Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pages={pages} pageInfo={connection.pageInfo} totalCount={connection.totalCount} shown={connection.edges.length} />
        </>
      ) : null}
    </>
  );
}
