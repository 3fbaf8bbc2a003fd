/** @jest-environment node */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { addDocument } from "@/lib/requests/documents";
import { startRequest } from "@/lib/requests/learner-requests";
import { db } from "@/lib/shared/db";
import { restoreBackup, takeBackup } from "@/lib/shared/backup";
import { dropDatabase, withAdminClient } from "../../support/postgres-databases";
import { createLearner } from "../../support/requests";

const work = mkdtempSync(path.join(tmpdir(), "d3-backup-"));
const storageDir = path.join(work, "uploads");
process.env.STORAGE_DIR = storageDir;

const restoredName = `${decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1))}_restored`;
const restoredUrl = (() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${restoredName}`;
  return url.toString();
})();

afterAll(async () => {
  await dropDatabase(process.env.TEST_POSTGRES_URL!, restoredName);
  rmSync(work, { recursive: true, force: true });
});

const pdf = (n: number) => new File([new TextEncoder().encode(`%PDF-1.4\npièce ${n}\n%%EOF\n`)], `piece-${n}.pdf`, { type: "application/pdf" });

/** Learners starting an anticipated analysis and adding documents, through the real use cases, until told to stop. */
function writeContinuously() {
  let stopped = false;
  let written = 0;
  const done = (async () => {
    while (!stopped) {
      const { actor } = await createLearner();
      const started = await startRequest(actor, "LG02501A", "EXPERIENCE");
      if (!started.ok) throw new Error(started.message);
      for (let i = 0; i < 3 && !stopped; i += 1) {
        const added = await addDocument(actor, started.requestId, { category: "CV", file: pdf(written) });
        if (!added.ok) throw new Error(added.message);
        written += 1;
      }
    }
  })();
  return {
    get written() {
      return written;
    },
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function count(url: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(sql)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

test("a backup taken while documents are being added restores into a fresh database with every document's file", async () => {
  const writer = writeContinuously();
  while (writer.written < 6) await new Promise((resolve) => setTimeout(resolve, 50));
  const before = await db.requestDocument.count();

  const { folder, manifest } = await takeBackup({ databaseUrl: process.env.DATABASE_URL!, backupDir: path.join(work, "backups"), storage: { driver: "local", dir: storageDir } });
  const afterBackup = await db.requestDocument.count();
  await writer.stop();
  expect(afterBackup).toBeGreaterThan(before); // Documents were indeed added while the backup ran.

  expect(manifest.database.sha256).toBe(createHash("sha256").update(readFileSync(path.join(folder, "database.dump"))).digest("hex"));
  expect(manifest.storage).toMatchObject({ driver: "local", files: expect.any(Number) });

  await withAdminClient(process.env.TEST_POSTGRES_URL!, (client) => client.query(`CREATE DATABASE "${restoredName}"`));
  const restoredFiles = path.join(work, "restored-uploads");
  const report = await restoreBackup({ folder, databaseUrl: restoredUrl, storage: { driver: "local", dir: restoredFiles } });
  expect(report.rowsWithoutFile).toEqual([]);

  // Every document row of the restored database has its file, with the bytes it was recorded with.
  const client = new Client({ connectionString: restoredUrl });
  await client.connect();
  const { rows } = await client.query<{ storageKey: string; sha256: string; requestId: string }>(`SELECT "storageKey", sha256, "requestId" FROM "RequestDocument"`);
  const orphans = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RequestDocument" d LEFT JOIN "Request" r ON r.id = d."requestId" WHERE r.id IS NULL`);
  await client.end();
  for (const row of rows) {
    const bytes = readFileSync(path.join(restoredFiles, ...row.storageKey.split("/")));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
  }
  // The snapshot lies between the counts taken before and after the backup; rows are never half there.
  expect(rows.length).toBeGreaterThanOrEqual(before);
  expect(rows.length).toBeLessThanOrEqual(afterBackup);
  expect(report.documentRows).toBe(rows.length);
  expect(orphans.rows[0]!.n).toBe(0);
  expect(manifest.storage.driver === "local" && manifest.storage.files).toBeGreaterThanOrEqual(rows.length);
  const sourceUsers = await count(process.env.DATABASE_URL!, `SELECT count(*)::int AS n FROM "User"`);
  const restoredUsers = await count(restoredUrl, `SELECT count(*)::int AS n FROM "User"`);
  expect(restoredUsers).toBeGreaterThan(0);
  expect(restoredUsers).toBeLessThanOrEqual(sourceUsers);

  // The restored database is no longer empty: a second restore is refused without --force, and replaces it with.
  await expect(restoreBackup({ folder, databaseUrl: restoredUrl, storage: { driver: "local", dir: restoredFiles } })).rejects.toThrow(/n'est pas vide/);
  const forced = await restoreBackup({ folder, databaseUrl: restoredUrl, storage: { driver: "local", dir: restoredFiles }, force: true });
  expect(forced.documentRows).toBe(rows.length);
}, 180_000);

test("restore refuses a folder that is not a finished backup", async () => {
  await expect(restoreBackup({ folder: work, databaseUrl: restoredUrl, storage: { driver: "local", dir: path.join(work, "x") } })).rejects.toThrow(/pas une sauvegarde terminée/);
});
