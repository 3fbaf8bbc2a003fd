/** @jest-environment node */
import { createServer } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GET } from "@/app/api/sante/route";
import { createDatabaseClient } from "@/lib/server/database";
import { db } from "@/lib/server/db";
import { checkHealth, probeStorageFolder } from "@/lib/shared/health";

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

test("GET /api/sante: 200 with every check ok, not cached, jobs not installed yet is no failure", async () => {
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
    },
  });
});

test("GET /api/sante: 503 when the database cannot be reached", async () => {
  const port = await closedPort();
  const unreachable = createDatabaseClient(`postgresql://d3:secret@127.0.0.1:${port}/d3`);
  let response: Response | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock("@/lib/server/db", () => ({ db: unreachable }));
    const route = await import("@/app/api/sante/route");
    response = await route.GET();
  });
  jest.dontMock("@/lib/server/db");
  await unreachable.$disconnect();
  expect(response?.status).toBe(503);
  const body = await response!.json();
  expect(body.status).toBe("degraded");
  expect(body.checks.database.ok).toBe(false);
  expect(body.checks.storage.ok).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/secret|127\.0\.0\.1|d3-health/);
});

test("the jobs check counts waiting and failed jobs once the graphile_worker schema exists", async () => {
  await db.$executeRawUnsafe("CREATE SCHEMA graphile_worker");
  await db.$executeRawUnsafe("CREATE TABLE graphile_worker.jobs (id bigserial, attempts int NOT NULL, max_attempts int NOT NULL, locked_at timestamptz)");
  await db.$executeRawUnsafe("INSERT INTO graphile_worker.jobs (attempts, max_attempts, locked_at) VALUES (0, 25, NULL), (1, 25, NULL), (25, 25, NULL), (0, 25, now())");
  const health = await checkHealth(db);
  expect(health.status).toBe("ok");
  expect(health.checks.jobs).toEqual({ ok: true, ms: expect.any(Number), installed: true, waiting: 2, failed: 1 });
});

test("a storage folder that cannot be written makes the instance degraded", async () => {
  const file = path.join(storageDir, "not-a-folder");
  writeFileSync(file, "");
  const health = await checkHealth(db, { storage: () => probeStorageFolder(file) });
  expect(health.status).toBe("degraded");
  expect(health.checks.storage.ok).toBe(false);
});
