import { existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/shared/db";
import { createLocalStorage } from "@/lib/shared/storage/local";
import { findOrphans, ORPHAN_GRACE_MS } from "@/lib/shared/storage/orphans";
import { createLearner } from "../../support/requests";

/**
 * The core of `npm run storage:orphans` on a local folder and the real tables: files no row names
 * are listed, and removed once old enough; rows whose file is missing are reported.
 */
const dir = mkdtempSync(path.join(tmpdir(), "d3-orphans-"));
const storage = createLocalStorage(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (storageKey: string) => path.join(dir, ...storageKey.split("/"));

async function documentRow(storageKey: string) {
  const learner = await createLearner();
  const analysis = await db.request.create({ data: { kind: "EXPERIENCE", mode: "ANTICIPEE", learnerId: learner.user.id, centreCode: learner.centreCode, diplomaKey: "LG02501A" } });
  return db.requestDocument.create({
    data: { requestId: analysis.id, category: "CV", originalName: "cv.pdf", storageKey, mimeType: "application/pdf", size: 3, sha256: "0".repeat(64), uploadedById: learner.user.id },
  });
}

test("orphans are listed, and removed only past the grace period; named files are kept; rows without their file are reported", async () => {
  const document = await documentRow((await storage.save(new Uint8Array([1, 2, 3]))).storageKey);
  const letterKey = (await storage.save(new Uint8Array([4]))).storageKey;
  const letter = await db.generatedLetter.create({ data: { requestId: document.requestId, eventId: 1, kind: "FAVOURABLE", storageKey: letterKey, sha256: "0".repeat(64) } });
  const oldOrphan = (await storage.save(new Uint8Array([5, 6]))).storageKey;
  const twoDaysAgo = (Date.now() - 2 * ORPHAN_GRACE_MS) / 1000;
  utimesSync(fileOf(oldOrphan), twoDaysAgo, twoDaysAgo);
  // An upload whose row is not committed yet looks like this.
  const freshOrphan = (await storage.save(new Uint8Array([7]))).storageKey;
  const lostKey = `cd/cd${"2".repeat(62)}`;
  const lost = await documentRow(lostKey);

  const listed = await findOrphans(db, storage);
  expect(listed).toMatchObject({ files: 4, rows: 3, removed: [], notRemoved: [], missing: [{ kind: "document", id: lost.id, storageKey: lostKey }] });
  expect(listed.orphans.map((file) => [file.storageKey, file.size])).toEqual([
    [oldOrphan, 2],
    [freshOrphan, 1],
  ]);
  expect(existsSync(fileOf(oldOrphan))).toBe(true);

  const cleaned = await findOrphans(db, storage, { remove: true });
  expect(cleaned).toMatchObject({ removed: [oldOrphan], notRemoved: [], missing: [{ id: lost.id }] });
  expect(existsSync(fileOf(oldOrphan))).toBe(false);
  for (const kept of [freshOrphan, document.storageKey, letter.storageKey]) expect(existsSync(fileOf(kept))).toBe(true);

  expect((await findOrphans(db, storage)).orphans.map((file) => file.storageKey)).toEqual([freshOrphan]);
});
