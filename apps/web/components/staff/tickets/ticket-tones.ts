import type { TTone } from "../../ui/badge";

export const statusTone = (status: string): TTone =>
  status === "NEW" ? "info" : status === "RESOLVED" || status === "CLOSED" ? "ok" : status === "WAITING_ON_CUSTOMER" ? "warn" : "neutral";
export const priorityTone = (priority: string): TTone => (priority === "URGENT" ? "bad" : priority === "HIGH" ? "warn" : "neutral");
