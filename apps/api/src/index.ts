export { createApi, type Api } from "./yoga.js";
export { createLogger, type Logger } from "@mspgraph/schema/server";
