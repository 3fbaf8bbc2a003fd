import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";

// Password hashes never leave the database unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

function client(url: string) {
  // Connections per process (pg's default: 10). Instances × this + the workers must stay under the
  // server's max_connections; lib/shared/env.ts has checked the value at start.
  const max = Number(process.env.DATABASE_POOL_SIZE) || undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }), omit });
}

export type Database = ReturnType<typeof client>;
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** A client for DATABASE_URL (or the embedded development server). */
export function createDatabaseClient(url: string = databaseUrl()): Database {
  return client(url);
}
