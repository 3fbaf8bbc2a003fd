import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { DATABASE_VARIABLES, readVariables } from "@/lib/shared/env";
import { databaseUrl } from "./database-url";

// Password hashes never leave the database unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

/**
 * Transactions wait for a connection of the pool up to DATABASE_TRANSACTION_WAIT_MS (Prisma's own
 * default, 2 s, turned a burst of submissions into errors while the pool was busy for a few seconds)
 * and are rolled back after DATABASE_TRANSACTION_TIMEOUT_MS. Transactions are kept short (fan-out
 * work goes to jobs), so a longer wait only absorbs bursts; the timeout still ends a stuck one.
 */
const DEFAULT_TRANSACTION_WAIT_MS = 10_000;
const DEFAULT_TRANSACTION_TIMEOUT_MS = 15_000;

function settings() {
  const parsed = readVariables(DATABASE_VARIABLES);
  if (!parsed.ok) throw new Error(parsed.message);
  const { DATABASE_POOL_SIZE, DATABASE_TRANSACTION_WAIT_MS, DATABASE_TRANSACTION_TIMEOUT_MS } = parsed.values;
  return {
    // Connections per process (pg's default: 10). Instances × this + the workers must stay under
    // the server's max_connections.
    max: DATABASE_POOL_SIZE ? Number(DATABASE_POOL_SIZE) : undefined,
    maxWait: Number(DATABASE_TRANSACTION_WAIT_MS ?? DEFAULT_TRANSACTION_WAIT_MS),
    timeout: Number(DATABASE_TRANSACTION_TIMEOUT_MS ?? DEFAULT_TRANSACTION_TIMEOUT_MS),
  };
}

function client(url: string) {
  const { max, maxWait, timeout } = settings();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }), omit, transactionOptions: { maxWait, timeout } });
}

export type Database = ReturnType<typeof client>;
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** A client for DATABASE_URL (or the embedded development server). */
export function createDatabaseClient(url: string = databaseUrl()): Database {
  return client(url);
}
