/** @jest-environment node */
import { createServer } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GET } from "@/app/api/sante/route";
import { createDatabaseClient } from "@/lib/shared/db/database";
import { db } from "@/lib/shared/db";
import { checkHealth } from "@/lib/shared/health";
import { startClamd } from "../../support/clamd";

/** A port on which nothing listens: bound then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const storageDir = mkdtempSync(path.join(tmpdir(), "d3-health-"));
beforeAll(() => {
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

test("GET /api/sante: 200 with every check ok, not cached", async () => {
  const response = await GET();
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const body = await response.json();
  expect(body).toEqual({
    status: "ok",
    checks: {
      database: { ok: true, ms: expect.any(Number) },
      storage: { ok: true, ms: expect.any(Number) },
      jobs: expect.objectContaining({ ok: true, ms: expect.any(Number) }),
      scanner: { ok: true, ms: expect.any(Number), enabled: false },
    },
  });
});

test("GET /api/sante: 503 when the database cannot be reached", async () => {
  const port = await closedPort();
  const unreachable = createDatabaseClient(`postgresql://d3:secret@127.0.0.1:${port}/d3`);
  let response: Response | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock("@/lib/shared/db", () => ({ db: unreachable }));
    const route = await import("@/app/api/sante/route");
    response = await route.GET();
  });
  jest.dontMock("@/lib/shared/db");
  await unreachable.$disconnect();
  expect(response?.status).toBe(503);
  const body = await response!.json();
  expect(body.status).toBe("degraded");
  expect(body.checks.database.ok).toBe(false);
  expect(body.checks.storage.ok).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/secret|127\.0\.0\.1|d3-health/);
});

test("the jobs check counts the graphile-worker jobs waiting and those that used all their attempts", async () => {
  const before = (await checkHealth(db)).checks.jobs;
  expect(before).toMatchObject({ ok: true, installed: true });
  await db.$executeRawUnsafe(`SELECT graphile_worker.add_job('health_probe', '{}'::json) FROM generate_series(1, 4)`);
  const ids = (await db.$queryRawUnsafe<{ id: bigint }[]>(`SELECT id FROM graphile_worker._private_jobs ORDER BY id DESC LIMIT 2`)).map((row) => row.id);
  await db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE id = $1`, ids[0]);
  await db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test' WHERE id = $1`, ids[1]);
  const health = await checkHealth(db);
  expect(health.status).toBe("ok");
  expect(health.checks.jobs).toEqual({ ok: true, ms: expect.any(Number), installed: true, waiting: before.waiting! + 2, failed: before.failed! + 1 });
});

test("a storage folder that cannot be written makes the instance degraded", async () => {
  const file = path.join(storageDir, "not-a-folder");
  writeFileSync(file, "");
  process.env.STORAGE_DIR = file;
  try {
    const response = await GET();
    expect(response.status).toBe(503);
    expect((await response.json()).checks).toMatchObject({ database: { ok: true }, storage: { ok: false } });
  } finally {
    process.env.STORAGE_DIR = storageDir;
  }
});

describe("the scanner check (ClamAV, when uploads are scanned)", () => {
  afterEach(() => {
    delete process.env.CLAMAV_HOST;
    delete process.env.CLAMAV_PORT;
  });

  test("a real clamd answers: ok and enabled", async () => {
    const clamd = await startClamd();
    try {
      Object.assign(process.env, clamd.env);
      const health = await checkHealth(db);
      expect(health.checks.scanner).toEqual({ ok: true, ms: expect.any(Number), enabled: true });
      expect(health.status).toBe("ok");
    } finally {
      await clamd.stop();
    }
  }, 120_000);

  test("a scanner that cannot be reached is reported, and the instance stays in service (200): the scanner is shared, uploads say it is down", async () => {
    process.env.CLAMAV_HOST = "127.0.0.1";
    process.env.CLAMAV_PORT = String(await closedPort());
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.checks.scanner).toEqual({ ok: false, ms: expect.any(Number), enabled: true });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1/);
  });
});
