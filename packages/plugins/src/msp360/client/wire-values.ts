import { DateTime, IANAZone } from "luxon";
import { z } from "zod";

// MSP360 is a .NET service: "never" comes back as DateTime.MinValue, and dates carry no
// offset (the account's zone is not documented, so it is a connection setting). Both are
// normalised here so callers only ever see Date | null.
const NET_MIN_YEAR = /^0001-01-01/;
const NET_JSON_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether `zone` is an IANA zone name this runtime knows ("UTC", "Europe/Berlin"). */
export const isKnownTimeZone = (zone: string) => IANAZone.isValidZone(zone);

function parseWireDate(text: string, timeZone: string): Date | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || NET_MIN_YEAR.test(trimmed)) return null;
  const netJson = NET_JSON_DATE.exec(trimmed);
  if (netJson?.[1] !== undefined) return new Date(Number(netJson[1]));
  // A date with an offset says its own zone; one without is wall-clock time in the account's.
  const parsed = DateTime.fromISO(trimmed, HAS_OFFSET.test(trimmed) ? { setZone: true } : { zone: timeZone });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/**
 * A date on the wire: ISO (with or without offset), `/Date(ms)/`, DateTime.MinValue or null.
 * @param timeZone the IANA zone an offset-less date is read in
 */
export const zMsp360WireDate = (timeZone: string) =>
  z
    .string()
    .nullish()
    .transform((value, ctx): Date | null => {
      if (value === null || value === undefined) return null;
      const date = parseWireDate(value, timeZone);
      if (date !== undefined) return date;
      ctx.addIssue({ code: "custom", message: "not a date" });
      return z.NEVER;
    });

function toNumber(value: number | string, ctx: z.RefinementCtx): number {
  const number = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
  if (Number.isFinite(number)) return number;
  ctx.addIssue({ code: "custom", message: "not a number" });
  return z.NEVER;
}

/** A number MSP360 may also send as a numeric string. */
export const ZMsp360WireNumber = z.union([z.number(), z.string()]).transform(toNumber);

/** An optional count or size; missing, null and empty become null. */
export const ZMsp360WireNullableNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx): number | null => {
    if (value === null || value === undefined || value === "") return null;
    return toNumber(value, ctx);
  });

/** An optional text field; numbers are accepted and turned into text. */
export const ZMsp360WireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => (value === null || value === undefined ? null : String(value)));
