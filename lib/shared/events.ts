import { EventEmitter } from "node:events";
import { Client, Pool } from "pg";
import { log } from "@/lib/shared/log";
import { databaseUrl } from "./db/database-url";

/**
 * Tells the open pages of a request that its state changed, so they refresh within seconds.
 *
 * Several instances may serve the same users, so a change goes through the database:
 * `pg_notify` on publish, and one `LISTEN` connection per process that hands each notification to
 * the local subscribers of that request.
 *
 * Notifications are a hint, not a record: one can be lost (an instance restarting, a cut LISTEN
 * connection). Subscribers are told when that may have happened (`onResync`) and read the state
 * again; browsers also read it again whenever they reconnect.
 */

/** A change of a request; `message` marks a new message, which leaves the version as it is. */
export type RequestChange = { requestId: string; version: number; state: string; at: string /* ISO */; message?: true };

export type SubscribeOptions = {
  /**
   * Called when changes of this request may have been missed, because the bus (re)started
   * listening after the subscription was made: re-read the current state (called on the bus's
   * first connection and after each reconnection).
   */
  onResync?: () => void;
};

export interface RequestEventBus {
  /**
   * Announces a change to every instance. Call it right after the transaction that made the
   * change has committed (so that whoever re-reads sees it). It rejects when the change could not
   * be sent (database unreachable, bus closed): the caller catches and logs, since the change
   * itself is already saved and pages also catch up on their own.
   */
  publish(change: RequestChange): Promise<void>;
  /** Listens to the changes of one request; returns the function that stops listening. */
  subscribe(requestId: string, listener: (change: RequestChange) => void, options?: SubscribeOptions): () => void;
  /** Releases connections and timers (tests, shutdown). The bus cannot be used afterwards. */
  close(): Promise<void>;
}

export const NOTIFY_CHANNEL = "d3_request_changes";

// A leak detector, not a limit: many tabs on one request is normal, thousands is a bug.
const MAX_LISTENERS_PER_REQUEST = 1_000;
const RECONNECT_FIRST_DELAY_MS = 500;
const RECONNECT_MAX_DELAY_MS = 30_000;
// A connection can die silently (failover, a firewall dropping idle flows) and LISTEN would just
// hear nothing: a periodic query finds out within a minute, TCP keep-alive alone takes hours. For
// the same reason, opening a connection and running a query are given a time limit.
const HEALTH_CHECK_INTERVAL_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 10_000;

export function createEventBus(url: string): RequestEventBus {
  return new PostgresEventBus(url);
}

const globalForEvents = globalThis as unknown as { d3RequestEvents?: RequestEventBus };

/** The process-wide bus for DATABASE_URL, kept across dev hot reloads like the database client. */
export function requestEvents(): RequestEventBus {
  globalForEvents.d3RequestEvents ??= createEventBus(databaseUrl());
  return globalForEvents.d3RequestEvents;
}

/** Subscribers of this process, by request id; a failing listener never reaches the publisher. */
class LocalSubscribers {
  private readonly emitter = new EventEmitter().setMaxListeners(MAX_LISTENERS_PER_REQUEST);
  private readonly resyncs = new Set<() => void>();

  add(requestId: string, listener: (change: RequestChange) => void, options: SubscribeOptions = {}): () => void {
    const safeListener = (change: RequestChange) => guard(() => listener(change));
    const onResync = options.onResync;
    const safeResync = onResync && (() => guard(onResync));
    this.emitter.on(requestId, safeListener);
    if (safeResync) this.resyncs.add(safeResync);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.emitter.off(requestId, safeListener);
      if (safeResync) this.resyncs.delete(safeResync);
    };
  }

  dispatch(change: RequestChange): void {
    this.emitter.emit(change.requestId, change);
  }

  resyncAll(): void {
    for (const resync of [...this.resyncs]) resync();
  }

  clear(): void {
    this.emitter.removeAllListeners();
    this.resyncs.clear();
  }
}

function guard(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    log.error({ event: "request_events.listener_failed", err: error }, "request events: a listener failed");
  }
}

