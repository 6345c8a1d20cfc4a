export const metadata = { title: "Not found · mspgraph" };

export default function NotFound() {
  return (
    <main className="auth">
      <section className="auth-card" aria-labelledby="not-found-title">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">m</span> mspgraph
        </p>
        <h1 id="not-found-title">This page does not exist</h1>
        <p className="muted">The link may be old, or the page was moved.</p>
        <a className="button button-primary button-wide" href="/">Go to your start page</a>
      </section>
    </main>
  );
}
