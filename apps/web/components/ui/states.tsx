import type { ReactNode } from "react";
import "./ui.css";

// A client component (it reads who is looking); pages import it from here with the other states.
export { ErrorState } from "./error-state";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="ui-state" role="status" aria-live="polite">
      <span className="ui-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="ui-state">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function Notice({ tone, title, children }: { tone: "ok" | "warn" | "bad" | "info"; title?: string; children?: ReactNode }) {
  return (
    <div className="ui-alert" data-tone={tone} role={tone === "bad" ? "alert" : "status"}>
      {title ? <strong>{title}</strong> : null}
      {children}
    </div>
  );
}
