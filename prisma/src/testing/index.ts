export { type TestDatabase, createTestDatabase, testDatabaseKind } from "./test-database.js";
export { type PostgresServer, databaseUrl, findPostgresBin, freePort, startPostgresServer } from "./postgres-server.js";
