import { createDatabaseClient, type Database } from "./database";

const globalForDb = globalThis as unknown as { d3Database?: Database };

function client(): Database {
  globalForDb.d3Database ??= createDatabaseClient();
  return globalForDb.d3Database;
}

/**
 * The application's database client, one per process (hot reloads included). It is made on first
 * use, not on import: `next build` imports every route without a database to talk to.
 */
export const db: Database = new Proxy({} as Database, {
  get(_, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
