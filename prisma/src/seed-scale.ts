import type { PrismaClient } from "@prisma/client";
import { DEMO_PASSWORD } from "./seed-demo.js";
import { hashPassword } from "./passwords.js";
import { seedId } from "./seed-ids.js";

const AGENTS_PER_CLIENT = 4;
const BATCH = 100;

/** The partner a scale seed of `clients` clients writes, for benchmarks to sign in as. */
export function scalePartner(clients: number) {
  const slug = `scale-${clients}`;
  return { id: seedId("partner", slug), slug, name: `Scale MSP (${clients} clients)`, ownerEmail: `owner@${slug}.test` };
}

/**
 * Adds a partner with `clients` clients, each with a site, agents and alerts, for benchmarks.
 * Idempotent like the demo seed; reports progress through `log` after every batch.
 */
export async function seedScale(prisma: PrismaClient, clients: number, log: (line: string) => void = () => {}): Promise<void> {
  const partner = scalePartner(clients);
  const partnerId = partner.id;
  await prisma.partner.createMany({ data: [{ id: partnerId, name: partner.name, slug: partner.slug }], skipDuplicates: true });
  await prisma.staffUser.createMany({
    data: [{ id: seedId("staff", partner.ownerEmail), partnerId, email: partner.ownerEmail, name: "Scale Owner", role: "OWNER", passwordHash: await hashPassword(DEMO_PASSWORD) }],
    skipDuplicates: true,
  });

  const now = Date.now();
  for (let start = 0; start < clients; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, clients - start) }, (_, i) => start + i);
    const owned = (i: number) => ({ partnerId, clientId: seedId(partner.slug, "client", i) });
    const site = (i: number) => seedId(partner.slug, "site", i);
    const agent = (i: number, n: number) => seedId(partner.slug, "agent", i, n);
    await prisma.client.createMany({
      data: indexes.map((i) => ({ id: owned(i).clientId, partnerId, name: `Scale Client ${String(i + 1).padStart(5, "0")}`, domain: `client-${i + 1}.${partner.slug}.test` })),
      skipDuplicates: true,
    });
    await prisma.site.createMany({ data: indexes.map((i) => ({ id: site(i), ...owned(i), name: "Head office" })), skipDuplicates: true });
    await prisma.agent.createMany({
      data: indexes.flatMap((i) =>
        Array.from({ length: AGENTS_PER_CLIENT }, (_, n) => ({
          id: agent(i, n),
          ...owned(i),
          siteId: site(i),
          hostname: `SC${i + 1}-PC${n + 1}`,
          os: n === 0 ? "Windows Server 2022" : "Windows 11 Pro",
          status: n === AGENTS_PER_CLIENT - 1 ? ("OFFLINE" as const) : ("ONLINE" as const),
          lastSeenAt: new Date(now - n * 60_000),
        })),
      ),
      skipDuplicates: true,
    });
    await prisma.alert.createMany({
      data: indexes.flatMap((i) => [
        { id: seedId(partner.slug, "alert", i, 0), ...owned(i), agentId: agent(i, 3), severity: "CRITICAL" as const, status: "ACTIVE" as const, source: "monitoring", message: `SC${i + 1}-PC4 is offline` },
        { id: seedId(partner.slug, "alert", i, 1), ...owned(i), agentId: agent(i, 0), severity: "WARNING" as const, status: "ACTIVE" as const, source: "monitoring", message: `Disk C: on SC${i + 1}-PC1 is 91% full` },
        { id: seedId(partner.slug, "alert", i, 2), ...owned(i), agentId: agent(i, 1), severity: "INFO" as const, status: "RESOLVED" as const, source: "monitoring", message: `Reboot pending on SC${i + 1}-PC2`, resolvedAt: new Date(now) },
      ]),
      skipDuplicates: true,
    });
    const done = start + indexes.length;
    log(`scale seed: ${done}/${clients} clients (${Math.round((done / clients) * 100)}%)`);
  }
}
