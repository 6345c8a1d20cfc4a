"use client";

import { useState } from "react";
import { type TNotification, useNotifications } from "./use-notifications";

type Props = {
  unread: number;
  items: readonly TNotification[];
  onMarkRead: (input: { ids: string[] } | { all: true }) => Promise<void>;
  /** Where the person changes which notifications they get. */
  settingsHref: string;
};

/** The bell in the top bar: the unread count, and a list to open with mark read and mark all read. */
export function NotificationBell({ unread, items, onMarkRead, settingsHref }: Props) {
  const [open, setOpen] = useState(false);
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <div className="bell">
      <button type="button" className="button button-ghost bell-button" aria-label={label} aria-expanded={open} aria-controls="notification-panel" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 ? <span className="bell-count" aria-hidden="true" data-testid="bell-count">{unread > 99 ? "99+" : unread}</span> : null}
      </button>
      {open ? (
        <section id="notification-panel" className="bell-panel card" aria-label="Notifications">
          <div className="card-header">
            <strong>Notifications</strong>
            <button type="button" className="button" disabled={unread === 0} onClick={() => void onMarkRead({ all: true })}>Mark all read</button>
          </div>
          {items.length === 0 ? <p className="muted">Nothing yet.</p> : null}
          <ul className="bell-list">
            {items.map((item) => (
              <li key={item.id} className={item.read ? "bell-item" : "bell-item bell-unread"}>
                <a href={item.link} onClick={() => void (item.read ? undefined : onMarkRead({ ids: [item.id] }))}>{item.title}</a>
                {item.read ? null : (
                  <button type="button" className="button button-ghost" aria-label={`Mark read: ${item.title}`} onClick={() => void onMarkRead({ ids: [item.id] })}>Mark read</button>
                )}
              </li>
            ))}
          </ul>
          <a href={settingsHref}>Notification settings</a>
        </section>
      ) : null}
    </div>
  );
}

/** The bell wired to the API, for the signed-in person, its count kept live. */
export function LiveNotificationBell({ settingsHref }: { settingsHref: string }) {
  const { unread, items, markRead } = useNotifications();
  return <NotificationBell unread={unread} items={items} onMarkRead={markRead} settingsHref={settingsHref} />;
}
