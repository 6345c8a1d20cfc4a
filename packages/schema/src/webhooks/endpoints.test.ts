import { describe, expect, it } from "vitest";
import { STRICT_OUTBOUND, parseOutboundAllow } from "../outbound/policy.js";
import { webhookEventsError, webhookUrlError } from "./endpoints.js";
import { WEBHOOK_RETRY_SCHEDULE_MS, webhookRetryDelayMs } from "./schedule.js";

describe("endpoint URLs", () => {
  it("refuses http and private addresses unless MSPGRAPH_OUTBOUND_ALLOW names them", () => {
    expect(webhookUrlError(STRICT_OUTBOUND, "http://10.1.2.3/hook")).toMatchObject({ field: "url", code: "OUTBOUND_NOT_ALLOWED" });
    expect(webhookUrlError(STRICT_OUTBOUND, "https://10.1.2.3/hook")?.message).toBe("This URL cannot receive webhooks: address not allowed (10.1.2.3 is a private address)");
    expect(webhookUrlError(STRICT_OUTBOUND, "https://hooks.example.com/in")).toBeNull();
    const allowed = parseOutboundAllow("10.0.0.0/8");
    expect(webhookUrlError(allowed, "http://10.1.2.3/hook")).toBeNull();
    expect(webhookUrlError(allowed, "https://169.254.169.254/")).toMatchObject({ code: "OUTBOUND_NOT_ALLOWED" });
    expect(webhookUrlError(STRICT_OUTBOUND, "https://user:pass@hooks.example.com/")).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("accepts only event types of the catalog", () => {
    expect(webhookEventsError(["ticket.created", "alert.raised"])).toBeNull();
    expect(webhookEventsError(["ticket.created", "ticket.exploded"])).toMatchObject({ field: "events", code: "BAD_USER_INPUT", message: "Not an event type: ticket.exploded" });
  });
});

describe("the retry schedule", () => {
  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each within ±10%, then gives up", () => {
    expect(WEBHOOK_RETRY_SCHEDULE_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(webhookRetryDelayMs(1, () => 0)).toBe(4_500);
    expect(webhookRetryDelayMs(1, () => 0.5)).toBe(5_000);
    expect(webhookRetryDelayMs(7, () => 0.999_999)).toBe(39_599_993);
    expect(webhookRetryDelayMs(8)).toBeNull();
  });
});
