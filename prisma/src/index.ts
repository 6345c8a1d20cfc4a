export { type Database, type OpenDatabaseOptions, type SqlRunner, databaseFromPGlite, databaseFromUrl, openDatabase } from "./client.js";
export { type DatabaseConfig, pgliteDirectory, repoRoot, resolveDatabaseConfig } from "./database-config.js";
export { applyMigrations, pendingMigrations, readMigrations } from "./migrate.js";
export { hashPassword, verifyPassword } from "./passwords.js";
export { DEMO_PASSWORD, seedDemo } from "./seed-demo.js";
export { scalePartner, seedScale } from "./seed-scale.js";
export { seedSampleTickets } from "./seed-tickets.js";
export { seedId } from "./seed-ids.js";
export * from "@prisma/client";
