type TEvent = { targetId?: string | null; clientId?: string | null; userAgent?: string | null; metadata: string; impersonationChain?: string | null };

/** Pretty JSON when it parses, the raw text otherwise (the log must show what was stored). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The rest of an audit event, folded away: target and client ids, impersonation path, metadata. */
export function AuditDetails({ event }: { event: TEvent }) {
  return (
    <details>
      <summary style={{ cursor: "pointer" }}>Show</summary>
      <dl className="ui-dl" style={{ marginTop: "0.4rem", fontSize: "0.8rem" }}>
        {event.targetId ? (<><dt>Target id</dt><dd className="staff-mono">{event.targetId}</dd></>) : null}
        {event.clientId ? (<><dt>Client id</dt><dd className="staff-mono">{event.clientId}</dd></>) : null}
        {event.userAgent ? (<><dt>Browser</dt><dd>{event.userAgent}</dd></>) : null}
        {event.impersonationChain ? (<><dt>Acting as</dt><dd><pre className="staff-metadata">{prettyJson(event.impersonationChain)}</pre></dd></>) : null}
        <dt>Metadata</dt>
        <dd><pre className="staff-metadata">{prettyJson(event.metadata)}</pre></dd>
      </dl>
    </details>
  );
}
