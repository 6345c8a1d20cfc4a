import type { TConnectSpec } from "./connect-spec";

export const SYNCRO_SPEC: TConnectSpec = {
  pluginId: "syncro",
  credentials: [
    { key: "subdomain", label: "Subdomain", kind: "text", required: true, placeholder: "acme", hint: "The acme of acme.syncromsp.com" },
    { key: "apiToken", label: "API token", kind: "secret", required: true, hint: "Syncro: Admin → API Tokens" },
  ],
  config: [
    { key: "baseUrl", label: "Base URL", kind: "url", required: false, placeholder: "https://acme.syncromsp.com/api/v1", hint: "Optional: only for a proxy" },
    { key: "syncMinutes", label: "Sync interval (minutes)", kind: "minutes", required: false, placeholder: "15" },
    { key: "defaultTicketTypeId", label: "Ticket type id for new tickets", kind: "id", required: false, hint: "Needed when Syncro requires a ticket type: the id from Syncro's ticket settings" },
    { key: "defaultProblemType", label: "Problem type for new tickets", kind: "text", required: false, placeholder: "Other", hint: "Optional: one of your Syncro problem types" },
  ],
};

export const MSP360_SPEC: TConnectSpec = {
  pluginId: "msp360",
  credentials: [
    { key: "login", label: "API login", kind: "text", required: true, hint: "MSP360 console: Settings → API" },
    { key: "password", label: "API password", kind: "secret", required: true },
  ],
  config: [
    { key: "baseUrl", label: "Base URL", kind: "url", required: false, placeholder: "https://api.mspbackups.com" },
    { key: "pollMinutes", label: "Poll interval (minutes)", kind: "minutes", required: false, placeholder: "15" },
    { key: "missedGraceMinutes", label: "Missed after (minutes late)", kind: "minutes", required: false, placeholder: "120", min: 0, max: 10_080, hint: "How late a scheduled run may be before the plan counts as missed" },
    { key: "timeZone", label: "Time zone of MSP360's dates", kind: "text", required: false, placeholder: "UTC", hint: "MSP360 sends run times without a zone: the zone your MSP360 account uses, e.g. Europe/Berlin" },
  ],
};

/** The connect form for each plugin that has one; others show their status only. */
export const CONNECT_SPECS: Record<string, TConnectSpec> = { syncro: SYNCRO_SPEC, msp360: MSP360_SPEC };
