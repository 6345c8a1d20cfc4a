import { idFrom, paginate, sendNotFound, sendOk } from "./http-helpers.js";
import type { TRoute } from "./route-types.js";

/** `/customers` and `/contacts`, read-only. */
export const directoryRoutes: TRoute[] = [
  {
    method: "GET",
    pattern: /^\/customers\/?$/,
    handle: ({ res, query, state }) => {
      const needle = query.get("query")?.trim().toLowerCase();
      const matches = needle
        ? state.customers().filter((customer) =>
            [customer.business_name, customer.firstname, customer.lastname, customer.email].some((field) => field?.toLowerCase().includes(needle)),
          )
        : state.customers();
      const { rows, meta } = paginate(matches, query.get("page"));
      sendOk(res, { customers: rows, meta });
    },
  },
  {
    method: "GET",
    pattern: /^\/customers\/([^/]+)\/?$/,
    handle: ({ res, params, state }) => {
      const customer = state.customer(idFrom(params[0]) ?? 0);
      if (!customer) return sendNotFound(res);
      sendOk(res, { customer });
    },
  },
  {
    method: "GET",
    pattern: /^\/contacts\/?$/,
    handle: ({ res, query, state }) => {
      const customerId = query.has("customer_id") ? idFrom(query.get("customer_id")) : undefined;
      const matches = customerId === undefined ? state.contacts() : state.contacts().filter((contact) => contact.customer_id === customerId);
      const { rows, meta } = paginate(matches, query.get("page"));
      sendOk(res, { contacts: rows, meta });
    },
  },
];
