import { parseArgs } from "node:util";
import { openDatabase } from "./client.js";
import { resolveDatabaseConfig } from "./database-config.js";
import { applyMigrations } from "./migrate.js";
import { seedDemo } from "./seed-demo.js";
import { seedScale } from "./seed-scale.js";
import { seedSampleTickets } from "./seed-tickets.js";

// `npm run db:seed [-- --scale N]`: the demo data with sample tickets, and optionally a partner with N clients.
const { values } = parseArgs({ options: { scale: { type: "string" } } });
const scale = values.scale === undefined ? 0 : Number(values.scale);
if (!Number.isInteger(scale) || scale < 0 || scale > 100_000) {
  console.error("--scale takes a whole number of clients between 0 and 100000");
  process.exit(2);
}

const config = resolveDatabaseConfig();
const database = await openDatabase(config);
try {
  if (config.kind === "pglite") await applyMigrations(database);
  await seedDemo(database.prisma, (line) => console.log(line));
  await seedSampleTickets(database.prisma);
  if (scale > 0) await seedScale(database.prisma, scale, (line) => console.log(line));
  console.log("seed complete");
} finally {
  await database.close();
}