class PostgresEventBus implements RequestEventBus {
  private readonly subscribers = new LocalSubscribers();
  // Publishing needs no session state: a tiny pool, so bursts of transitions share connections.
  private pool: Pool | null = null;
  private listener: Client | null = null;
  private healthCheck: NodeJS.Timeout | null = null;
  private listening = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(private readonly url: string) {}

  async publish(change: RequestChange): Promise<void> {
    if (this.closed) throw new Error("request events: bus closed");
    const payload: RequestChange = { requestId: change.requestId, version: change.version, state: change.state, at: change.at, ...(change.message ? { message: true } : {}) };
    await this.publishPool().query("SELECT pg_notify($1, $2)", [NOTIFY_CHANNEL, JSON.stringify(payload)]);
  }

  subscribe(requestId: string, listener: (change: RequestChange) => void, options?: SubscribeOptions): () => void {
    if (this.closed) throw new Error("request events: bus closed");
    const unsubscribe = this.subscribers.add(requestId, listener, options);
    if (!this.listening) {
      this.listening = true;
      void this.connectListener();
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.healthCheck) clearInterval(this.healthCheck);
    const listener = this.listener;
    const pool = this.pool;
    this.listener = null;
    this.pool = null;
    await Promise.all([listener?.end().catch(() => {}), pool?.end().catch(() => {})]);
  }

  private publishPool(): Pool {
    if (!this.pool) {
      this.pool = new Pool({ connectionString: this.url, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true, application_name: "d3-request-events" });
      // An idle connection dropped by the server is simply replaced; without a handler it would crash the process.
      this.pool.on("error", (error) => log.warn({ event: "request_events.publish_connection_lost", err: error }, "request events: publishing connection lost"));
    }
    return this.pool;
  }

  /** Opens the one LISTEN connection of this process; on any failure, tries again later. */
  private async connectListener(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS, query_timeout: CONNECTION_TIMEOUT_MS, application_name: "d3-request-events" });
    // Known at once, so that close() also ends a connection still being opened.
    this.listener = client;
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      this.listenerDropped(client, error);
    };
    // pg reports a dead connection through "error" and/or "end"; the first one counts.
    client.on("error", drop);
    client.on("end", () => drop());
    client.on("notification", (message) => {
      if (message.channel === NOTIFY_CHANNEL) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      drop(error);
      return;
    }
    if (dropped || this.closed) return;
    this.failures = 0;
    this.healthCheck = setInterval(() => void client.query("SELECT 1").catch(drop), HEALTH_CHECK_INTERVAL_MS);
    // Changes made before LISTEN took effect were not heard: the subscribers read the state again.
    this.subscribers.resyncAll();
  }

  private listenerDropped(client: Client, error: unknown): void {
    if (this.listener !== client) return;
    this.listener = null;
    if (this.healthCheck) clearInterval(this.healthCheck);
    this.healthCheck = null;
    client.end().catch(() => {});
    if (this.closed) return;
    // Exponential, with jitter to spread the reconnections of several instances after a database restart.
    const ceiling = Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS * 2 ** this.failures);
    const delay = Math.round(ceiling * (0.75 + Math.random() / 4));
    this.failures += 1;
    log.warn({ event: "request_events.listen_connection_lost", delayMs: delay, err: error }, "request events: LISTEN connection lost, reconnecting");
    this.reconnectTimer = setTimeout(() => void this.connectListener(), delay);
  }

  private receive(payload: string | undefined): void {
    const change = parseChange(payload);
    if (change) this.subscribers.dispatch(change);
    else log.warn({ event: "request_events.malformed_notification", bytes: payload?.length ?? 0 }, "request events: ignored a malformed notification");
  }
}

function parseChange(payload: string | undefined): RequestChange | null {
  try {
    const value: unknown = JSON.parse(payload ?? "");
    if (typeof value !== "object" || value === null) return null;
    const { requestId, version, state, at, message } = value as Record<string, unknown>;
    if (typeof requestId !== "string" || typeof version !== "number" || typeof state !== "string" || typeof at !== "string") return null;
    return { requestId, version, state, at, ...(message === true ? { message: true as const } : {}) };
  } catch {
    return null;
  }
}
