import { createFromTemplate, databaseName, dropDatabase } from "./postgres-databases";

const url = process.env.DATABASE_URL!;

beforeAll(async () => {
  await createFromTemplate(process.env.TEST_POSTGRES_URL!, databaseName(url));
}, 60_000);

afterAll(async () => {
  const shared = globalThis as { d3Database?: { $disconnect(): Promise<void> }; d3RequestEvents?: { close(): Promise<void> } };
  // Closed before the database is dropped, so that no connection is cut under them.
  await shared.d3RequestEvents?.close();
  // Bounded: after a test cut connections mid-transaction (tests/integration/shared/outbox-outage),
  // the pool can wait forever for a connection that never comes back (noted in the README); the
  // database is dropped WITH (FORCE) anyway.
  await Promise.race([shared.d3Database?.$disconnect(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  await dropDatabase(process.env.TEST_POSTGRES_URL!, databaseName(url));
}, 60_000);
