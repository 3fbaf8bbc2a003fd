/** @jest-environment node */
/**
 * The per-learner storage quota (LEARNER_STORAGE_QUOTA_MB) holds under concurrency: uploads to
 * several of the learner's requests at once are counted under the learner's row lock, in the
 * transaction that writes the document row.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { completeProfile } from "@/lib/profile/complete-profile";
import { addDocument } from "@/lib/requests/documents";
import { postMessage } from "@/lib/requests/staff-requests";
import type { Actor } from "@/lib/requests/transition";
import { db } from "@/lib/shared/db";
import { createUser, ensureCentre, validProfileInput } from "../../support/factories";
import { ensureCatalogue } from "../../support/requests";

const storageDir = mkdtempSync(path.join(tmpdir(), "d3-quota-"));
process.env.STORAGE_DIR = storageDir;

beforeAll(async () => {
  await ensureCentre("PARIS");
  await ensureCatalogue();
});
afterEach(() => {
  delete process.env.LEARNER_STORAGE_QUOTA_MB;
});

const FILE_BYTES = 100 * 1024;
const pdf = (i: number) => new File([`%PDF-1.4\n${String(i).padEnd(FILE_BYTES - 16, "x")}\n%%EOF\n`], `piece-${i}.pdf`, { type: "application/pdf" });

function storedFiles(): number {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

async function insertDraft(learnerId: string, diplomaKey: string, state: "DRAFT" | "SUBMITTED" = "DRAFT"): Promise<string> {
  const id = `test${randomUUID().replace(/-/g, "")}`;
  const submittedAt = state === "DRAFT" ? null : new Date();
  await db.$executeRaw`INSERT INTO "Request" (id, kind, mode, state, "learnerId", "centreCode", "diplomaKey", "submittedAt", "updatedAt")
    VALUES (${id}, 'EXPERIENCE'::"RequestKind", 'ANTICIPEE'::"ExperienceMode", ${state}::"RequestState", ${learnerId}, 'PARIS', ${diplomaKey}, ${submittedAt}, now())`;
  return id;
}

/** A learner with drafts on several diplomas (each request has its own lock: only the learner's lock serialises them). */
async function learnerWithDrafts(count: number): Promise<{ actor: Actor; drafts: string[] }> {
  const user = await createUser();
  expect(await completeProfile(user.id, validProfileInput({ centreCode: "PARIS" }))).toEqual({ ok: true });
  const diplomas = await db.diploma.findMany({ select: { key: true }, orderBy: { key: "asc" }, take: count });
  const drafts: string[] = [];
  for (const { key } of diplomas) drafts.push(await insertDraft(user.id, key));
  return { actor: { id: user.id, role: "AUDITEUR", centreCode: null }, drafts };
}

test("40 uploads at once over eight requests never pass the learner's quota, and keep no file of a refused one", async () => {
  process.env.LEARNER_STORAGE_QUOTA_MB = "1"; // 10 files of 100 Kio fit, the 11th does not
  const { actor, drafts } = await learnerWithDrafts(8);
  const before = storedFiles();
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => addDocument(actor, drafts[i % drafts.length]!, { category: "OTHER", file: pdf(i) })));
  const accepted = results.filter((r) => r.ok);
  expect(accepted).toHaveLength(10);
  for (const refused of results.filter((r) => !r.ok)) {
    expect(refused).toMatchObject({ ok: false, fieldErrors: { file: expect.stringMatching(/^Vos pièces occupent déjà .* sur les 1 Mo permis par auditeur/) } });
  }
  const [row] = await db.$queryRaw<{ used: bigint }[]>`SELECT sum(size)::bigint AS used FROM "RequestDocument" WHERE "uploadedById" = ${actor.id}`;
  expect(Number(row!.used)).toBeLessThanOrEqual(1024 * 1024);
  expect(storedFiles() - before).toBe(10);
}, 120_000);

test("below the quota nothing changes; a removed piece frees its room", async () => {
  process.env.LEARNER_STORAGE_QUOTA_MB = "1";
  const { actor, drafts } = await learnerWithDrafts(2);
  for (let i = 0; i < 10; i++) expect((await addDocument(actor, drafts[0]!, { category: "OTHER", file: pdf(i) })).ok).toBe(true);
  const full = await addDocument(actor, drafts[1]!, { category: "OTHER", file: pdf(10) });
  expect(full).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("supprimez une pièce inutile") } });
  const one = await db.requestDocument.findFirstOrThrow({ where: { requestId: drafts[0]! } });
  await db.requestDocument.delete({ where: { id: one.id } });
  expect((await addDocument(actor, drafts[1]!, { category: "OTHER", file: pdf(11) })).ok).toBe(true);
}, 120_000);

test("files attached to the learner's messages count toward the quota too, in parallel as well", async () => {
  process.env.LEARNER_STORAGE_QUOTA_MB = "1";
  const { actor } = await learnerWithDrafts(0);
  const [diploma] = await db.diploma.findMany({ select: { key: true }, orderBy: { key: "asc" }, take: 1 });
  const submitted = await insertDraft(actor.id, diploma!.key, "SUBMITTED");
  const before = storedFiles();
  const results = await Promise.all(Array.from({ length: 14 }, (_, i) => postMessage(actor, submitted, `Pièce ${i}`, new Date(), pdf(i))));
  expect(results.filter((r) => r.ok)).toHaveLength(10);
  for (const refused of results.filter((r) => !r.ok)) {
    expect(refused).toMatchObject({ ok: false, fieldErrors: { attachment: expect.stringMatching(/^Vos pièces occupent déjà .* sur les 1 Mo permis par auditeur/) } });
  }
  expect(storedFiles() - before).toBe(10);
  expect(await db.requestMessage.count({ where: { requestId: submitted } })).toBe(10);
}, 120_000);
