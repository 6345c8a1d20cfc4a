"use client";

import { CopyValue } from "../../ui/copy-button";
import { Notice } from "../../ui/states";

/** A signing secret shown this once, with a copy button. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  return (
    <Notice tone="warn" title={`Copy the signing secret for ${url} now`}>
      <p style={{ margin: "0 0 0.5rem" }}>This is the only time it is shown. Your receiver verifies every request with it (Standard Webhooks); if it is lost, rotate it.</p>
      <CopyValue value={secret} label="Copy secret" />
      <button type="button" className="ui-button" data-size="small" style={{ marginTop: "0.5rem" }} onClick={onDone}>
        I have stored it
      </button>
    </Notice>
  );
}
