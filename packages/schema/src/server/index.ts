export { type Api, type ApiOptions, MAX_BATCH, MAX_BODY_BYTES, createApi } from "./api.js";
export { composeSchema } from "./compose.js";
export { createLogger, type Logger } from "./logger.js";
export { HOURLY_BUDGET } from "./limits/budget.js";
export { MAX_HEADER_LENGTH } from "./limits/headers.js";
export { MAX_STRING_LENGTH } from "./limits/input-guard.js";
export { MAX_QUERY_COST, queryCost } from "./limits/query-cost.js";
export { processDueEvents, startEventWorker } from "../integrations/event-worker.js";
