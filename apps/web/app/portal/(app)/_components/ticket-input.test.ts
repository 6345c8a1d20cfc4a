import { expect, it } from "vitest";
import { ZNewTicket, ZPortalComment, problemsOf } from "./ticket-input";

it("a new ticket needs a subject in words, within the API's 300 characters", () => {
  expect(problemsOf(ZNewTicket, { subject: "   ", description: "", priority: "NORMAL" })).toEqual({ subject: "Say in a few words what you need help with." });
  expect(problemsOf(ZNewTicket, { subject: "x".repeat(301), description: "", priority: "NORMAL" }).subject).toMatch(/under 300 characters/);
  expect(problemsOf(ZNewTicket, { subject: "Printer offline", description: "", priority: "HIGH" })).toEqual({});
});

it("a priority outside the API's four is refused", () => {
  expect(Object.keys(problemsOf(ZNewTicket, { subject: "Printer", description: "", priority: "ASAP" }))).toEqual(["priority"]);
});

it("an empty reply is not sent", () => {
  expect(problemsOf(ZPortalComment, { body: "  \n " })).toEqual({ body: "Write a message first." });
  expect(problemsOf(ZPortalComment, { body: "Thanks, it works again" })).toEqual({});
});
