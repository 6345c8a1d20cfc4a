/**
 * Prisma turns `contains` and `startsWith` into SQL `LIKE`/`ILIKE` without escaping the
 * pattern characters, so a search for "%" would match every row and "_" any character.
 * Backslash is PostgreSQL's default LIKE escape, so escaping it first keeps the text literal.
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A case-insensitive "contains this text, literally" filter for a string column. */
export const containsText = (text: string) => ({ contains: likeLiteral(text), mode: "insensitive" as const });

/** A case-sensitive "starts with this text, literally" filter for a string column. */
export const startsWithText = (text: string) => ({ startsWith: likeLiteral(text) });
