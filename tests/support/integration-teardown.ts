import { rmSync } from "node:fs";
import { createFromTemplate, databaseName, dropDatabase } from "./postgres-databases";

const url = process.env.DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

beforeAll(async () => {
  if (isPostgres) await createFromTemplate(process.env.TEST_POSTGRES_URL!, databaseName(url));
}, 30_000);

afterAll(async () => {
  const shared = globalThis as { d3Database?: { $disconnect(): Promise<void> }; d3RequestEvents?: { close(): Promise<void> } };
  // Closed before the database is dropped, so that no connection is cut under them.
  await shared.d3RequestEvents?.close();
  await shared.d3Database?.$disconnect();
  if (isPostgres) {
    await dropDatabase(process.env.TEST_POSTGRES_URL!, databaseName(url));
  } else if (url.startsWith("file:") && url.includes("/.data/test/")) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(url.slice("file:".length) + suffix, { force: true });
  }
}, 30_000);
