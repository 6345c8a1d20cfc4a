"use client";

import { useContext } from "react";
import type { CombinedError } from "urql";
import { describeError } from "./describe-error";
import { ErrorAudienceContext } from "./error-audience";
import "./ui.css";

/**
 * A failed query or mutation: the API's message and what it means, with an optional retry.
 * Staff also see its code and request id; client users only the words.
 */
export function ErrorState({ error, title = "Something went wrong", onRetry }: { error: CombinedError; title?: string; onRetry?: () => void }) {
  const { message, code, hint, requestId } = describeError(error);
  const staff = useContext(ErrorAudienceContext) === "staff";
  return (
    <div className="ui-alert" data-tone="bad" role="alert">
      <strong>{title}</strong>
      <div>
        {message}
        {staff && code ? (
          <>
            {" "}
            <code>({code})</code>
          </>
        ) : null}
      </div>
      {hint ? <div>{hint}</div> : null}
      {staff && requestId ? <div>Request id: <code>{requestId}</code></div> : null}
      {onRetry ? (
        <button type="button" className="ui-button" data-size="small" onClick={onRetry} style={{ marginTop: "0.5rem" }}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
