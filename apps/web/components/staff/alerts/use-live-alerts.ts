"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useSubscription } from "urql";
import { graphql } from "../../../lib/graphql";

const AlertChangedSubscription = graphql(`
  subscription AlertChanged($clientId: ID) {
    alertChanged(clientId: $clientId) {
      change
      alert { id message severity status client { id name } agent { id hostname } }
    }
  }
`);

type TEvent = { change: "RAISED" | "UPDATED"; alert: { id: string; message: string; severity: string; status: string; client: { id: string; name: string } } | null };

/**
 * Listens to alertChanged over server-sent events and calls `onEvent` for each one.
 * @remarks urql sends subscriptions through the fetch exchange when `fetchSubscriptions` is set;
 * it is set here per operation too, so this works whatever the app-wide client chooses.
 */
export function useLiveAlerts(clientId: string | null, onEvent: (event: TEvent) => void) {
  const context = useMemo(() => ({ fetchSubscriptions: true }), []);
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const [paused, setPaused] = useState(false);
  const [result] = useSubscription({ query: AlertChangedSubscription, variables: { clientId }, context, pause: paused });
  useEffect(() => {
    if (result.data?.alertChanged) latest.current(result.data.alertChanged);
  }, [result.data]);
  return { live: !paused && !result.error && result.stale !== true, error: result.error, paused, setPaused };
}
