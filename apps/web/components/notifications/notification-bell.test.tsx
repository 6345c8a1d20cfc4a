// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { NotificationBell } from "./notification-bell";

afterEach(cleanup);

const items = [
  { id: "n2", kind: "TICKET_CLIENT_REPLY", title: "Ada replied on ticket #12", link: "/tickets/VGlja2V0OjE=", read: false, createdAt: "2026-12-03T10:00:00.000Z" },
  { id: "n1", kind: "TICKET_OPENED", title: "New ticket #12", link: "/tickets/VGlja2V0OjE=", read: true, createdAt: "2026-12-03T09:00:00.000Z" },
];

it("names the unread count on the button, and says when none is unread", () => {
  const { rerender } = render(<NotificationBell unread={3} items={items} onMarkRead={async () => {}} settingsHref="/settings/notifications" />);
  expect(screen.getByRole("button", { name: "Notifications, 3 unread" })).toBeTruthy();
  rerender(<NotificationBell unread={0} items={items} onMarkRead={async () => {}} settingsHref="/settings/notifications" />);
  expect(screen.getByRole("button", { name: "Notifications, none unread" })).toBeTruthy();
});

it("opens a list that marks one read or all of them", () => {
  const marked: unknown[] = [];
  render(<NotificationBell unread={1} items={items} onMarkRead={async (input) => void marked.push(input)} settingsHref="/portal/notifications" />);
  fireEvent.click(screen.getByRole("button", { name: "Notifications, 1 unread" }));
  const panel = screen.getByRole("region", { name: "Notifications" });
  expect(panel.textContent).toContain("Ada replied on ticket #12");
  // Only the unread one offers "Mark read".
  expect(screen.getAllByRole("button", { name: /^Mark read/ })).toHaveLength(1);
  fireEvent.click(screen.getByRole("button", { name: "Mark read: Ada replied on ticket #12" }));
  fireEvent.click(screen.getByRole("button", { name: "Mark all read" }));
  expect(marked).toEqual([{ ids: ["n2"] }, { all: true }]);
  expect(screen.getByRole("link", { name: "Notification settings" }).getAttribute("href")).toBe("/portal/notifications");
});
