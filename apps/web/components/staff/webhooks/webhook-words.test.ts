import { describe, expect, it } from "vitest";
import { deliveryOutcome, responseExcerpt, toggleEvent } from "./webhook-words";

const CATALOG = ["ticket.created", "ticket.updated", "alert.raised"];

describe("webhook page words", () => {
  it("adds and removes event types in the catalog's order", () => {
    expect(toggleEvent(CATALOG, ["alert.raised"], "ticket.created")).toEqual(["ticket.created", "alert.raised"]);
    expect(toggleEvent(CATALOG, ["ticket.created", "alert.raised"], "ticket.created")).toEqual(["alert.raised"]);
  });

  it("names a delivery's outcome with the receiver's answer or the failure", () => {
    expect(deliveryOutcome({ status: "SUCCEEDED", responseStatus: 204, lastError: null, attempts: 1 })).toEqual({ label: "Delivered (204)", tone: "ok" });
    expect(deliveryOutcome({ status: "FAILED", responseStatus: null, lastError: "timed out", attempts: 2 })).toEqual({ label: "Failed: timed out, will retry", tone: "warn" });
    expect(deliveryOutcome({ status: "DEAD", responseStatus: 503, lastError: "answered 503", attempts: 8 })).toEqual({ label: "Gave up: answered 503", tone: "bad" });
    expect(deliveryOutcome({ status: "PENDING", responseStatus: null, lastError: null, attempts: 0 }).label).toBe("Waiting");
  });

  it("shortens a receiver's answer to one line", () => {
    expect(responseExcerpt("<html>\n  <body>Bad   gateway</body>\n</html>")).toBe("<html> <body>Bad gateway</body> </html>");
    expect(responseExcerpt("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
    expect(responseExcerpt(null)).toBe("");
  });
});
