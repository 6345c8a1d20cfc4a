"use client";

import { useId, useState } from "react";
import { startImpersonation } from "../../lib/session/actions";
import "../ui/ui.css";

type TViewAs = {
  target: { clientId: string } | { partnerId: string };
  label: "View as client" | "View as partner";
  destination: "/portal" | "/dashboard";
  subjectName: string;
  /** A reason typed once for a whole list (partners); without it the button has its own field. */
  sharedReason?: string;
};

/**
 * Starts an impersonation in one click; the reason for the audit log is prefilled and editable
 * beside the button, so support can name their ticket without an extra dialog.
 */
export function ViewAsButton({ target, label, destination, subjectName, sharedReason }: TViewAs) {
  const id = useId();
  const [ownReason, setReason] = useState("Support session");
  const reason = sharedReason ?? ownReason;
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const start = async () => {
    if (reason.trim().length < 3) return setState({ busy: false, message: "Give a reason of at least 3 characters for the audit log." });
    setState({ busy: true, message: null });
    const result = await startImpersonation({ ...target, reason: reason.trim() });
    if (result.ok) return window.location.assign(destination);
    setState({ busy: false, message: result.message });
  };
  return (
    <div className="ui-field" style={{ minWidth: 0 }}>
      <div className="ui-secret">
        {sharedReason === undefined ? (
          <>
            <label htmlFor={id} className="ui-sr-only">
              Reason for viewing as {subjectName}
            </label>
            <input id={id} className="ui-input" style={{ flex: "1 1 10rem", minWidth: 0 }} value={ownReason} onChange={(event) => setReason(event.target.value)} aria-describedby={state.message ? `${id}-error` : undefined} />
          </>
        ) : null}
        <button type="button" className="ui-button" data-variant="primary" onClick={start} disabled={state.busy} aria-describedby={state.message ? `${id}-error` : undefined}>
          {state.busy ? "Starting…" : label}
        </button>
      </div>
      {state.message ? (
        <span id={`${id}-error`} className="ui-field-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
