"use client";

import { useState } from "react";
import "./ui.css";

/** Copies a value to the clipboard and says so; falls back to selecting nothing when the clipboard is blocked. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" className="ui-button" data-size="small" onClick={copy} aria-live="polite">
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy" : label}
    </button>
  );
}

/** A value shown in full with a copy button (secrets shown once, webhook URLs). */
export function CopyValue({ value, label }: { value: string; label?: string }) {
  return (
    <div className="ui-secret">
      <code>{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}
