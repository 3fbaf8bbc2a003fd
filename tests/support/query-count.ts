import pg from "pg";

/**
 * The SQL statements `run` sends to PostgreSQL (every query of lib/shared/db goes through a pg
 * client of the adapter's pool), in order: for tests that hold a page's data to a number of
 * database round trips.
 */
export async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  const spy = jest.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    statements.push(typeof config === "string" ? config : ((config as { text?: string } | undefined)?.text ?? String(config)));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}
