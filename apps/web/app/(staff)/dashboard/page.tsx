// Placeholder until the partner dashboard (W2) replaces it.
export default function Dashboard() {
  return (
    <section className="stack">
      <h1>Dashboard</h1>
      <p className="muted">Your clients, agents, alerts, tickets and backups at a glance.</p>
    </section>
  );
}
