"use client";

import { useCallback, useEffect, useMemo } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../lib/graphql";

const NotificationsQuery = graphql(`
  query Notifications {
    viewer { id unreadNotificationCount }
    notifications(first: 20) { edges { node { id kind title link read createdAt } } }
  }
`);

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded { id }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { marked unreadCount }
  }
`);

export type TNotification = { id: string; kind: string; title: string; link: string; read: boolean; createdAt: string };

/**
 * The bell's data: the viewer's unread count and latest notifications, refreshed whenever
 * notificationAdded says a new one arrived (server-sent events), and marking them read.
 */
export function useNotifications() {
  const context = useMemo(() => ({ requestPolicy: "network-only" as const }), []);
  const [result, refetch] = useQuery({ query: NotificationsQuery, context });
  const liveContext = useMemo(() => ({ fetchSubscriptions: true }), []);
  const [live] = useSubscription({ query: NotificationAddedSubscription, context: liveContext });
  const [, mark] = useMutation(MarkReadMutation);
  const refresh = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useEffect(() => {
    if (live.data?.notificationAdded) refresh();
  }, [live.data, refresh]);
  const markRead = useCallback(
    async (input: { ids: string[] } | { all: true }) => {
      await mark({ input });
      refresh();
    },
    [mark, refresh],
  );
  const items: TNotification[] = (result.data?.notifications.edges ?? []).map((edge) => edge.node as TNotification);
  return { unread: result.data?.viewer?.unreadNotificationCount ?? 0, items, markRead, loaded: Boolean(result.data) };
}
