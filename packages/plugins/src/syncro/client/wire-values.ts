import { z } from "zod";

// Syncro is a Rails app: decimals arrive as strings ("1.0"), most fields may be null or
// missing, and timestamps carry the account's offset. These turn each into one JS type.

function toNumber(value: number | string, ctx: z.RefinementCtx): number {
  const number = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
  if (Number.isFinite(number)) return number;
  ctx.addIssue({ code: "custom", message: "not a number" });
  return z.NEVER;
}

/** A record id: a whole number, also accepted as a numeric string. */
export const ZSyncroWireId = z
  .union([z.number(), z.string()])
  .transform(toNumber)
  .pipe(z.number().int());

/** An optional reference to another record; missing and null become null. */
export const ZSyncroWireRef = ZSyncroWireId.nullish().transform((value) => value ?? null);

/** An optional number (quantities, prices); missing, null and "" become null. */
export const ZSyncroWireNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx): number | null => (value === null || value === undefined || value === "" ? null : toNumber(value, ctx)));

/** An optional text; numbers are turned into text, missing and null become null. */
export const ZSyncroWireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => (value === null || value === undefined ? null : String(value)));

/** An optional flag; missing and null read as false, which is Syncro's default for all of them. */
export const ZSyncroWireFlag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

/** An optional timestamp; missing, null and "" become null, anything unreadable fails. */
export const ZSyncroWireDate = z
  .string()
  .nullish()
  .transform((value, ctx): Date | null => {
    if (value === null || value === undefined || value.trim() === "") return null;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  });

/** A list Syncro may leave out or send as null; both read as empty. */
export const wireList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);
