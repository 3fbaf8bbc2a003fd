import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { createEventBus, requestEvents, type RequestChange, type RequestEventBus } from "@/lib/shared/events";
import { log } from "@/lib/shared/log";

const url = () => process.env.DATABASE_URL!;

function change(requestId: string, version = 2): RequestChange {
  return { requestId, version, state: "IN_REVIEW", at: new Date().toISOString() };
}

/** The changes a subscriber receives, and a way to wait for the next ones. */
function recorder() {
  const received: RequestChange[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    received,
    listener(arrived: RequestChange) {
      received.push(arrived);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
    },
    /** Resolves once `count` changes have arrived; rejects after `ms`. */
    until(count: number, ms = 2_000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${received.length} change(s) received within ${ms} ms, ${count} expected`)), ms);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

const buses: RequestEventBus[] = [];

/**
 * A new bus (an app instance), once it listens: LISTEN starts with the first subscription and is
 * in effect when that subscription is told to resync.
 */
async function listeningBus(busUrl = url()): Promise<RequestEventBus> {
  const created = createEventBus(busUrl);
  buses.push(created);
  await new Promise<void>((resolve) => {
    const unsubscribe = created.subscribe(randomUUID(), () => {}, { onResync: () => (unsubscribe(), resolve()) });
  });
  return created;
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

afterAll(async () => {
  await requestEvents().close();
});

/** Rejects after `ms`, so that a failing test still reaches its clean-up. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Cuts the LISTEN connections opened under `applicationName`, as a database restart would. */
async function terminateListenConnections(applicationName: string): Promise<number> {
  const admin = new Client({ connectionString: url() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [applicationName]);
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("request events (PostgreSQL LISTEN/NOTIFY)", () => {
  test("a change reaches the subscribers of that request only", async () => {
    const events = await listeningBus();
    const [a, b] = [randomUUID(), randomUUID()];
    const ofA = recorder();
    const ofB = recorder();
    events.subscribe(a, ofA.listener);
    events.subscribe(b, ofB.listener);

    const published = change(a, 3);
    await events.publish(published);
    await ofA.until(1);
    await pause(100);
    expect(ofA.received).toEqual([published]);
    expect(ofB.received).toEqual([]);
  });

  test("two subscribers of one request in one process both receive the change", async () => {
    const events = await listeningBus();
    const id = randomUUID();
    const first = recorder();
    const second = recorder();
    events.subscribe(id, first.listener);
    events.subscribe(id, second.listener);

    await events.publish(change(id));
    await Promise.all([first.until(1), second.until(1)]);
    expect(second.received).toEqual(first.received);
  });

  test("after unsubscribing, nothing more is received; unsubscribing twice is harmless", async () => {
    const events = await listeningBus();
    const id = randomUUID();
    const stays = recorder();
    const leaves = recorder();
    events.subscribe(id, stays.listener);
    const unsubscribe = events.subscribe(id, leaves.listener);

    unsubscribe();
    unsubscribe();
    await events.publish(change(id));
    await stays.until(1);
    await pause(100);
    expect(leaves.received).toEqual([]);
  });

  test("a failing listener neither reaches the publisher nor stops the other listeners", async () => {
    const events = await listeningBus();
    const id = randomUUID();
    const logged = jest.spyOn(log, "error");
    try {
      events.subscribe(id, () => {
        throw new Error("listener bug");
      });
      const healthy = recorder();
      events.subscribe(id, healthy.listener);

      await expect(events.publish(change(id))).resolves.toBeUndefined();
      await healthy.until(1);
      expect(logged).toHaveBeenCalledWith({ event: "request_events.listener_failed", err: expect.any(Error) }, expect.any(String));
    } finally {
      logged.mockRestore();
    }
  });

  test("a closed bus refuses to publish (the caller logs it)", async () => {
    const events = await listeningBus();
    await events.close();
    await expect(events.publish(change(randomUUID()))).rejects.toThrow("bus closed");
  });

  test("requestEvents() is one bus per process, for DATABASE_URL", async () => {
    const events = requestEvents();
    expect(requestEvents()).toBe(events);
    const id = randomUUID();
    const received = recorder();
    await new Promise<void>((resolve) => {
      events.subscribe(id, received.listener, { onResync: resolve });
    });
    await events.publish(change(id, 7));
    await received.until(1);
    expect(received.received[0]!.version).toBe(7);
  });

  test("a change published by one instance reaches a page open on another within 2 s", async () => {
    const [instanceA, instanceB] = await Promise.all([listeningBus(), listeningBus()]);
    const id = randomUUID();
    const onA = recorder();
    const onB = recorder();
    instanceA.subscribe(id, onA.listener);
    instanceB.subscribe(id, onB.listener);

    const started = Date.now();
    const published = change(id, 5);
    await instanceA.publish(published);
    await onB.until(1, 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(onB.received).toEqual([published]);
    // The publishing instance hears its own change the same way, by its LISTEN connection.
    await onA.until(1);
  });

  test("a cut LISTEN connection is re-established and subscribers are told to read the state again", async () => {
    // A name of its own, so that only this bus's connection is cut in a shared test database.
    const name = `d3-events-test-${randomUUID().slice(0, 8)}`;
    const listenerUrl = `${url()}${url().includes("?") ? "&" : "?"}application_name=${name}`;
    const instance = createEventBus(listenerUrl);
    buses.push(instance);
    const publisher = await listeningBus();
    const id = randomUUID();
    const received = recorder();
    let resyncs = 0;
    let resynced: () => void = () => {};
    const nextResync = () => within(5_000, new Promise<void>((resolve) => (resynced = resolve)), "resync");
    const ready = nextResync();
    instance.subscribe(id, received.listener, {
      onResync: () => {
        resyncs += 1;
        resynced();
      },
    });
    await ready;

    const logged = jest.spyOn(log, "warn");
    try {
      const reconnected = nextResync();
      expect(await terminateListenConnections(name)).toBe(1);
      await reconnected;
      expect(resyncs).toBe(2);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ event: "request_events.listen_connection_lost", delayMs: expect.any(Number) }), expect.any(String));
    } finally {
      logged.mockRestore();
    }

    await publisher.publish(change(id, 9));
    await received.until(1);
    expect(received.received[0]!.version).toBe(9);
  });
});
