"use client";

import Link from "next/link";
import { useState } from "react";
import { SelectField, type TOption } from "../../ui/field";

type TLinkCell = {
  /** What is linked, as the vendor names it (a Syncro customer, an MSP360 company). */
  subject: string;
  linked: boolean;
  clients: readonly TOption[];
  busy: boolean;
  onLink: (clientId: string) => void;
  onUnlink: () => void;
  onMissingChoice: () => void;
};

/** The "Linked client" cell of a vendor-to-client linking table: the client's page, or "Not linked". */
export function LinkedClientName({ client }: { client: { id: string; name: string } | null }) {
  if (!client) return <span className="ui-muted">Not linked</span>;
  return (
    <Link className="ui-link" href={`/clients/${encodeURIComponent(client.id)}`}>
      {client.name}
    </Link>
  );
}

/** The action cell of a vendor-to-client linking table: Unlink, or a client to choose and Link. */
export function LinkClientCell({ subject, linked, clients, busy, onLink, onUnlink, onMissingChoice }: TLinkCell) {
  const [clientId, setClientId] = useState("");
  if (linked) {
    return (
      <button type="button" className="ui-button" data-size="small" disabled={busy} onClick={onUnlink} aria-label={`Unlink ${subject}`}>
        Unlink
      </button>
    );
  }
  return (
    <span style={{ display: "inline-flex", gap: "0.4rem", alignItems: "end" }}>
      <SelectField label={`Client for ${subject}`} value={clientId} onChange={setClientId} options={[{ value: "", label: "Choose a client…" }, ...clients]} />
      <button type="button" className="ui-button" data-size="small" disabled={busy} onClick={() => (clientId ? onLink(clientId) : onMissingChoice())} aria-label={`Link ${subject}`}>
        Link
      </button>
    </span>
  );
}

/**
 * What a link or unlink answered: its userErrors to show, or a refetch of the table when it worked.
 * @param refetch reloads the linking table
 */
export function useLinkResults(refetch: () => void) {
  const [messages, setMessages] = useState<string[]>([]);
  const settle = (errors: readonly { message: string }[] | undefined) => {
    const list = (errors ?? []).map((e) => e.message);
    setMessages(list);
    if (list.length === 0) refetch();
  };
  return { messages, setMessages, settle };
}
