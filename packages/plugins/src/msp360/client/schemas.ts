import { z } from "zod";
import { ZMsp360WireNullableNumber, ZMsp360WireNumber, ZMsp360WireText, zMsp360WireDate } from "./wire-values.js";

/**
 * One plan's latest run, as `GET /api/Monitoring` reports it, its offset-less dates read in
 * `timeZone`. Tolerant of nulls, numeric strings and fields MSP360 adds later (dropped); only
 * `Status` is required, because without it the row says nothing about the plan.
 * @param timeZone the IANA zone of the account's dates (a connection setting, default UTC)
 */
export const msp360MonitoringRowSchema = (timeZone: string) =>
  z.object({
    PlanName: ZMsp360WireText,
    // Survives a rename and tells apart two plans of one name on one computer.
    PlanId: ZMsp360WireText,
    // 0..17: backups, restores and consistency checks (see plan-kind.ts).
    PlanType: ZMsp360WireNullableNumber,
    CompanyName: ZMsp360WireText,
    UserName: ZMsp360WireText,
    UserID: ZMsp360WireText,
    ComputerName: ZMsp360WireText,
    BuildVersion: ZMsp360WireText,
    StorageType: ZMsp360WireText,
    LastStart: zMsp360WireDate(timeZone),
    NextStart: zMsp360WireDate(timeZone),
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
    // The run's report in the MSP360 console.
    DetailedReportLink: ZMsp360WireText,
  });

/** A monitoring row with offset-less dates read as UTC. */
export const ZMsp360MonitoringRow = msp360MonitoringRowSchema("UTC");
export type TMsp360MonitoringRow = z.output<typeof ZMsp360MonitoringRow>;

/** `POST /api/Provider/Login` answer (an OWIN OAuth token response). */
export const ZMsp360LoginResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: ZMsp360WireNullableNumber,
  ".expires": z.string().nullish(),
});
export type TMsp360LoginResponse = z.output<typeof ZMsp360LoginResponse>;

/** A customer company; its key is `Id` (users' is `ID`). Extra fields are kept as sent. */
export const ZMsp360Company = z.looseObject({
  Id: z.string(),
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

/** A managed computer of `GET /api/Computers/{offset}/{count}`. */
export const msp360ComputerSchema = (timeZone: string) =>
  z.looseObject({
    ComputerHID: ZMsp360WireText,
    ComputerName: ZMsp360WireText,
    CompanyName: ZMsp360WireText,
    UserEmail: ZMsp360WireText,
    UserID: ZMsp360WireText,
    LastActivity: zMsp360WireDate(timeZone),
  });
export const ZMsp360Computer = msp360ComputerSchema("UTC");
export type TMsp360Computer = z.output<typeof ZMsp360Computer>;

/** The envelope `GET /api/Computers/{offset}/{count}` answers with. */
export const msp360ComputersPageSchema = (timeZone: string) =>
  z.object({
    Count: ZMsp360WireNullableNumber,
    Message: ZMsp360WireText,
    StatusCode: ZMsp360WireNullableNumber,
    Computers: z.array(msp360ComputerSchema(timeZone)).nullish().transform((computers) => computers ?? []),
  });
