// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ViewAsButton } from "./view-as-button";

const startImpersonation = vi.hoisted(() => vi.fn());
vi.mock("../../lib/session/actions", () => ({ startImpersonation }));

const assign = vi.fn();
beforeEach(() => {
  startImpersonation.mockReset();
  assign.mockReset();
  vi.stubGlobal("location", { ...window.location, assign });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("View as client / View as partner", () => {
  it("starts the impersonation with the reason and opens the portal", async () => {
    startImpersonation.mockResolvedValue({ ok: true });
    render(<ViewAsButton target={{ clientId: "C1" }} label="View as client" destination="/portal" subjectName="Fabrikam Dental" />);
    fireEvent.change(screen.getByLabelText("Reason for viewing as Fabrikam Dental"), { target: { value: " Ticket 4711 " } });
    fireEvent.click(screen.getByRole("button", { name: "View as client" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/portal"));
    expect(startImpersonation).toHaveBeenCalledWith({ clientId: "C1", reason: "Ticket 4711" });
  });

  it("says why when the API refuses, and stays on the page", async () => {
    startImpersonation.mockResolvedValue({ ok: false, message: "You are not allowed to view as them." });
    render(<ViewAsButton target={{ partnerId: "P1" }} label="View as partner" destination="/dashboard" subjectName="Contoso IT" sharedReason="Support" />);
    fireEvent.click(screen.getByRole("button", { name: "View as partner" }));
    expect(await screen.findByText("You are not allowed to view as them.")).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
  });

  it("asks for a reason the audit log can use before calling the API", () => {
    render(<ViewAsButton target={{ clientId: "C1" }} label="View as client" destination="/portal" subjectName="Fabrikam Dental" />);
    fireEvent.change(screen.getByLabelText("Reason for viewing as Fabrikam Dental"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "View as client" }));
    expect(screen.getByText("Give a reason of at least 3 characters for the audit log.")).toBeTruthy();
    expect(startImpersonation).not.toHaveBeenCalled();
  });
});
