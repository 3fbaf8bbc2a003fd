import { dropDatabase, databaseName, templateDatabaseUrl, withAdminClient } from "./postgres-databases";
import { startTestPostgres } from "./test-postgres";
import { deployDatabase } from "../../prisma/scripts/prisma-cli";

const shared = globalThis as { d3TestPostgres?: { stop(): Promise<void> } };

/**
 * Migrates a fresh template database next to TEST_POSTGRES_URL; each test file copies it. Without
 * TEST_POSTGRES_URL (`npx jest` on its own), an embedded server is started for this run.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_POSTGRES_URL) {
    const server = await startTestPostgres();
    shared.d3TestPostgres = server;
    // Test workers are started after this and inherit the variable.
    process.env.TEST_POSTGRES_URL = server.url;
  }
  const base = process.env.TEST_POSTGRES_URL;
  const template = templateDatabaseUrl(base);
  const name = databaseName(template);
  await dropDatabase(base, name);
  // Leftovers of an interrupted run.
  await withAdminClient(base, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${databaseName(base)}_f_%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  // The job queue's schema too: the code under test enqueues jobs in its transactions.
  await deployDatabase(template, { stdio: "pipe" });
}
