"use client";

import { useState } from "react";
import { exitImpersonation } from "../../lib/session/actions";

type Props = { impersonation: { actorName: string; expiresAt: string; subject: { subjectName: string } }; onExit?: () => Promise<void> };

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Shown on every page while a staff member acts as someone else, with the way out. */
export function ImpersonationBanner({ impersonation, onExit = exitImpersonation }: Props) {
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="impersonation-banner" role="region" aria-label="Impersonation">
      <p>
        <strong>Viewing as {impersonation.subject.subjectName}</strong>
        <span className="impersonation-detail">
          {" "}
          · you are {impersonation.actorName} · ends at {timeOf(impersonation.expiresAt)}
        </span>
      </p>
      <button
        type="button"
        className="button button-on-dark"
        disabled={leaving}
        onClick={async () => {
          setLeaving(true);
          await onExit();
        }}
      >
        {leaving ? "Exiting…" : "Exit impersonation"}
      </button>
    </div>
  );
}
