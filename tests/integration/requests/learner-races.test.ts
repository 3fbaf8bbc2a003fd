import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/shared/db";
import { deleteDraft, deleteExperience, saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { addDocument, removeDocument } from "@/lib/requests/documents";
import { MAX_DOCUMENTS_PER_REQUEST } from "@/lib/requests/domain/documents";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner } from "../../support/requests";

/**
 * A learner's edits of a request racing its submission (a second tab, a double click). Found by a
 * fault probe: a draft deleted while it was being submitted (the submission acknowledged, then
 * gone), an experience removed while the analysis was submitted. Each round runs both at once;
 * whatever the order, nothing acknowledged is undone and nothing is submitted incomplete.
 * RACE_ROUNDS sets the number of rounds (1 000 were run when this was written).
 */
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 60);
const LICENCE = "LG02501A";

const storageDir = mkdtempSync(path.join(tmpdir(), "d3-races-"));
process.env.STORAGE_DIR = storageDir;
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const pdf = (name: string) => new File([new TextEncoder().encode(`%PDF-1.4\n${name}\n%%EOF\n`)], name, { type: "application/pdf" });

async function completeJointDraft() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const request = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { id: true, version: true, jointAnalysis: { select: { id: true } } } });
  const analysisId = request.jointAnalysis!.id;
  const experience = await saveExperience(learner.actor, request.id, EXPERIENCE_INPUT);
  if (!experience.ok) throw new Error(experience.message);
  await addDocumentRows(analysisId, learner.user.id);
  return { ...learner, request, analysisId, experienceId: experience.experienceId };
}

async function rounds(work: (round: number) => Promise<void>) {
  for (let round = 0; round < ROUNDS; round++) await work(round);
}

test(`deleting a draft while submitting it: never a submission acknowledged then gone (${ROUNDS} rounds)`, async () => {
  const outcomes = { submitted: 0, deleted: 0 };
  await rounds(async () => {
    const draft = await completeJointDraft();
    const [submitted, deleted] = await Promise.all([submitRequest(draft.actor, draft.request.id, draft.request.version, { certified: true }), deleteDraft(draft.actor, draft.request.id)]);
    expect(submitted.ok && deleted.ok).toBe(false);
    const rows = await db.request.findMany({ where: { id: { in: [draft.request.id, draft.analysisId] } }, select: { state: true, number: true } });
    if (submitted.ok) {
      outcomes.submitted++;
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.state === "SUBMITTED" && row.number)).toBe(true);
    } else {
      expect(deleted.ok).toBe(true);
      outcomes.deleted++;
      expect(rows).toHaveLength(0);
    }
  });
  expect(outcomes.submitted + outcomes.deleted).toBe(ROUNDS);
}, 600_000);

test(`removing the only experience while submitting: never an analysis submitted without one (${ROUNDS} rounds)`, async () => {
  await rounds(async () => {
    const draft = await completeJointDraft();
    const [submitted, removed] = await Promise.all([submitRequest(draft.actor, draft.request.id, draft.request.version, { certified: true }), deleteExperience(draft.actor, draft.request.id, draft.experienceId)]);
    const experiences = await db.experience.count({ where: { requestId: draft.analysisId } });
    const analysis = await db.request.findUniqueOrThrow({ where: { id: draft.analysisId }, select: { state: true } });
    expect(submitted.ok && removed.ok).toBe(false);
    if (submitted.ok) {
      expect(analysis.state).toBe("SUBMITTED");
      expect(experiences).toBe(1);
    } else {
      expect(removed.ok).toBe(true);
      expect(analysis.state).toBe("DRAFT");
      expect(experiences).toBe(0);
    }
  });
}, 600_000);

test(`adding experiences in parallel never passes the limit of 30`, async () => {
  const draft = await completeJointDraft();
  const results = await Promise.all(Array.from({ length: 40 }, () => saveExperience(draft.actor, draft.request.id, EXPERIENCE_INPUT)));
  expect(results.filter((r) => r.ok)).toHaveLength(29);
  expect(await db.experience.count({ where: { requestId: draft.analysisId } })).toBe(30);
}, 120_000);

test(`removing the CV while submitting: never an analysis submitted without its CV (${ROUNDS} rounds)`, async () => {
  await rounds(async () => {
    const learner = await createLearner({ units: LICENCE_UNITS });
    const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
    if (!started.ok) throw new Error(started.message);
    const request = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { version: true, jointAnalysis: { select: { id: true } } } });
    const analysisId = request.jointAnalysis!.id;
    expect(await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT)).toMatchObject({ ok: true });
    await addDocumentRows(analysisId, learner.user.id, ["EMPLOYER_ATTESTATION"]);
    const cv = await addDocument(learner.actor, started.requestId, { category: "CV", file: pdf("cv.pdf") });
    if (!cv.ok) throw new Error(cv.message);
    const { storageKey } = await db.requestDocument.findUniqueOrThrow({ where: { id: cv.documentId }, select: { storageKey: true } });

    const [submitted, removed] = await Promise.all([submitRequest(learner.actor, started.requestId, request.version, { certified: true }), removeDocument(learner.actor, started.requestId, cv.documentId)]);
    const cvRows = await db.requestDocument.count({ where: { requestId: analysisId, category: "CV" } });
    const analysis = await db.request.findUniqueOrThrow({ where: { id: analysisId }, select: { state: true } });
    expect(submitted.ok && removed.ok).toBe(false);
    if (submitted.ok) {
      expect(analysis.state).toBe("SUBMITTED");
      expect(cvRows).toBe(1);
      expect(existsSync(path.join(storageDir, storageKey))).toBe(true);
    } else {
      expect(removed.ok).toBe(true);
      expect(analysis.state).toBe("DRAFT");
      expect(cvRows).toBe(0);
      expect(existsSync(path.join(storageDir, storageKey))).toBe(false);
    }
  });
}, 600_000);

test(`uploading 40 documents in parallel never passes the limit of ${MAX_DOCUMENTS_PER_REQUEST}, and keeps no file of a refused one`, async () => {
  const draft = await completeJointDraft();
  const filesBefore = storedFiles().length;
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => addDocument(draft.actor, draft.request.id, { category: "OTHER", file: pdf(`piece-${i}.pdf`) })));
  // The draft already holds two documents (rows only, see addDocumentRows).
  expect(results.filter((r) => r.ok)).toHaveLength(MAX_DOCUMENTS_PER_REQUEST - 2);
  expect(await db.requestDocument.count({ where: { requestId: draft.analysisId } })).toBe(MAX_DOCUMENTS_PER_REQUEST);
  expect(storedFiles().length - filesBefore).toBe(MAX_DOCUMENTS_PER_REQUEST - 2);
}, 120_000);
