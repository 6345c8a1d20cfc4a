import { describe, expect, it } from "vitest";
import { alertFilterFrom, matchesAlertFilter } from "./alerts/alert-filter";
import { auditFilterFrom, auditFilterProblems } from "./audit/audit-filter";
import { statusChange, statusChoice, ticketFilterFrom } from "./tickets/ticket-filter";
import { readFilters, withChanges } from "./url-filter";

const ticketValues = (values: Partial<Record<"status" | "clientId" | "assigneeId" | "search" | "open", string>>) => ({ status: "", clientId: "", assigneeId: "", search: "", open: "", ...values });
const auditValues = (values: Partial<Record<"action" | "actorId" | "clientId" | "from" | "to", string>>) => ({ action: "", actorId: "", clientId: "", from: "", to: "", ...values });

describe("list filters in the URL", () => {
  it("keeps other parameters, drops emptied ones and writes nothing for no filters", () => {
    expect(withChanges(new URLSearchParams("status=ACTIVE&clientId=C1"), { status: "", severity: "CRITICAL" })).toBe("?clientId=C1&severity=CRITICAL");
    expect(withChanges(new URLSearchParams("search=x"), { search: "  " })).toBe("");
    expect(readFilters(new URLSearchParams("open=true"), ["open", "status"])).toEqual({ open: "true", status: "" });
  });
});

describe("ticket filters", () => {
  it("sends only the filters that are set; #42 searches for ticket 42", () => {
    expect(ticketFilterFrom(ticketValues({}))).toEqual({});
    expect(ticketFilterFrom(ticketValues({ clientId: "C1", assigneeId: "S1", search: " #42 " }))).toEqual({ clientId: "C1", assigneeId: "S1", search: "42" });
  });

  it("a chosen status wins over the dashboard's open=true, and unknown statuses are not sent", () => {
    expect(ticketFilterFrom(ticketValues({ open: "true" }))).toEqual({ open: true });
    expect(ticketFilterFrom(ticketValues({ open: "true", status: "SCHEDULED" }))).toEqual({ status: "SCHEDULED" });
    expect(ticketFilterFrom(ticketValues({ status: "DONE" }))).toEqual({});
  });

  it("the status select shows and writes open, a status, or any", () => {
    expect(statusChoice(ticketValues({ open: "true" }))).toBe("open");
    expect(statusChange("open")).toEqual({ status: "", open: "true" });
    expect(statusChange("NEW")).toEqual({ status: "NEW", open: "" });
    expect(statusChange("")).toEqual({ status: "", open: "" });
  });
});

describe("alert filters", () => {
  it("maps the URL to AlertFilter and ignores values the API does not know", () => {
    expect(alertFilterFrom({ status: "ACTIVE", severity: "LOUD", clientId: "C1" })).toEqual({ status: "ACTIVE", clientId: "C1" });
  });

  it("announces a live alert only when the filtered list would show it", () => {
    const alert = { status: "ACTIVE", severity: "CRITICAL", client: { id: "C1" } };
    expect(matchesAlertFilter(alert, { status: "ACTIVE" })).toBe(true);
    expect(matchesAlertFilter(alert, { severity: "INFO" })).toBe(false);
    expect(matchesAlertFilter(alert, { clientId: "C2" })).toBe(false);
  });
});

describe("audit filters", () => {
  it("treats a bare family name as its prefix and leaves exact actions alone", () => {
    expect(auditFilterFrom(auditValues({ action: "auth" }))).toEqual({ action: "auth.*" });
    expect(auditFilterFrom(auditValues({ action: "mutation.createClient" }))).toEqual({ action: "mutation.createClient" });
    expect(auditFilterFrom(auditValues({ action: "impersonation.*", actorId: " u1 " }))).toEqual({ action: "impersonation.*", actorId: "u1" });
  });

  it("sends times as UTC and catches a range that ends before it starts", () => {
    const from = "2026-11-01T09:30";
    expect(auditFilterFrom(auditValues({ from })).from).toBe(new Date(from).toISOString());
    expect(auditFilterFrom(auditValues({ to: "not a date" }))).toEqual({});
    expect(auditFilterProblems(auditValues({ from: "2026-11-02T00:00", to: "2026-11-01T00:00" }))).toEqual({ to: "Must be after From" });
  });
});
