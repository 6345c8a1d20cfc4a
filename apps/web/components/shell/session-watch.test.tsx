// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionStatus } from "../../lib/session/status";
import { type TSessionControls, SessionWatch } from "./session-watch";

const MINUTE = 60_000;

type TCalls = { refresh: number; signOut: string[]; exit: number };

/** Controls that act like the session routes: each refresh moves the session's times on. */
function fakeSession(initial: (now: number) => Extract<TSessionStatus, { signedIn: true }>) {
  const calls: TCalls = { refresh: 0, signOut: [], exit: 0 };
  let current = initial(Date.now());
  const controls: TSessionControls = {
    status: async () => ({ ...current, now: Date.now() }),
    refresh: async () => {
      calls.refresh++;
      const now = Date.now();
      current = { ...current, accessExpiresAt: now + 15 * MINUTE, endsAt: current.impersonating ? now + 30 * MINUTE : current.endsAt };
      return { ok: true };
    },
    signOut: async (reason = "signed-out") => void calls.signOut.push(reason),
    exitImpersonation: async () => void calls.exit++,
  };
  return { calls, controls };
}

const staff = (ends: number, impersonating = false) => (now: number) => ({
  signedIn: true as const,
  kind: impersonating ? ("client" as const) : ("staff" as const),
  email: "owner@northwind-msp.test",
  accessExpiresAt: now + 15 * MINUTE,
  sessionEndsAt: now + ends,
  endsAt: now + ends,
  impersonating,
  now,
});

const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

// The first status answer must land before the clock moves, as it does in a browser.
async function mount(controls: TSessionControls) {
  render(<SessionWatch controls={controls} />);
  await advance(0);
}

beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-12-01T12:00:00Z") }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("the session watch", () => {
  it("renews the access token quietly, with no dialog, while the session has long to go", async () => {
    const { calls, controls } = fakeSession(staff(8 * 60 * MINUTE));
    await mount(controls);
    await advance(13 * MINUTE - 1);
    expect(calls.refresh).toBe(0);
    await advance(1);
    expect(calls.refresh).toBe(1);
    await advance(13 * MINUTE);
    expect(calls.refresh).toBe(2);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("warns five minutes before the sign-in ends, asks for the password to stay, and signs out at the end", async () => {
    const { calls, controls } = fakeSession(staff(12 * MINUTE));
    await mount(controls);
    await advance(7 * MINUTE - 1000);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await advance(1000);
    expect(screen.getByRole("alertdialog").textContent).toContain("You will be signed out in 5:00");
    await advance(60_000);
    expect(screen.getByRole("alertdialog").textContent).toContain("4:00");
    fireEvent.click(screen.getByRole("button", { name: "Stay signed in" }));
    expect(screen.getByLabelText("Password")).toBeTruthy();
    expect(calls.signOut).toEqual([]);
    await advance(4 * MINUTE);
    expect(calls.signOut).toEqual(["ended"]);
  });

  it("while impersonating, 'Stay signed in' renews the impersonation and the warning goes away", async () => {
    const { calls, controls } = fakeSession(staff(6 * MINUTE, true));
    await mount(controls);
    await advance(MINUTE);
    expect(screen.getByRole("alertdialog").textContent).toContain("Your impersonation is ending");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Stay signed in" })));
    await advance(0);
    expect(calls.refresh).toBe(1);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await advance(6 * MINUTE);
    expect(calls.exit).toBe(0);
  });

  it("when an impersonation runs out, goes back to the actor's own account rather than signing out", async () => {
    const { calls, controls } = fakeSession(staff(2 * MINUTE, true));
    await mount(controls);
    await advance(2 * MINUTE);
    expect(calls.exit).toBe(1);
    expect(calls.signOut).toEqual([]);
  });
});
