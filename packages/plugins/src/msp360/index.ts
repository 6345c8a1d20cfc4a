export { createMsp360Plugin, msp360Plugin, LOGIN_REJECTED_MESSAGE } from "./plugin.js";
export { MSP360_DEFAULT_BASE_URL, ZMsp360Config, ZMsp360Credentials, type TMsp360Config, type TMsp360Credentials } from "./connection.js";
export { Msp360Client, type TMsp360ClientOptions, type TMsp360MonitoringOptions } from "./client/client.js";
export { Msp360ApiError, Msp360CredentialsRejectedError, CREDENTIALS_REJECTED_MESSAGE, type TMsp360ErrorKind } from "./client/errors.js";
export type { TMsp360InvalidRow, TMsp360MonitoringSummary } from "./client/monitoring-stream.js";
export {
  ZMsp360Company,
  ZMsp360Computer,
  ZMsp360LoginResponse,
  ZMsp360MonitoringRow,
  ZMsp360User,
  type TMsp360Company,
  type TMsp360Computer,
  type TMsp360LoginResponse,
  type TMsp360MonitoringRow,
  type TMsp360User,
} from "./client/schemas.js";
export { memoryTokenCache, type TMsp360Token, type TMsp360TokenCache } from "./client/token.js";
export {
  alertMessage,
  alertSeverityFor,
  DEFAULT_MISSED_GRACE_MS,
  mapBackupStatus,
  type TMsp360AlertSeverity,
  type TMsp360BackupState,
  type TMsp360BackupStatus,
} from "./status.js";
