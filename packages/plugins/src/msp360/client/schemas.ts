import { z } from "zod";
import { ZMsp360WireDate, ZMsp360WireNullableNumber, ZMsp360WireNumber, ZMsp360WireText } from "./wire-values.js";

/**
 * One backup plan's latest run, as `GET /api/Monitoring` reports it. Tolerant of nulls,
 * numeric strings and fields MSP360 adds later (dropped); only `Status` is required,
 * because without it the row says nothing about the backup.
 */
export const ZMsp360MonitoringRow = z.object({
  PlanName: ZMsp360WireText,
  CompanyName: ZMsp360WireText,
  UserName: ZMsp360WireText,
  UserID: ZMsp360WireText,
  ComputerName: ZMsp360WireText,
  BuildVersion: ZMsp360WireText,
  StorageType: ZMsp360WireText,
  LastStart: ZMsp360WireDate,
  NextStart: ZMsp360WireDate,
  Status: ZMsp360WireNumber.pipe(z.number().int()),
  ErrorMessage: ZMsp360WireText,
  FilesCopied: ZMsp360WireNullableNumber,
  FilesFailed: ZMsp360WireNullableNumber,
  DataCopied: ZMsp360WireNullableNumber,
  // A .NET TimeSpan ("01:02:03") on the wire; kept as text.
  Duration: ZMsp360WireText,
  DataToBackup: ZMsp360WireNullableNumber,
  TotalData: ZMsp360WireNullableNumber,
  FilesScanned: ZMsp360WireNullableNumber,
  FilesToBackup: ZMsp360WireNullableNumber,
});
export type TMsp360MonitoringRow = z.output<typeof ZMsp360MonitoringRow>;

/** `POST /api/Provider/Login` answer (an OWIN OAuth token response). */
export const ZMsp360LoginResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: ZMsp360WireNullableNumber,
  ".expires": z.string().nullish(),
});
export type TMsp360LoginResponse = z.output<typeof ZMsp360LoginResponse>;

/** A customer company. Extra fields (destinations, license settings) are kept as sent. */
export const ZMsp360Company = z.looseObject({
  ID: z.string(),
  Name: ZMsp360WireText,
  StorageLimit: ZMsp360WireNullableNumber,
  LicenseSettings: ZMsp360WireNullableNumber,
});
export type TMsp360Company = z.output<typeof ZMsp360Company>;

/** A backup user (one per protected account); `Company` is the company name. */
export const ZMsp360User = z.looseObject({
  ID: z.string(),
  Email: ZMsp360WireText,
  FirstName: ZMsp360WireText,
  LastName: ZMsp360WireText,
  Company: ZMsp360WireText,
  Enabled: z.boolean().nullish(),
  SpaceUsed: ZMsp360WireNullableNumber,
});
export type TMsp360User = z.output<typeof ZMsp360User>;

/** A managed computer from the paged `GET /api/Computers/{offset}/{count}`. */
export const ZMsp360Computer = z.looseObject({
  ComputerName: ZMsp360WireText,
  HID: ZMsp360WireText,
  UserID: ZMsp360WireText,
  UserName: ZMsp360WireText,
  CompanyName: ZMsp360WireText,
  BuildVersion: ZMsp360WireText,
  LastActivity: ZMsp360WireDate,
});
export type TMsp360Computer = z.output<typeof ZMsp360Computer>;
