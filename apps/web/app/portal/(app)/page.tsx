"use client";

import { usePortalViewer } from "../../../components/shell/portal-viewer";
import { DashboardWidgets } from "./_components/dashboard-widgets";

export default function PortalHome() {
  const viewer = usePortalViewer();
  return (
    <>
      <section className="portal-hero">
        <p className="small">{viewer.client.name} · supported by {viewer.partner?.name ?? "your IT provider"}</p>
        <h1>Welcome, {viewer.name.split(" ")[0]}</h1>
        <p>Your machines, alerts, tickets and documentation in one place.</p>
      </section>
      <DashboardWidgets />
    </>
  );
}
