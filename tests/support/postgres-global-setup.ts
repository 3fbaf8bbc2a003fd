import { execFileSync } from "node:child_process";
import { dropDatabase, databaseName, templateDatabaseUrl, withAdminClient } from "./postgres-databases";

/** Migrates a fresh template database next to TEST_POSTGRES_URL; each test file copies it. */
export default async function globalSetup(): Promise<void> {
  const base = process.env.TEST_POSTGRES_URL!;
  const template = templateDatabaseUrl(base);
  const name = databaseName(template);
  await dropDatabase(base, name);
  // Leftovers of an interrupted run.
  await withAdminClient(base, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${databaseName(base)}_f_%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"], { env: { ...process.env, DATABASE_URL: template }, stdio: "pipe" });
}
