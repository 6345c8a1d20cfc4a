"use client";

import { useEffect, useState } from "react";
import { CopyValue } from "../../ui/copy-button";
import { TextField } from "../../ui/field";

const STORAGE_KEY = "mspgraph.apiPublicAddress";

/** The API's address as the vendor's servers reach it: not knowable from the browser, so it is asked once and remembered (it is not a secret). */
function defaultAddress(): string {
  if (typeof window === "undefined") return "";
  return window.localStorage.getItem(STORAGE_KEY) ?? `${window.location.protocol}//${window.location.hostname}:4000`;
}

export function webhookUrl(address: string, path: string): string {
  return `${address.trim().replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The plugin's webhook URL to paste into the vendor's console, with a copy button. */
export function WebhookUrl({ path }: { path: string }) {
  const [address, setAddress] = useState("");
  useEffect(() => setAddress(defaultAddress()), []);
  const change = (value: string) => {
    setAddress(value);
    window.localStorage.setItem(STORAGE_KEY, value);
  };
  return (
    <div style={{ display: "grid", gap: "0.5rem" }}>
      <TextField label="API public address" type="url" value={address} onChange={change} hint="Where the service reaches your mspgraph API from the internet" />
      <div>
        <div style={{ fontSize: "0.85rem", fontWeight: 600, marginBottom: "0.3rem" }}>Webhook URL</div>
        <CopyValue value={webhookUrl(address, path)} label="Copy webhook URL" />
        <p className="ui-field-hint" style={{ margin: "0.3rem 0 0" }}>It contains a secret: paste it only into the service's notification settings.</p>
      </div>
    </div>
  );
}
