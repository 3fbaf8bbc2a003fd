import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../lib/shared/db/embedded-postgres";

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
export const siblingDatabase = ensureDatabase;
