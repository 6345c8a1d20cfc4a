import { ApiHealth } from "./api-health";

export default function Home() {
  return (
    <main>
      <h1>mspgraph</h1>
      <p>One GraphQL API over your clients, their machines, alerts, tickets and backups.</p>
      <ApiHealth />
      <p>
        The API and its GraphiQL explorer: <a href="/graphql">/graphql</a>.
      </p>
    </main>
  );
}
