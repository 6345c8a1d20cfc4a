import { createServer } from "node:http";
import { verifyAccessToken } from "@mspgraph/schema/auth-tokens";
import type { AuthConfig } from "@mspgraph/schema";
import pg from "pg";

type Row = Record<string, unknown>;

/**
 * The dashboard served by hand: node:http and pg running the same SQL the API does (session
 * check, clients page and count, then sites, agents and active alerts for those clients),
 * with no GraphQL, no authorization rules and no ORM. The bench's baseline.
 */
export function startBareDashboard(options: { url: string; auth: AuthConfig; port: number }) {
  const pool = new pg.Pool({ connectionString: options.url, max: 10 });
  const server = createServer(async (req, res) => {
    try {
      for await (const _chunk of req);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const claims = token ? await verifyAccessToken(options.auth, token) : null;
      if (!claims) return void res.writeHead(401).end();
      const session = await pool.query(
        `SELECT su."partnerId" FROM "AuthSession" s JOIN "StaffUser" su ON su.id = s."staffUserId" WHERE s.id = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now()`,
        [claims.sessionId],
      );
      const partnerId = session.rows[0]?.partnerId as string | undefined;
      if (!partnerId) return void res.writeHead(401).end();
      const [count, clients] = await Promise.all([
        pool.query(`SELECT count(*)::int AS n FROM "Client" WHERE "partnerId" = $1 AND "archivedAt" IS NULL`, [partnerId]),
        pool.query(`SELECT id, name FROM "Client" WHERE "partnerId" = $1 AND "archivedAt" IS NULL ORDER BY name, id LIMIT 101`, [partnerId]),
      ]);
      const page = clients.rows.slice(0, 100);
      const ids = page.map((c) => c.id);
      const [sites, agents, alerts] = await Promise.all([
        pool.query(`SELECT id, name, "clientId" FROM "Site" WHERE "partnerId" = $1 AND "clientId" = ANY($2) ORDER BY name, id`, [partnerId, ids]),
        pool.query(`SELECT id, hostname, status, "lastSeenAt", "clientId" FROM "Agent" WHERE "partnerId" = $1 AND "clientId" = ANY($2) ORDER BY hostname, id`, [partnerId, ids]),
        pool.query(`SELECT id, severity, message, "createdAt", "clientId" FROM "Alert" WHERE "partnerId" = $1 AND "clientId" = ANY($2) AND status = 'ACTIVE' ORDER BY "createdAt" DESC, id`, [partnerId, ids]),
      ]);
      const byClient = (rows: Row[]) => {
        const map = new Map<unknown, Row[]>();
        for (const row of rows) map.set(row.clientId, [...(map.get(row.clientId) ?? []), row]);
        return map;
      };
      const [siteMap, agentMap, alertMap] = [byClient(sites.rows), byClient(agents.rows), byClient(alerts.rows)];
      const edges = page.map((c) => ({
        node: {
          id: c.id,
          name: c.name,
          sites: { edges: (siteMap.get(c.id) ?? []).slice(0, 10).map((s) => ({ node: { id: s.id, name: s.name } })) },
          agents: { totalCount: (agentMap.get(c.id) ?? []).length, edges: (agentMap.get(c.id) ?? []).slice(0, 50).map((a) => ({ node: { id: a.id, hostname: a.hostname, status: a.status, lastSeenAt: a.lastSeenAt } })) },
          alerts: { totalCount: (alertMap.get(c.id) ?? []).length, edges: (alertMap.get(c.id) ?? []).slice(0, 20).map((a) => ({ node: { id: a.id, severity: a.severity, message: a.message, createdAt: a.createdAt } })) },
        },
      }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { clients: { totalCount: count.rows[0]!.n, edges } } }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise<{ close(): Promise<void> }>((resolve) =>
    server.listen(options.port, "127.0.0.1", () => resolve({ close: async () => void (server.close(), await pool.end()) })),
  );
}
