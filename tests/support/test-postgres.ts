import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/shared/db/embedded-postgres";

/**
 * The tests' PostgreSQL when TEST_POSTGRES_URL is not given: an embedded cluster of its own in
 * .data/test-postgres (made once, kept between runs), without fsync since its data is thrown away.
 */
export function startTestPostgres(): Promise<EmbeddedServer> {
  return startEmbeddedPostgres({
    dataDir: path.join(".data", "test-postgres"),
    database: "d3_test",
    durable: false,
    logFile: path.join(".data", "logs", "test-postgres.log"),
  });
}

/** The URL of another database on the server of `url`, created if it does not exist. */
export async function siblingDatabase(url: string, name: string): Promise<string> {
  const sibling = new URL(url);
  sibling.pathname = `/${name}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return sibling.toString();
}
