/**
 * Workarounds for the Prisma 6.19.3 CLI running its WebAssembly schema engine ("js" engine)
 * through driver adapters. They are needed by `prisma migrate` only (never by the app), and are
 * collected here so that each one can be deleted the day the upstream defect is fixed.
 * tests/unit/prisma/prisma-cli-workarounds.test.ts checks each of them.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * 1. The schema engine arms 10 s and 60 s timers that it never clears, so the CLI idles up to a
 * minute after finishing. Long timers are unref'd: they no longer keep the process alive.
 */
export function unrefLongTimers(thresholdMs = 10_000): void {
  const original = globalThis.setTimeout;
  const patched = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(fn, ms, ...args);
    if ((ms ?? 0) >= thresholdMs) timer.unref?.();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}

/**
 * 2. Introspection returns columns of type `name` (oid 19) and `"char"` (oid 18),
 * which adapter-pg cannot deserialise ("Column type 'name' could not be deserialized"); they are
 * reported as text (and their arrays as text[]).
 */
export const PG_TYPE_REMAP: Readonly<Record<number, number>> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

export function remapFieldTypes<T extends { fields?: { dataTypeID: number }[] }>(result: T): T {
  for (const field of result?.fields ?? []) {
    const remapped = PG_TYPE_REMAP[field.dataTypeID];
    if (remapped !== undefined) field.dataTypeID = remapped;
  }
  return result;
}

/**
 * 4. adapter-pg's executeScript() splits a migration on every `;`, which cuts a function body
 * (`$$ … ; … $$`, e.g. the RequestCount triggers) in pieces. The script is sent whole instead, as
 * the native engine does: PostgreSQL's simple query protocol runs it statement by statement, in one
 * implicit transaction.
 */
export async function executeWholeScript(this: { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never }, script: string): Promise<void> {
  try {
    await this.client.query(script);
  } catch (error) {
    this.onError(error);
  }
}

let pgPrototypePatched = false;
async function patchPgQueryable(factory: PrismaPg): Promise<void> {
  if (pgPrototypePatched) return;
  const adapter = await factory.connect();
  // PgQueryable.prototype is shared by connections, transactions and the shadow database.
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { performIO: (q: unknown) => Promise<never> };
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    return remapFieldTypes(await performIO.call(this, query));
  };
  // The adapter's own class (connections and the shadow database), not PgQueryable.
  (Object.getPrototypeOf(adapter) as { executeScript: typeof executeWholeScript }).executeScript = executeWholeScript;
  await adapter.dispose();
  pgPrototypePatched = true;
}

export function pgConfigFromUrl(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    // Let the CLI process exit instead of waiting for idle pool timeouts.
    allowExitOnIdle: true,
  };
}

/**
 * 3. adapter-pg's connectToShadowDb() lets the connection string override the shadow
 * database name (so the "shadow" is the real database) and drops the shadow database before
 * closing its pool. Re-implemented: a fresh database, closed before it is dropped.
 */
export class PgCliAdapter extends PrismaPg {
  constructor(private readonly url: string) {
    super(pgConfigFromUrl(url));
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg(pgConfigFromUrl(this.url, name)).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  }

  static async create(url: string): Promise<PgCliAdapter> {
    const factory = new PgCliAdapter(url);
    await patchPgQueryable(factory);
    return factory;
  }
}
