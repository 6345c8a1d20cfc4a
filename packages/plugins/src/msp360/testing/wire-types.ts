/** A monitoring row as MSP360 sends it: offset-less UTC dates, .NET MinValue for "never". */
export type TMsp360WireMonitoringRow = {
  PlanName: string;
  CompanyName: string;
  UserName: string;
  UserID: string;
  ComputerName: string;
  BuildVersion: string;
  StorageType: string;
  LastStart: string;
  NextStart: string;
  Status: number;
  ErrorMessage: string | null;
  FilesCopied: number;
  FilesFailed: number;
  DataCopied: number;
  Duration: string;
  DataToBackup: number;
  TotalData: number;
  FilesScanned: number;
  FilesToBackup: number;
  // Later API versions add fields; the server passes through whatever a test puts here.
  [extra: string]: unknown;
};

export type TMsp360WireCompany = { ID: string; Name: string; StorageLimit: number; LicenseSettings: number };

export type TMsp360WireUser = {
  ID: string;
  Email: string;
  FirstName: string;
  LastName: string;
  Company: string;
  Enabled: boolean;
  SpaceUsed: number;
};

export type TMsp360WireComputer = {
  ComputerName: string;
  HID: string;
  UserID: string;
  UserName: string;
  CompanyName: string;
  BuildVersion: string;
  LastActivity: string;
};

export const NET_MIN_DATE = "0001-01-01T00:00:00";

/** How MSP360 writes a date: ISO without offset or milliseconds, in UTC. */
export const toWireDate = (date: Date) => date.toISOString().slice(0, 19);
