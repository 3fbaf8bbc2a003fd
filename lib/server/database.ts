import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgres/client";
import { databaseProvider, databaseUrl } from "./database-url";

// Password hashes never leave the database unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

function sqliteClient(url: string) {
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }), omit });
}

/**
 * Both generated clients expose the same models (prisma/models.prisma); the SQLite one's type
 * stands for both in the code.
 */
export type Database = ReturnType<typeof sqliteClient>;
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** A client for DATABASE_URL (SQLite file by default, PostgreSQL when the URL says so). */
export function createDatabaseClient(url: string = databaseUrl()): Database {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), omit }) as unknown as Database;
  }
  return sqliteClient(url);
}
