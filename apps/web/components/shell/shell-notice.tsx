"use client";

import { useEffect, useState } from "react";

const KEY = "mspgraph.notice";

/** Leaves a message for the next page this tab shows (e.g. after an impersonation ran out). */
export function leaveNotice(message: string): void {
  window.sessionStorage.setItem(KEY, message);
}

/** Shows, once, a message the previous page left. */
export function ShellNotice() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const stored = window.sessionStorage.getItem(KEY);
    if (!stored) return;
    window.sessionStorage.removeItem(KEY);
    setMessage(stored);
  }, []);
  if (!message) return null;
  return (
    <div className="notice notice-warning shell-notice" role="status">
      <span>{message}</span>
      <button type="button" className="button button-ghost" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
