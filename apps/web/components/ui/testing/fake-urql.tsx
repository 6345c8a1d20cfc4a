import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { Provider, type Client } from "urql";
import { fromPromise, fromValue } from "wonka";
import { vi } from "vitest";

export type TSentOperation = { kind: "query" | "mutation"; query: string; variables: Record<string, unknown> };

/**
 * A urql client for component tests: records every query and mutation and answers each with
 * `reply(operation)` (the `data` of the result), so a test can assert what a form sends.
 * A reply that is a promise answers when it settles, to test what happens meanwhile.
 */
export function fakeUrql(reply: (operation: TSentOperation) => unknown) {
  const sent: TSentOperation[] = [];
  const answer = (kind: TSentOperation["kind"]) => (request: { query: { loc?: { source: { body: string } } }; variables: Record<string, unknown> }) => {
    const operation = { kind, query: request.query.loc?.source.body ?? "", variables: request.variables };
    sent.push(operation);
    const data = reply(operation);
    return data instanceof Promise ? fromPromise(data.then((value) => ({ data: value, stale: false, hasNext: false }))) : fromValue({ data, stale: false, hasNext: false });
  };
  const client = { executeQuery: vi.fn(answer("query")), executeMutation: vi.fn(answer("mutation")), executeSubscription: vi.fn(() => fromValue({ data: undefined, stale: false, hasNext: false })) } as unknown as Client;
  const renderWith = (ui: ReactNode) => render(<Provider value={client}>{ui}</Provider>);
  return { client, sent, render: renderWith, mutations: () => sent.filter((op) => op.kind === "mutation") };
}
