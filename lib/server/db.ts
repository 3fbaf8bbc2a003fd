import { createDatabaseClient, type Database } from "./database";

const globalForDb = globalThis as unknown as { d3Database?: Database };

/** The application's database client, one per process (hot reloads included). */
export const db: Database = globalForDb.d3Database ?? createDatabaseClient();
globalForDb.d3Database = db;
