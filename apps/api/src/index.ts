export { createApi, type Api, type ApiOptions } from "./yoga.js";
export { createLogger, type Logger } from "./logger.js";
