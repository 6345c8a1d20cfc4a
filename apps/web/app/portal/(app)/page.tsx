export default function PortalHome() {
  return (
    <section className="stack">
      <h1>Overview</h1>
    </section>
  );
}
