import { DateTime } from "luxon";

/** A monitoring row as MSP360 sends it: offset-less dates, .NET MinValue for "never". */
export type TMsp360WireMonitoringRow = {
  PlanName: string;
  PlanId: string;
  PlanType: number;
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
  DetailedReportLink: string;
  // Later API versions add fields; the server passes through whatever a test puts here.
  [extra: string]: unknown;
};

// Companies are keyed `Id`, unlike users (`ID`).
export type TMsp360WireCompany = { Id: string; Name: string; StorageLimit: number; LicenseSettings: number };

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
  ComputerHID: string;
  ComputerName: string;
  CompanyName: string;
  UserEmail: string;
  UserID: string;
  LastActivity: string;
};

/** What `GET /api/Computers/{offset}/{count}` answers: the page inside an envelope. */
export type TMsp360WireComputersPage = { Count: number; Message: string | null; StatusCode: number; Computers: TMsp360WireComputer[] };

export const NET_MIN_DATE = "0001-01-01T00:00:00";

/**
 * How MSP360 writes a date: ISO with milliseconds and no offset ("2025-03-19T10:26:47.703"),
 * wall-clock time in the account's zone.
 * @param timeZone an IANA zone; default UTC
 */
export const toWireDate = (date: Date, timeZone = "UTC") => DateTime.fromJSDate(date, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
