/** Stops the embedded server that the global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { d3TestPostgres?: { stop(): Promise<void> } }).d3TestPostgres?.stop();
}
