import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { run, runOnce, type WorkerEvents } from "graphile-worker";
import { Client } from "pg";
import { databaseUrl } from "@/lib/shared/db/database-url";
import { log } from "@/lib/shared/log";
import { JOB_SCHEMA, type JobName } from "./queue";
import { ensureJobSchema, jobLogger } from "./schema";
import { cronItems, taskList } from "./tasks";

/*
 * Jobs of a dead worker. graphile-worker 0.17 frees a job locked by a worker that vanished (kill -9,
 * lost machine) only after 4 hours, a delay written in its SQL. So that an email waits minutes, not
 * hours, every worker pool of ours holds a shared advisory lock on a connection of its own for as
 * long as it lives: PostgreSQL drops that lock the moment the process or its connection dies. A
 * pool that holds jobs without holding its lock is dead, and any runner gives its jobs back to the
 * queue with graphile-worker's `force_unlock_workers` (at start, then every minute). The grace
 * period covers the instant between a pool's creation and its lock. Should a living pool lose its
 * connection and be taken for dead, its job may run twice at once: the tasks are idempotent (an
 * email is claimed on its outbox row before it is sent, a reminder on its request).
 */
const LIVENESS_LOCK_CLASS = 0x4433; // advisory lock namespace "D3" (first key of the two-key form)
const DEAD_POOL_GRACE_SECONDS = 5;
const DEAD_POOL_CHECK_MS = 60_000;
const RECONNECT_MS = 5_000;

class PoolLiveness {
  private readonly pools = new Set<string>();
  private client: Client | null = null;
  private closed = false;
  // One query at a time on the connection (pg warns about, and will refuse, overlapping ones).
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly connectionString: string) {}

  static async open(connectionString: string): Promise<PoolLiveness> {
    const liveness = new PoolLiveness(connectionString);
    await liveness.connect();
    return liveness;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: "d3-jobs-liveness" });
    client.on("error", (error) => {
      if (this.client !== client) return;
      this.client = null;
      log.error({ component: "jobs", err: error }, "job liveness connection lost; reconnecting");
      void client.end().catch(() => {});
      void this.reconnect();
    });
    await client.connect();
    for (const poolId of this.pools) await this.lock(client, poolId);
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    while (!this.closed && !this.client) {
      await sleep(RECONNECT_MS);
      if (this.closed) return;
      await this.connect().catch((error) => log.warn({ component: "jobs", err: error }, "job liveness reconnection failed"));
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => {});
    return result;
  }

  private lock(client: Client, poolId: string): Promise<void> {
    return this.serialized(async () => {
      await client.query("SELECT pg_advisory_lock_shared($1::int, hashtext($2))", [LIVENESS_LOCK_CLASS, poolId]);
    });
  }

  /** Called synchronously when graphile-worker creates a pool, before its workers ask for jobs. */
  register(poolId: string): Promise<void> {
    this.pools.add(poolId);
    return this.client ? this.lock(this.client, poolId) : Promise.resolve();
  }

  /** Gives the jobs of dead pools back to the queue; returns those pools. */
  releaseDeadPools(): Promise<string[]> {
    return this.serialized(async () => {
      const client = this.client;
      if (!client) return [];
      const { rows } = await client.query<{ locked_by: string }>(
        `SELECT DISTINCT jobs.locked_by FROM ${JOB_SCHEMA}.jobs
         WHERE jobs.locked_by IS NOT NULL AND jobs.locked_at < now() - make_interval(secs => $2)
           AND NOT EXISTS (
             SELECT FROM pg_locks
             WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND classid = $1::int::oid AND objid = hashtext(jobs.locked_by)::oid AND objsubid = 2)`,
        [LIVENESS_LOCK_CLASS, DEAD_POOL_GRACE_SECONDS],
      );
      const dead = rows.map((row) => row.locked_by);
      if (dead.length > 0) {
        await client.query(`SELECT ${JOB_SCHEMA}.force_unlock_workers($1::text[])`, [dead]);
        log.warn({ component: "jobs", pools: dead }, "jobs of dead workers given back to the queue");
      }
      return dead;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end();
  }
}

/** graphile-worker's options shared by both ways of running jobs, with the pools' liveness. */
async function withLiveness<T>(connectionString: string, start: (events: WorkerEvents) => Promise<T>): Promise<{ liveness: PoolLiveness; value: T }> {
  const liveness = await PoolLiveness.open(connectionString);
  const registrations: Promise<void>[] = [];
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => registrations.push(liveness.register(workerPool.id)));
  try {
    const value = await start(events);
    await Promise.all(registrations);
    await liveness.releaseDeadPools();
    return { liveness, value };
  } catch (error) {
    await liveness.close();
    throw error;
  }
}

export type JobRunner = {
  /** Stops taking jobs, waits for those running, then releases everything. */
  stop(): Promise<void>;
  /** Settles when the runner has stopped. */
  promise: Promise<void>;
};

export type JobRunnerOptions = { connectionString?: string; concurrency?: number; pollInterval?: number };

/**
 * Runs the tasks and the periodic tasks until stopped: with the server (instrumentation.ts) or on
 * its own (`npm run worker`). Installs graphile-worker's schema first. Jobs are taken as soon as
 * they are committed (LISTEN/NOTIFY), or at the latest after `pollInterval` (2 s).
 */
export async function startJobRunner(options: JobRunnerOptions = {}): Promise<JobRunner> {
  const connectionString = options.connectionString ?? databaseUrl();
  await ensureJobSchema(connectionString);
  const { liveness, value: runner } = await withLiveness(connectionString, (events) =>
    run({
      connectionString,
      schema: JOB_SCHEMA,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollInterval ?? 2_000,
      noHandleSignals: true,
      logger: jobLogger,
      events,
      taskList,
      parsedCronItems: cronItems,
    }),
  );
  const check = setInterval(() => {
    liveness.releaseDeadPools().catch((error) => log.error({ component: "jobs", err: error }, "dead workers check failed"));
  }, DEAD_POOL_CHECK_MS);
  check.unref();
  const promise = runner.promise.finally(async () => {
    clearInterval(check);
    await liveness.close();
  });
  log.info({ component: "jobs", concurrency: options.concurrency ?? 2 }, "job runner started");
  let stopping: Promise<void> | null = null;
  return {
    promise,
    stop() {
      stopping ??= runner.stop().then(() => promise);
      return stopping;
    },
  };
}

/**
 * Runs the jobs that are due now, one at a time, then returns: tests and one-shot commands. With
 * `tasks`, only the jobs of those tasks (graphile-worker takes only jobs of the tasks it is given).
 */
export async function runDueJobs(options: Pick<JobRunnerOptions, "connectionString"> & { tasks?: JobName[] } = {}): Promise<void> {
  const connectionString = options.connectionString ?? databaseUrl();
  const tasks = options.tasks ? Object.fromEntries(options.tasks.map((name) => [name, taskList[name]])) : taskList;
  const { liveness, value: done } = await withLiveness(connectionString, async (events) => ({
    promise: runOnce({ connectionString, schema: JOB_SCHEMA, noHandleSignals: true, logger: jobLogger, events, taskList: tasks }),
  }));
  try {
    await done.promise;
  } finally {
    await liveness.close();
  }
}
