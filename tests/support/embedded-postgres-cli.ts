/**
 * Starts an embedded PostgreSQL server on a data folder, prints its URL, and stops it on SIGINT or
 * SIGTERM — what `npm run dev` does around next, for tests/integration/shared/embedded-postgres.test.ts:
 *   npx tsx tests/support/embedded-postgres-cli.ts <data folder> <log file>
 */
import { startEmbeddedPostgres } from "../../lib/shared/db/embedded-postgres";

async function main() {
  const [dataDir, logFile] = process.argv.slice(2) as [string, string];
  const server = await startEmbeddedPostgres({ dataDir, logFile, database: "d3", durable: true });
  console.log(`URL ${server.url}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.stop().finally(() => process.exit(0)));
  setInterval(() => {}, 60_000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
