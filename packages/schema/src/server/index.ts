export { type Api, type ApiOptions, MAX_BATCH, createApi } from "./api.js";
export { type TrustedProxies, parseTrustedProxies } from "./client-ip.js";
export { MAX_BODY_BYTES } from "./limits/body-limit.js";
export { composeSchema } from "./compose.js";
export { createLogger, type Logger } from "./logger.js";
export { MAX_QUERY_COST, queryCost } from "./limits/query-cost.js";
export { processDueEvents, startEventWorker } from "../integrations/event-worker.js";
