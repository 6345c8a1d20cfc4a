// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionTable } from "./connection-table";
import { useCursorPages } from "./pagination";

afterEach(cleanup);

const page = (names: string[], info: Partial<{ hasNextPage: boolean; hasPreviousPage: boolean }> = {}) => ({
  totalCount: 60,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: "s", endCursor: "e", ...info },
  edges: names.map((name) => ({ node: { id: name, name } })),
});

function table(props: { connection?: ReturnType<typeof page>; fetching?: boolean; error?: CombinedError }, pages: ReturnType<typeof useCursorPages>) {
  return (
    <ConnectionTable
      connection={props.connection}
      fetching={props.fetching ?? false}
      error={props.error}
      onRetry={() => {}}
      noun="Clients"
      empty={<p>No clients yet</p>}
      columns={["Client", ""]}
      pages={pages}
      row={(node) => (
        <tr>
          <td>{node.name}</td>
          <td />
        </tr>
      )}
    />
  );
}

describe("a paged list", () => {
  it("says it is loading, then failing with the API's code, then empty", () => {
    const { result } = renderHook(() => useCursorPages(2));
    const view = render(table({ fetching: true }, result.current));
    expect(screen.getByRole("status").textContent).toContain("Loading clients…");
    view.rerender(table({ error: new CombinedError({ graphQLErrors: [new GraphQLError("nope", { extensions: { code: "FORBIDDEN" } })] }) }, result.current));
    expect(screen.getByRole("alert").textContent).toContain("Clients could not be loaded");
    expect(screen.getByRole("alert").textContent).toContain("FORBIDDEN");
    view.rerender(table({ connection: page([]) }, result.current));
    expect(screen.getByText("No clients yet")).toBeTruthy();
  });

  it("pages forward with the end cursor and back with the start cursor, knowing where it is", () => {
    const { result } = renderHook(() => useCursorPages(2));
    const view = render(table({ connection: page(["Adatum", "Fabrikam"], { hasNextPage: true }) }, result.current));
    expect(screen.getAllByRole("row")).toHaveLength(3);
    expect((screen.getByRole("button", { name: "Previous" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("1–2 of 60")).toBeTruthy();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Next" })));
    expect(result.current.page).toEqual({ first: 2, after: "e" });
    view.rerender(table({ connection: page(["Litware", "Tailspin"], { hasNextPage: true }) }, result.current));
    expect(screen.getByText("3–4 of 60")).toBeTruthy();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Previous" })));
    expect(result.current.page).toEqual({ last: 2, before: "s" });
    // Paging backwards Relay only says whether there is more before; the way forward is known.
    view.rerender(table({ connection: page(["Adatum", "Fabrikam"], { hasPreviousPage: false }) }, result.current));
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole("button", { name: "Previous" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
