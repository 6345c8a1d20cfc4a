import type { ServerResponse } from "node:http";
import type { SyncroServerState } from "./store.js";

/** What a route handler gets: the parsed request and the account it acts on. */
export type TRouteCall = {
  res: ServerResponse;
  query: URLSearchParams;
  /** The path's captured groups, e.g. the ticket id. */
  params: string[];
  body: Record<string, unknown> | undefined;
  state: SyncroServerState;
};

export type TRoute = { method: string; pattern: RegExp; handle: (call: TRouteCall) => void };
