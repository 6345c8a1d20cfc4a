export { syncroPlugin } from "./plugin.js";
export { syncroBaseUrl } from "./client/base-url.js";
export { SyncroClient, type TSyncroContactPage, type TSyncroCustomerPage, type TSyncroPageProgress, type TSyncroTicketPage } from "./client/client.js";
export { SyncroApiError, TOKEN_REJECTED_MESSAGE, type TSyncroErrorKind } from "./client/errors.js";
export type { TSyncroHealth, TSyncroHealthListener, TSyncroHealthStatus } from "./client/health.js";
export type {
  TSyncroAddCommentInput,
  TSyncroAddLineItemInput,
  TSyncroCreateTicketInput,
  TSyncroListTicketsInput,
  TSyncroNewComment,
  TSyncroTicketFilters,
  TSyncroUpdateLineItemInput,
  TSyncroUpdateTicketInput,
} from "./client/inputs.js";
export type { TSyncroMe } from "./client/unauthorized.js";
export { SYNCRO_REQUESTS_PER_MINUTE, type TSyncroClientOptions } from "./client/options.js";
export {
  ZSyncroContact,
  ZSyncroCustomer,
  ZSyncroMeta,
  ZSyncroTicketSettings,
  type TSyncroContact,
  type TSyncroCustomer,
  type TSyncroMeta,
  type TSyncroTicketSettings,
} from "./client/schemas.js";
export { ZSyncroComment, ZSyncroLineItem, ZSyncroTicket, type TSyncroComment, type TSyncroLineItem, type TSyncroTicket } from "./client/ticket-schemas.js";
export type { TSyncroLogger } from "./client/transport.js";
