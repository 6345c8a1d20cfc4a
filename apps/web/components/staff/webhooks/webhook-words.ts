/** Adds or removes one event type, keeping the catalog's order. */
export function toggleEvent(catalog: readonly string[], chosen: readonly string[], type: string): string[] {
  const next = new Set(chosen);
  if (next.has(type)) next.delete(type);
  else next.add(type);
  return catalog.filter((entry) => next.has(entry));
}

type TDeliveryOutcome = { status: string; responseStatus: number | null; lastError: string | null; attempts: number };

/** What a delivery came to, in words for the log: "Delivered (200)", "Failed: timed out, retrying", … */
export function deliveryOutcome(delivery: TDeliveryOutcome): { label: string; tone: "ok" | "warn" | "bad" | "neutral" } {
  const answer = delivery.responseStatus !== null ? ` (${delivery.responseStatus})` : "";
  if (delivery.status === "SUCCEEDED") return { label: `Delivered${answer}`, tone: "ok" };
  if (delivery.status === "PENDING") return { label: delivery.attempts === 0 ? "Waiting" : "Sending", tone: "neutral" };
  const why = delivery.lastError ?? `answered${answer}`;
  if (delivery.status === "FAILED") return { label: `Failed: ${why}, will retry`, tone: "warn" };
  return { label: `Gave up: ${why}`, tone: "bad" };
}

/** The first bytes of a receiver's answer, on one line and short enough for a table cell. */
export function responseExcerpt(body: string | null, max = 80): string {
  if (!body) return "";
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
