import { createFromTemplate, databaseName, dropDatabase } from "./postgres-databases";

const url = process.env.DATABASE_URL!;

beforeAll(async () => {
  await createFromTemplate(process.env.TEST_POSTGRES_URL!, databaseName(url));
}, 60_000);

afterAll(async () => {
  const shared = globalThis as { d3Database?: { $disconnect(): Promise<void> }; d3RequestEvents?: { close(): Promise<void> } };
  // Closed before the database is dropped, so that no connection is cut under them.
  await shared.d3RequestEvents?.close();
  await shared.d3Database?.$disconnect();
  await dropDatabase(process.env.TEST_POSTGRES_URL!, databaseName(url));
}, 60_000);
