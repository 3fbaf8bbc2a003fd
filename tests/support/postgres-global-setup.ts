import { execFileSync } from "node:child_process";
import { Client } from "pg";

/** Empties the test PostgreSQL database and applies the PostgreSQL migration history to it. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL!;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
  execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}
