import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";

// Password hashes never leave the database unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

function client(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit });
}

export type Database = ReturnType<typeof client>;
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** A client for DATABASE_URL (or the embedded development server). */
export function createDatabaseClient(url: string = databaseUrl()): Database {
  return client(url);
}
