// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { PartnerStatusButton } from "./partner-status-button";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("suspending and reactivating a partner", () => {
  it("asks before suspending, and sends nothing when the admin says no", async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    const urql = fakeUrql(() => ({ suspendPartner: { partner: { id: "P1", suspendedAt: "2026-12-03T18:00:00Z" }, userErrors: [] } }));
    const onChanged = vi.fn();
    urql.render(<PartnerStatusButton partner={{ id: "P1", name: "Northwind MSP", suspendedAt: null }} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole("button", { name: "Suspend Northwind MSP" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("Suspend Northwind MSP? Its staff, client users and API keys are refused at once"));
    expect(urql.mutations()).toHaveLength(0);

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole("button", { name: "Suspend Northwind MSP" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(urql.mutations()[0]?.variables.input).toEqual({ id: "P1" });
  });

  it("reactivates a suspended partner without asking, and says why when the API refuses", async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const urql = fakeUrql(() => ({ reactivatePartner: { partner: { id: "P1", suspendedAt: null }, userErrors: [{ field: "id", message: "the partner is not suspended", code: "CONFLICT" }] } }));
    const onChanged = vi.fn();
    urql.render(<PartnerStatusButton partner={{ id: "P1", name: "Northwind MSP", suspendedAt: "2026-12-03T18:00:00Z" }} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole("button", { name: "Reactivate Northwind MSP" }));
    expect((await screen.findByRole("alert")).textContent).toBe("the partner is not suspended");
    expect(confirm).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
    expect(urql.mutations()[0]?.query).toContain("reactivatePartner");
  });
});
