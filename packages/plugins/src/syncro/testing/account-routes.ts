import { sendOk } from "./http-helpers.js";
import { mePermissions } from "./permissions.js";
import type { TRoute } from "./route-types.js";

/** `GET /me` (the token's user and permissions) and `GET /tickets/settings`. */
export const accountRoutes: TRoute[] = [
  {
    method: "GET",
    pattern: /^\/me\/?$/,
    handle: ({ res, state }) =>
      sendOk(res, {
        user_email: "api@northwind-msp.test",
        user_name: "API Technician",
        user_id: state.apiUserId,
        admin: false,
        subdomain: "northwind",
        permissions: mePermissions(state.deniedPermissions),
      }),
  },
  {
    method: "GET",
    pattern: /^\/tickets\/settings\/?$/,
    handle: ({ res, state }) =>
      sendOk(res, {
        ticket_status_list: state.statuses,
        problem_types: state.problemTypes,
        ticket_types: state.ticketTypes,
        users: [{ id: state.apiUserId, name: "API Technician" }],
        require_ticket_type: state.requireTicketType,
      }),
  },
];
