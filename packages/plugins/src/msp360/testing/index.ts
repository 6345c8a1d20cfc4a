export { directoryFromRows, type TMsp360Directory } from "./directory.js";
export { Msp360Faults, type TMsp360Fault, type TMsp360FaultTarget } from "./faults.js";
export { generateMonitoringRows, type TGenerateMonitoringOptions } from "./generate-rows.js";
export { startMsp360Server, type TMsp360Server, type TMsp360ServerOptions } from "./msp360-server.js";
export type { TMsp360RecordedRequest } from "./routes.js";
export { Msp360ServerState, type TMsp360ServerCredentials } from "./server-state.js";
export { NET_MIN_DATE, toWireDate, type TMsp360WireCompany, type TMsp360WireComputer, type TMsp360WireMonitoringRow, type TMsp360WireUser } from "./wire-types.js";
export { clientFor, countLogins, countRequests, exposeGc, manualClock, rejectionOf } from "./test-helpers.js";
export { monitoringRow, startMsp360PluginHarness, type Msp360PluginHarness } from "./plugin-harness.js";
