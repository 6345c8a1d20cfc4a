export { SyncroFaults, type TSyncroFault } from "./faults.js";
export { startSyncroServer, type TSyncroRecordedRequest, type TSyncroServer, type TSyncroServerOptions } from "./syncro-server.js";
export { SyncroServerState, type TSeedContact, type TSeedCustomer } from "./store.js";
export type { TSeedTicket } from "./ticket-store.js";
export { DEFAULT_PROBLEM_TYPES, DEFAULT_TICKET_STATUSES, type TSyncroWireComment, type TSyncroWireContact, type TSyncroWireCustomer, type TSyncroWireLineItem, type TSyncroWireTicket } from "./wire-types.js";
export { clientFor, countRequests, recordingLogger, rejectionOf, statusesFor, until } from "./test-helpers.js";
