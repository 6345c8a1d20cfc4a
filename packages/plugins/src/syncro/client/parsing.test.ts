import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./backoff.js";
import { syncroBaseUrl } from "./base-url.js";
import { ZSyncroCustomer } from "./schemas.js";
import { ZSyncroTicket } from "./ticket-schemas.js";

describe("syncroBaseUrl", () => {
  it("builds the account's API address from its subdomain", () => {
    expect(syncroBaseUrl("acme-it")).toBe("https://acme-it.syncromsp.com/api/v1");
    expect(syncroBaseUrl(" Acme ")).toBe("https://acme.syncromsp.com/api/v1");
  });

  it("accepts the address pasted from the browser", () => {
    expect(syncroBaseUrl("https://acme.syncromsp.com/tickets?page=2")).toBe("https://acme.syncromsp.com/api/v1");
  });

  it("refuses anything that could change the host", () => {
    for (const bad of ["", "-acme", "acme.evil.example", "acme/..", "acme@evil", "ac me"]) expect(() => syncroBaseUrl(bad)).toThrow(RangeError);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-05-01T12:00:00Z");

  it("reads seconds and HTTP dates, and ignores what it cannot read", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 May 2025 12:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Thu, 01 May 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("Syncro record schemas", () => {
  it("reads a ticket that carries only its id", () => {
    expect(ZSyncroTicket.parse({ id: "17", surprise_field: { nested: true } })).toMatchObject({
      id: 17,
      number: null,
      subject: null,
      customerId: null,
      customerName: null,
      createdAt: null,
      comments: [],
      lineItems: [],
    });
  });

  it("reads nulls everywhere Syncro sends them", () => {
    const ticket = ZSyncroTicket.parse({ id: 1, number: 1001, comments: null, line_items: null, customer_business_then_name: null, resolved_at: null });
    expect(ticket).toMatchObject({ number: "1001", comments: [], lineItems: [], customerName: null, resolvedAt: null });
  });

  it("refuses a ticket without an id, or with a date that is not one", () => {
    expect(ZSyncroTicket.safeParse({ subject: "No id" }).success).toBe(false);
    expect(ZSyncroTicket.safeParse({ id: 1, updated_at: "yesterday" }).success).toBe(false);
  });

  it("names a customer by business, else by person", () => {
    expect(ZSyncroCustomer.parse({ id: 1, business_name: "Acme Ltd", firstname: "Jo" }).displayName).toBe("Acme Ltd");
    expect(ZSyncroCustomer.parse({ id: 2, business_name: "", firstname: "Jo", lastname: "Bloggs" }).displayName).toBe("Jo Bloggs");
  });
});
