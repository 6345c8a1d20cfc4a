import type { TTone } from "../../ui/badge";

export const severityTone = (severity: string): TTone => (severity === "CRITICAL" ? "bad" : severity === "WARNING" ? "warn" : "info");
export const alertStatusTone = (status: string): TTone => (status === "ACTIVE" ? "bad" : status === "ACKNOWLEDGED" ? "warn" : "ok");
