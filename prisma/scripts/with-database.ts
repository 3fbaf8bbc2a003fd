import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/shared/db/embedded-postgres";
import { DEV_DATA_DIR, DEV_DATABASE, databaseUrl } from "../../lib/shared/db/database-url";

/**
 * DATABASE_URL when it is set (environment or .env); otherwise the embedded development server,
 * started now if `npm run dev` is not running it already.
 */
export async function openDatabase(): Promise<EmbeddedServer> {
  try {
    const url = databaseUrl();
    return { url, port: Number(new URL(url).port || 5432), stop: async () => {} };
  } catch {
    const server = await startEmbeddedPostgres({
      dataDir: DEV_DATA_DIR,
      database: DEV_DATABASE,
      durable: true,
      logFile: path.join(".data", "logs", "postgres.log"),
    });
    process.env.DATABASE_URL = server.url;
    return server;
  }
}

/** Runs a command-line tool's work on the database, then stops the server it may have started. */
export async function withDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const server = await openDatabase();
  try {
    await work(server.url);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  // Importing embedded-postgres registers an exit hook (async-exit-hook) that ends the process
  // with code 0 on "beforeExit", whatever the work set: a failed command would look successful.
  process.exit(process.exitCode ?? 0);
}
