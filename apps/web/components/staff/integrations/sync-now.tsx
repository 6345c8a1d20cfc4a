"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../lib/graphql";
import { ErrorState, Notice } from "../../ui/states";

const SyncMutation = graphql(`
  mutation SyncIntegration($input: SyncIntegrationInput!) {
    syncIntegration(input: $input) { event { id status } userErrors { field message code } }
  }
`);
const SyncEventQuery = graphql(`
  query SyncEvent($id: ID!) {
    node(id: $id) { id ... on IntegrationEvent { status attempts maxAttempts lastError processedAt } }
  }
`);

type TProgress = { done: number; total: number } | null | undefined;
const POLL_MS = 1500;

/** How far a sync is, in words and as a fraction for <progress>; null when nothing runs. */
export function describeSync(eventStatus: string | null, progress: TProgress): { label: string; value: number | null } | null {
  if (progress && progress.total > 0) return { label: `Syncing: ${progress.done} of ${progress.total} pages`, value: Math.min(1, progress.done / progress.total) };
  if (eventStatus === "PENDING") return { label: "Queued: waiting for the background worker…", value: null };
  if (eventStatus === "PROCESSING" || progress) return { label: "Syncing…", value: null };
  return null;
}

/**
 * "Sync now": queues a sync, then polls its event and the integration (for syncProgress)
 * until the event is done or dead.
 */
export function SyncNow({ pluginId, progress, onPoll }: { pluginId: string; progress: TProgress; onPoll: () => void }) {
  const [eventId, setEventId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sync, syncIntegration] = useMutation(SyncMutation);
  const [{ data }, refetchEvent] = useQuery({ query: SyncEventQuery, variables: { id: eventId ?? "" }, pause: !eventId, requestPolicy: "network-only" });
  const event = data?.node && "status" in data.node ? data.node : null;
  const running = Boolean(eventId) && (!event || event.status === "PENDING" || event.status === "PROCESSING");

  useEffect(() => {
    if (!running && !progress) return;
    const timer = setInterval(() => {
      if (eventId) refetchEvent({ requestPolicy: "network-only" });
      onPoll();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, progress, eventId, refetchEvent, onPoll]);

  useEffect(() => {
    if (event && (event.status === "DONE" || event.status === "DEAD")) onPoll();
  }, [event?.status, onPoll]);

  const start = async () => {
    setProblem(null);
    const result = await syncIntegration({ input: { pluginId } });
    const payload = result.data?.syncIntegration;
    if (payload?.userErrors[0]) return setProblem(payload.userErrors[0].message);
    if (payload?.event) setEventId(payload.event.id);
  };

  const state = describeSync(running ? (event?.status ?? "PENDING") : null, progress);
  return (
    <div style={{ display: "grid", gap: "0.5rem" }}>
      <div className="ui-form-actions">
        <button type="button" className="ui-button" onClick={start} disabled={sync.fetching || running}>
          {running ? "Syncing…" : "Sync now"}
        </button>
      </div>
      {state ? (
        <div role="status" aria-live="polite" style={{ display: "grid", gap: "0.25rem", fontSize: "0.85rem" }}>
          <span>{state.label}</span>
          {state.value === null ? <progress className="staff-progress" aria-label="Sync progress" /> : <progress className="staff-progress" value={state.value} max={1} aria-label="Sync progress" />}
        </div>
      ) : null}
      {!running && event?.status === "DONE" ? <Notice tone="ok">Sync finished.</Notice> : null}
      {!running && event?.status === "DEAD" ? <Notice tone="bad" title="The sync failed">{event.lastError ?? "Every try failed."} ({event.attempts} of {event.maxAttempts} tries)</Notice> : null}
      {!running && event?.status === "PENDING" && event.attempts > 0 ? <Notice tone="warn">The sync failed and will be retried: {event.lastError}</Notice> : null}
      {problem ? <Notice tone="bad">{problem}</Notice> : null}
      {sync.error ? <ErrorState error={sync.error} title="The sync was not started" /> : null}
    </div>
  );
}
