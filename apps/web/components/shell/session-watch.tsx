"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { exitImpersonation, postSession, sessionStatus, signOut } from "../../lib/session/actions";
import type { TSessionReply } from "../../lib/session/respond";
import type { TSessionStatus } from "../../lib/session/status";
import { countdown, sessionPlan, timerDelay } from "../../lib/session/timeline";
import { SignInForm } from "./sign-in-form";
import { leaveNotice } from "./shell-notice";

type TSignedIn = Extract<TSessionStatus, { signedIn: true }>;

/** What the watch does to the session; the web server's session routes unless a test says otherwise. */
export type TSessionControls = {
  status: () => Promise<TSessionStatus>;
  refresh: () => Promise<TSessionReply>;
  signOut: (reason?: "signed-out" | "ended") => Promise<void>;
  exitImpersonation: () => Promise<void>;
};

const serverControls: TSessionControls = { status: sessionStatus, refresh: () => postSession("refresh"), signOut, exitImpersonation };

/**
 * Keeps a signed-in page's session alive and honest: renews the access token quietly before it
 * expires, warns five minutes before the session (or the impersonation) ends with a way to
 * stay, and when it ends sends the user to sign in again (or back to their own account).
 */
export function SessionWatch({ controls = serverControls }: { controls?: TSessionControls }) {
  const [status, setStatus] = useState<TSignedIn | null>(null);
  const [phase, setPhase] = useState<"quiet" | "warning" | "password">("quiet");
  const [problem, setProblem] = useState<string | null>(null);
  const [remaining, setRemaining] = useState(0);
  const endAt = useRef(0);
  const stayButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    const next = await controls.status().catch(() => null);
    setStatus(next?.signedIn ? next : null);
  }, [controls]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!status) return;
    const plan = sessionPlan(status, Date.now());
    endAt.current = Date.now() + plan.endInMs;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const at = (ms: number, run: () => void) => {
      const { delay, clamped } = timerDelay(ms);
      timers.push(setTimeout(clamped ? () => void load() : run, delay));
    };
    if (plan.refreshInMs !== null && plan.refreshInMs < plan.warnInMs) {
      at(plan.refreshInMs, async () => {
        const renewed = await controls.refresh();
        if (renewed.ok) void load();
        else if (renewed.code === "UNAUTHENTICATED") void controls.signOut("ended");
      });
    }
    at(plan.warnInMs, () => setPhase((current) => (current === "quiet" ? "warning" : current)));
    at(plan.endInMs, () => {
      if (status.impersonating) {
        leaveNotice("Your time viewing as someone else ran out: you are back in your own account.");
        void controls.exitImpersonation();
      } else {
        void controls.signOut("ended");
      }
    });
    return () => timers.forEach(clearTimeout);
  }, [status, load, controls]);

  useEffect(() => {
    if (phase === "quiet") return;
    const tick = () => setRemaining(endAt.current - Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [phase]);

  useEffect(() => {
    if (phase === "warning") stayButton.current?.focus();
  }, [phase]);

  if (!status || phase === "quiet") return null;

  async function stay() {
    if (!status) return;
    setProblem(null);
    if (!status.impersonating) {
      setPhase("password");
      return;
    }
    const renewed = await controls.refresh();
    if (!renewed.ok) return setProblem(renewed.message);
    setPhase("quiet");
    await load();
  }

  return (
    <div className="session-warning" role="alertdialog" aria-labelledby="session-warning-title" aria-describedby="session-warning-text">
      <h2 id="session-warning-title">{status.impersonating ? "Your impersonation is ending" : "Your session is ending"}</h2>
      <p id="session-warning-text">
        {status.impersonating ? "Viewing as this account ends" : "You will be signed out"} in <strong>{countdown(remaining)}</strong>.
      </p>
      {problem ? <p className="notice notice-error" role="alert">{problem}</p> : null}
      {phase === "password" ? (
        <>
          <p className="muted">Enter your password to start a new session as {status.email}.</p>
          <SignInForm
            kind={status.kind}
            email={status.email}
            onSignedIn={() => {
              setPhase("quiet");
              void load();
            }}
          />
        </>
      ) : (
        <div className="actions">
          <button ref={stayButton} type="button" className="button button-primary" onClick={stay}>
            Stay signed in
          </button>
          <button type="button" className="button button-ghost" onClick={() => controls.signOut()}>
            Sign out now
          </button>
        </div>
      )}
    </div>
  );
}
