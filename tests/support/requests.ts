import { readFileSync } from "node:fs";
import { db } from "@/lib/shared/db";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { completeProfile } from "@/lib/profile/complete-profile";
import { changeRequests, type ActorCommand, type Actor } from "@/lib/requests/transition";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import type { Role } from "@/lib/auth/domain/policy";
import { createUser, ensureCentre, uniqueSuffix, validProfileInput } from "./factories";

let catalogueImported: Promise<unknown> | null = null;

/** The real catalogue, once per test file (the PostgreSQL database is shared: upserts are idempotent). */
export function ensureCatalogue() {
  catalogueImported ??= importCatalogue(db, JSON.parse(readFileSync("prisma/data/cnam-catalogue.json", "utf8"))).then((report) => {
    if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  });
  return catalogueImported;
}

/** Real units of LG02501A: the common core, three L3 themes, project management and English. */
export const LICENCE_UNITS = ["UTC501", "UTC502", "UTC503", "UTC504", "UTC505", "NFP121", "NFP107", "RSX101", "GDN100", "ANG320"];

/** Marks a learner's declared number as confirmed by their centre (what lib/profile/learner-number.ts's confirmLearnerNumber records). */
export async function confirmNumberAsCentre(userId: string): Promise<void> {
  const { learnerNumber } = await db.learnerProfile.findUniqueOrThrow({ where: { userId }, select: { learnerNumber: true } });
  await db.confirmedLearnerNumber.create({ data: { userId, learnerNumber, source: "CENTRE" } });
}

export async function createLearner(options: { units?: string[]; centreCode?: string; confirmedNumber?: boolean } = {}) {
  await ensureCatalogue();
  const centreCode = options.centreCode ?? "PARIS";
  await ensureCentre(centreCode);
  const user = await createUser();
  const saved = await completeProfile(user.id, validProfileInput({ centreCode }));
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  // As the centre would (Espace centre › Numéros à confirmer): results can be imported for this learner.
  if (options.confirmedNumber !== false) await confirmNumberAsCentre(user.id);
  if (options.units?.length) {
    await db.unitResult.createMany({ data: options.units.map((unitCode, i) => ({ learnerId: user.id, unitCode, year: 2020 + (i % 5), grade: 12, obtainedBy: "PASSED" as const })) });
  }
  const actor: Actor = { id: user.id, role: "AUDITEUR", centreCode: null };
  return { user, actor, centreCode };
}

export async function createStaff(role: Exclude<Role, "AUDITEUR">, centreCode?: string): Promise<Actor> {
  if (centreCode) await ensureCentre(centreCode);
  const user = await createUser({ role, centreCode });
  return { id: user.id, role, centreCode: centreCode ?? null };
}

export const EXPERIENCE_INPUT = {
  employer: "Société Générale",
  jobTitle: "Développeuse d'applications",
  startDate: "2022-01-01",
  endDate: "2023-12-31",
  workingTimePercent: "100",
  inField: "oui",
  activities: "Conception et développement d'applications web en Java et TypeScript, revue de code, mise en production.",
};

/** Pièces justificatives without files: enough for the submission checks. */
export async function addDocumentRows(requestId: string, uploadedById: string, categories: ("CV" | "EMPLOYER_ATTESTATION" | "OTHER")[] = ["CV", "EMPLOYER_ATTESTATION"]) {
  for (const category of categories) {
    await db.requestDocument.create({
      data: { requestId, category, originalName: `${category}.pdf`, storageKey: `test-${requestId}-${category}-${Math.random()}`, mimeType: "application/pdf", size: 1234, sha256: "0".repeat(64), uploadedById },
    });
  }
}

/** Drives a staff transition through the real state machine (the staff screens come later). */
export async function staffTransition(actor: Actor, requestId: string, command: ActorCommand) {
  const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, kind: true, mode: true, state: true, version: true } });
  return changeRequests(actor, new Date(), (_tx, apply) => apply(request, command, { experienceRequirementMet: true }));
}

/**
 * A learner of `centreCode` with every unit of the licence whose diploma request and joint
 * experience analysis are submitted (version 2 each): where the back-office starts.
 */
/** A new learner's diploma request of LG02501A with its joint analysis, an experience and its documents: a draft ready to deposit. */
export async function draftJointDiplomaRequest(options: { centreCode?: string } = {}) {
  const learner = await createLearner({ units: LICENCE_UNITS, centreCode: options.centreCode });
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  const saved = await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  if (!saved.ok) throw new Error(saved.message);
  await addDocumentRows(analysis.id, learner.user.id);
  return { ...learner, requestId: started.requestId, analysisId: analysis.id };
}

export async function submitJointDiplomaRequest(options: { centreCode?: string } = {}) {
  const draft = await draftJointDiplomaRequest(options);
  const submitted = await submitRequest(draft.actor, draft.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return draft;
}

/** An anticipated experience analysis of LG02501A by `learner`, with an experience and its documents, submitted: its id and number. */
export async function submitAnticipatedAnalysis(learner: { actor: Actor; user: { id: string } }): Promise<{ requestId: string; number: string }> {
  const started = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
  if (!started.ok) throw new Error(started.message);
  await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(started.requestId, learner.user.id);
  const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { requestId: started.requestId, number: submitted.numbers[0]! };
}

/**
 * Diploma requests written straight in a given state, each for its own learner (one open request
 * per learner and diploma), without the steps before: for tests about what comes after, such as
 * numbering many editions at once. Users get no real password hash: they never log in.
 */
export async function insertDiplomaRequests(count: number, state: "VALIDATED" | "FORWARDED", options: { centreCode?: string } = {}) {
  await ensureCatalogue();
  const centreCode = options.centreCode ?? "PARIS";
  await ensureCentre(centreCode);
  const now = new Date();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const suffix = uniqueSuffix();
    const learner = await db.user.create({
      data: { identifier: `lot.${suffix}${i}.auditeur`, displayName: "Auditeur Lot", email: `lot.${suffix}${i}@example.fr`, passwordHash: "-", role: "AUDITEUR" },
    });
    const request = await db.request.create({
      data: { kind: "DIPLOMA", state, version: 5, learnerId: learner.id, centreCode, diplomaKey: "LG02501A", openSlot: "OPEN", submittedAt: now, forwardedAt: now },
    });
    ids.push(request.id);
  }
  return ids;
}
