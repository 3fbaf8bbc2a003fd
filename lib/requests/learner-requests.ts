import { db } from "@/lib/shared/db";
import { learnerCopy } from "@/lib/requests/domain/learner-copy";
import type { Transaction } from "@/lib/shared/db/database";
import { getDiploma } from "@/lib/catalogue/queries";
import { evaluateEligibility, type EligibilityVerdict, type UnitResult } from "@/lib/catalogue/domain/eligibility";
import type { Diploma } from "@/lib/catalogue/domain/model";
import { experienceFormSchema } from "@/lib/catalogue/domain/experience-form";
import { formatRequestNumber, isEditableByLearner, isOwner } from "@/lib/requests/domain/request-access";
import { missingRequiredDocuments, DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { isOpen, requestTitle, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { anticipatedAnalysisToLink } from "@/lib/requests/domain/linked-requests";
import { closeLinkedRequests, linkedSelect } from "./linked";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { searchKey } from "@/lib/shared/text";
import { parisYear } from "@/lib/shared/dates";
import { requestedPiecesProblems } from "./correction-pieces";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { NOT_FOUND, Rollback, changeRequests, type Actor, type TransitionFailure } from "./transition";

export type Failure = { ok: false; message: string; fieldErrors?: FieldErrors; missing?: string[] };

/** The learner's results, in the engine's terms. */
export async function learnerResults(learnerId: string): Promise<UnitResult[]> {
  const rows = await db.unitResult.findMany({ where: { learnerId }, select: { unitCode: true, year: true, grade: true, obtainedBy: true, centreCode: true } });
  return rows.map((r) => ({ unitCode: r.unitCode, year: r.year, obtainedBy: r.obtainedBy, ...(r.grade !== null ? { grade: r.grade } : {}), ...(r.centreCode ? { centreCode: r.centreCode } : {}) }));
}

export async function learnerEligibility(learnerId: string, diplomaKey: string): Promise<{ diploma: Diploma; verdict: EligibilityVerdict } | null> {
  const diploma = await getDiploma(diplomaKey);
  if (!diploma) return null;
  return { diploma, verdict: evaluateEligibility(diploma, await learnerResults(learnerId)) };
}

export type StartKind = "DIPLOMA" | "EXPERIENCE";

/**
 * "Nouvelle demande": opens a draft (or returns the learner's existing draft for the same
 * diploma). A diploma request needs every unit obtained; if the experience is not validated yet
 * and the diploma is not excluded, a joint experience analysis draft is attached to it.
 */
export async function startRequest(learner: Actor, diplomaKey: string, kind: StartKind, restartedFromId?: string): Promise<{ ok: true; requestId: string } | Failure> {
  if (learner.role !== "AUDITEUR") return { ok: false, message: "Seul un auditeur fait une demande." };
  const profile = await db.learnerProfile.findUnique({ where: { userId: learner.id }, select: { centreCode: true } });
  if (!profile) return { ok: false, message: "Complétez d'abord votre profil." };
  const found = await learnerEligibility(learner.id, diplomaKey);
  if (!found) return { ok: false, message: "Ce diplôme n'existe pas dans le catalogue." };
  const { diploma, verdict } = found;
  if (!diploma.requestable) return { ok: false, message: diploma.notRequestableReason ?? "Ce diplôme ne peut pas encore être demandé en ligne." };

  if (kind === "DIPLOMA" && !verdict.allUnitsObtained) {
    return { ok: false, message: "Vous n'avez pas encore obtenu toutes les unités de ce diplôme.", missing: verdict.missing };
  }
  if (kind === "EXPERIENCE" && verdict.experience.state !== "missing") {
    return {
      ok: false,
      message: verdict.experience.state === "excluded" ? "Ce diplôme ne demande pas d'analyse de l'expérience professionnelle." : "Votre expérience professionnelle est déjà validée pour ce diplôme.",
    };
  }

  const existing = await db.request.findFirst({
    where: { learnerId: learner.id, diplomaKey, kind, diplomaRequestId: null, state: { notIn: ["REFUSED", "WITHDRAWN"] } },
    select: { id: true, state: true, kind: true, mode: true, number: true },
    orderBy: { createdAt: "desc" },
  });
  if (existing?.state === "DRAFT") return { ok: true, requestId: existing.id };
  if (existing && isOpen(existing.state)) return { ok: false, message: alreadyOpen(existing) };
  const analyses = await db.request.findMany({
    where: { learnerId: learner.id, diplomaKey, kind: "EXPERIENCE" },
    select: { id: true, number: true, kind: true, mode: true, state: true, diplomaRequestId: true },
    orderBy: { createdAt: "desc" },
  });
  // A joint analysis still open (its diploma request being instructed) counts as the analysis under way.
  const openAnalysis = analyses.find((analysis) => analysis.state !== "DRAFT" && isOpen(analysis.state));
  if (kind === "EXPERIENCE" && openAnalysis) return { ok: false, message: alreadyOpen(openAnalysis) };
  const anticipated = kind === "DIPLOMA" && verdict.needsJointExperienceAnalysis ? anticipatedAnalysisToLink(analyses, diploma.experience) : null;
  if (kind === "DIPLOMA" && verdict.needsJointExperienceAnalysis && !anticipated && openAnalysis) return { ok: false, message: alreadyOpen(openAnalysis) };

  const request = await db.$transaction(async (tx) => {
    const created = await tx.request.create({
      data: {
        kind,
        mode: kind === "EXPERIENCE" ? "ANTICIPEE" : null,
        learnerId: learner.id,
        centreCode: profile.centreCode,
        diplomaKey,
        // The analysis under way serves this request: no second analysis of the same experience.
        ...(anticipated ? { linkedAnalysisId: anticipated.id } : {}),
        ...(restartedFromId ? { restartedFromId } : {}),
      },
      select: { id: true },
    });
    if (kind === "DIPLOMA" && verdict.needsJointExperienceAnalysis && !anticipated) {
      await tx.request.create({
        data: { kind: "EXPERIENCE", mode: "CONJOINTE", learnerId: learner.id, centreCode: profile.centreCode, diplomaKey, diplomaRequestId: created.id },
      });
    }
    return created;
  });
  return { ok: true, requestId: request.id };
}

/** Says which request is already open, with its number, instead of a vague "already a request". */
function alreadyOpen(request: { kind: "DIPLOMA" | "EXPERIENCE"; mode: "ANTICIPEE" | "CONJOINTE" | null; number: string | null }): string {
  return `Votre ${requestTitle(request).toLowerCase()}${request.number ? ` n° ${request.number}` : ""} est déjà en cours pour ce diplôme : suivez-la dans Suivi de dossiers.`;
}

type Related = { id: string; kind: "DIPLOMA" | "EXPERIENCE"; mode: "ANTICIPEE" | "CONJOINTE" | null; state: RequestState; version: number };

type OwnedRequest = {
  id: string;
  kind: "DIPLOMA" | "EXPERIENCE";
  mode: "ANTICIPEE" | "CONJOINTE" | null;
  state: RequestState;
  version: number;
  learnerId: string;
  diplomaKey: string;
  diplomaRequestId: string | null;
  number: string | null;
  jointAnalysis: Related | null;
  diplomaRequest: Related | null;
  linkedAnalysis: Related | null;
  linkedDiplomaRequests: Related[];
};

const ownedSelect = {
  id: true,
  kind: true,
  mode: true,
  state: true,
  version: true,
  learnerId: true,
  diplomaKey: true,
  ...linkedSelect,
} as const;

/** The request if the learner owns it; guessed ids of other learners look exactly like missing ones. */
async function findOwned(learner: Actor, requestId: string): Promise<OwnedRequest | null> {
  if (typeof requestId !== "string" || requestId.length > 64) return null;
  const request = await db.request.findUnique({ where: { id: requestId }, select: ownedSelect });
  return request && isOwner(learner, request) ? request : null;
}

/** The request that holds the experiences and documents: the analysis itself, or the joint one. */
export async function findOwnedAnalysis(learner: Actor, requestId: string): Promise<OwnedRequest | null> {
  const request = await findOwned(learner, requestId);
  if (!request) return null;
  if (request.kind === "EXPERIENCE") return request;
  return request.jointAnalysis ? findOwned(learner, request.jointAnalysis.id) : null;
}

export const NOT_EDITABLE: Failure = { ok: false, message: "Ce dossier n'est plus modifiable : il a été déposé. Vous pourrez le compléter si votre centre vous le demande." };

/**
 * Locks the rows of the requests an edit touches until the transaction ends, and returns their
 * current states (an id missing from the map was deleted meanwhile). A learner's edit and a
 * submission of the same request then run one after the other, and each decides on the state
 * the other left: nothing acknowledged is undone, no request is submitted without what it needs.
 * Rows are locked in id order, so that two transactions never wait for each other in a circle.
 */
export async function lockRequests(tx: Transaction, ids: string[]): Promise<Map<string, RequestState>> {
  const rows = await tx.$queryRaw<{ id: string; state: RequestState }[]>`SELECT id, state::text AS state FROM "Request" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row.state]));
}

/** Runs a learner's edit of an analysis once its row is locked and still editable (a draft, or a correction). */
export async function editAnalysis<T>(analysisId: string, edit: (tx: Transaction) => Promise<T | Failure>): Promise<T | Failure> {
  return editAnalysisWhen(analysisId, isEditableByLearner, edit);
}

/** The same, with the states the caller allows (the internship proofs after an opinion under condition). */
export async function editAnalysisWhen<T>(analysisId: string, mayEdit: (state: RequestState) => boolean, edit: (tx: Transaction) => Promise<T | Failure>): Promise<T | Failure> {
  return db.$transaction(async (tx) => {
    const state = (await lockRequests(tx, [analysisId])).get(analysisId);
    if (!state) return NOT_FOUND;
    if (!mayEdit(state)) return NOT_EDITABLE;
    return edit(tx);
  });
}

export type ExperienceField = "employer" | "jobTitle" | "startDate" | "endDate" | "workingTimePercent" | "inField" | "activities";

/** Adds or updates one experience of a draft (or of a request sent back for correction). */
export async function saveExperience(
  learner: Actor,
  requestId: string,
  input: unknown,
  experienceId?: string,
  now: Date = new Date(),
): Promise<{ ok: true; experienceId: string } | Failure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return NOT_FOUND;
  if (!isEditableByLearner(analysis.state)) return NOT_EDITABLE;
  const parsed = experienceFormSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, message: "Certains champs sont à corriger.", fieldErrors: fieldErrorsFrom<ExperienceField>(parsed.error.issues) };

  const data = parsed.data;
  return editAnalysis(analysis.id, async (tx): Promise<{ ok: true; experienceId: string } | Failure> => {
    if (experienceId) {
      const updated = await tx.experience.updateMany({ where: { id: experienceId, requestId: analysis.id }, data });
      return updated.count === 1 ? { ok: true, experienceId } : NOT_FOUND;
    }
    // Counted under the lock: parallel additions cannot pass the limit together.
    const count = await tx.experience.count({ where: { requestId: analysis.id } });
    if (count >= MAX_EXPERIENCES) return { ok: false, message: "30 expériences au plus : regroupez les emplois courts chez un même employeur." };
    const created = await tx.experience.create({ data: { ...data, requestId: analysis.id, position: count }, select: { id: true } });
    return { ok: true, experienceId: created.id };
  });
}

const MAX_EXPERIENCES = 30;

export async function deleteExperience(learner: Actor, requestId: string, experienceId: string): Promise<{ ok: true } | Failure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return NOT_FOUND;
  if (!isEditableByLearner(analysis.state)) return NOT_EDITABLE;
  return editAnalysis(analysis.id, async (tx): Promise<{ ok: true } | Failure> => {
    const deleted = await tx.experience.deleteMany({ where: { id: experienceId, requestId: analysis.id } });
    return deleted.count === 1 ? { ok: true } : NOT_FOUND;
  });
}

/** Deletes a draft (and its joint analysis draft); a submitted request is withdrawn instead. */
export async function deleteDraft(learner: Actor, requestId: string): Promise<{ ok: true; storageKeys: string[] } | Failure> {
  const request = await findOwned(learner, requestId);
  if (!request || request.diplomaRequestId) return NOT_FOUND;
  const notDraft: Failure = { ok: false, message: "Seul un brouillon peut être supprimé ; une demande déposée peut être abandonnée." };
  if (request.state !== "DRAFT") return notDraft;
  const ids = [request.id, ...(request.jointAnalysis ? [request.jointAnalysis.id] : [])];
  return db.$transaction(async (tx): Promise<{ ok: true; storageKeys: string[] } | Failure> => {
    // Checked again under the lock: a submission from another tab may have come first.
    const states = await lockRequests(tx, ids);
    if (!states.has(request.id)) return NOT_FOUND;
    if (ids.some((id) => states.get(id) !== "DRAFT")) return notDraft;
    const documents = await tx.requestDocument.findMany({ where: { requestId: { in: ids } }, select: { storageKey: true } });
    await tx.request.deleteMany({ where: { id: { in: ids } } });
    return { ok: true, storageKeys: documents.map((d) => d.storageKey) };
  });
}

/** What still prevents submitting an analysis: experiences and required documents. */
async function analysisProblems(tx: Transaction, analysisId: string): Promise<string[]> {
  const [experiences, documents] = await Promise.all([
    tx.experience.count({ where: { requestId: analysisId } }),
    tx.requestDocument.findMany({ where: { requestId: analysisId }, select: { category: true } }),
  ]);
  const problems: string[] = [];
  if (experiences === 0) problems.push("Déclarez au moins une expérience professionnelle.");
  for (const category of missingRequiredDocuments(documents.map((d) => d.category as DocumentCategory))) {
    problems.push(`Joignez la pièce « ${DOCUMENT_CATEGORY_LABELS[category]} ».`);
  }
  return problems;
}

/**
 * Gives the requests (of one learner) the next numbers of the year, gap-free: the counter row is
 * locked from its update to the commit, so every submission of the year waits for the one before
 * to end. Called last in the submission's transaction, with the learner's names read before, so
 * that the lock is held for two statements and the commit, not for the whole submission.
 */
async function numberRequests(tx: Transaction, learnerId: string, requestIds: string[], now: Date): Promise<string[]> {
  const learner = await tx.user.findUniqueOrThrow({
    where: { id: learnerId },
    select: { displayName: true, profile: { select: { firstNames: true, birthName: true, usageName: true, learnerNumber: true } } },
  });
  const profile = learner.profile;
  // The year of the request number is Paris's: a request submitted at 00:30 on 1 January is of the new year.
  const year = parisYear(now);
  const count = requestIds.length;
  const counter = await tx.requestNumberCounter.upsert({ where: { year }, create: { year, last: count }, update: { last: { increment: count } } });
  const numbers = requestIds.map((_, i) => formatRequestNumber(year, counter.last - count + 1 + i));
  for (const [i, id] of requestIds.entries()) {
    const searchText = searchKey([numbers[i], profile?.firstNames, profile?.birthName, profile?.usageName, profile?.learnerNumber].filter(Boolean).join(" "));
    await tx.request.update({ where: { id }, data: { number: numbers[i], searchText, ...learnerCopy(profile, learner.displayName) } });
  }
  return numbers;
}

export type SubmitResult = { ok: true; numbers: string[] } | Failure | TransitionFailure;

/** What the learner declares with the deposit: the statement on honour, ticked or not. */
export type DepositDeclaration = { certified: boolean };

/**
 * Submits a draft: everything is checked again on the server (units, experience, documents), each
 * request gets its number, and a diploma request and its joint analysis are submitted together,
 * in one transaction, or not at all. The statement on honour is required by the state machine and
 * recorded in the history row of each request it covers.
 */
export async function submitRequest(learner: Actor, requestId: string, expectedVersion: number, declaration: DepositDeclaration, now: Date = new Date()): Promise<SubmitResult> {
  const request = await findOwned(learner, requestId);
  if (!request || request.diplomaRequestId) return NOT_FOUND;
  if (request.state !== "DRAFT") return { ok: false, message: "Cette demande a déjà été déposée." };

  const found = await learnerEligibility(learner.id, request.diplomaKey);
  if (!found?.diploma.requestable) return { ok: false, message: "Ce diplôme ne peut pas être demandé en ligne." };
  const { verdict } = found;

  try {
    const result = await changeRequests<string[], Failure | TransitionFailure>(learner, now, async (tx, apply) => {
      const analysis = request.kind === "EXPERIENCE" ? request : request.jointAnalysis;
      // First, so that no edit of the request or of its documents can slip in between the checks
      // below and the submission (see lockRequests).
      const states = await lockRequests(tx, [request.id, ...(request.jointAnalysis ? [request.jointAnalysis.id] : [])]);
      if (!states.has(request.id)) throw new Rollback<TransitionFailure>(NOT_FOUND);
      if (states.get(request.id) !== "DRAFT") throw new Rollback<Failure>({ ok: false, message: "Cette demande a déjà été déposée." });
      if (analysis) {
        const problems = await analysisProblems(tx, analysis.id);
        if (problems.length > 0) throw new Rollback<Failure>({ ok: false, message: "Votre demande n'est pas complète.", missing: problems });
      }
      if (request.kind === "EXPERIENCE" && verdict.experience.state !== "missing") {
        throw new Rollback<Failure>({ ok: false, message: "Votre expérience professionnelle n'a plus besoin d'être analysée pour ce diplôme." });
      }
      const context = {
        allUnitsObtained: verdict.allUnitsObtained,
        experienceCovered: verdict.experience.state !== "missing" || request.jointAnalysis !== null || (await linkedAnalysisServes(tx, request.linkedAnalysis)),
      };
      const { certified } = declaration;
      await apply(request, { type: "submit", expectedVersion, certified }, context);
      const joint = request.kind === "DIPLOMA" ? request.jointAnalysis : null;
      if (joint) await apply(joint, { type: "submit", expectedVersion: joint.version, certified }, { linkedDiplomaRequestId: request.id });
      // The notifications are written by a job after the commit, when the numbers are there.
      return numberRequests(tx, learner.id, [request.id, ...(joint ? [joint.id] : [])], now);
    });
    if (!result.ok) return "code" in result && result.code === "GUARD_FAILED" ? { ...result, missing: verdict.missing } : result;
    return { ok: true, numbers: result.value };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: await openConflictMessage(learner.id, request.diplomaKey) };
    throw error;
  }
}

/** The anticipated analysis a diploma request relies on still serves it: under way, or favourable. Read in the submission's transaction. */
async function linkedAnalysisServes(tx: Transaction, linked: Related | null): Promise<boolean> {
  if (!linked) return false;
  const current = await tx.request.findUnique({ where: { id: linked.id }, select: { state: true } });
  return current !== null && current.state !== "DRAFT" && (isOpen(current.state) || current.state === "FAVOURABLE");
}

/** A request of the same kind open for the diploma (a race from another tab): named, so the learner knows which. */
async function openConflictMessage(learnerId: string, diplomaKey: string): Promise<string> {
  const open = await db.request.findFirst({ where: { learnerId, diplomaKey, openSlot: "OPEN" }, select: { kind: true, mode: true, number: true }, orderBy: { createdAt: "desc" } });
  return open ? alreadyOpen(open) : "Une autre demande pour ce diplôme vient d'être déposée : suivez-la dans Suivi de dossiers.";
}

/**
 * Abandon, while nothing final is decided: a diploma request and its joint analysis are withdrawn
 * together; an anticipated analysis takes with it the diploma request that relies on it (which
 * could not be validated any more). Each closure says why in its history.
 */
export async function withdrawRequest(learner: Actor, requestId: string, expectedVersion: number, reason?: string, now: Date = new Date()): Promise<{ ok: true } | Failure | TransitionFailure> {
  const request = await findOwned(learner, requestId);
  if (!request || request.diplomaRequestId) return NOT_FOUND;
  const comment = reason?.trim() ? reason.trim().slice(0, 1000) : undefined;
  const result = await changeRequests<void, Failure>(learner, now, async (tx, apply) => {
    const changed = await apply(request, { type: "withdraw", expectedVersion, comment });
    await closeLinkedRequests(tx, apply, request, changed.state, comment);
  });
  return result.ok ? { ok: true } : result;
}

/**
 * After a favourable opinion under condition: the learner sends the internship agreement and report
 * (joined to the analysis) to the centre, which records whether the condition is met. From the
 * analysis's own page, or from the page of the diploma request it was submitted with.
 */
export async function sendInternshipProof(learner: Actor, requestId: string, expectedVersion: number, now: Date = new Date()): Promise<{ ok: true } | Failure | TransitionFailure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return NOT_FOUND;
  const result = await changeRequests<void, Failure>(learner, now, async (tx, apply) => {
    await lockRequests(tx, [analysis.id]);
    const categories = new Set(
      (await tx.requestDocument.findMany({ where: { requestId: analysis.id, status: { not: "REFUSED" } }, select: { category: true } })).map((d) => d.category),
    );
    const missing = [
      ...(categories.has("INTERNSHIP_AGREEMENT") ? [] : [`Joignez la pièce « ${DOCUMENT_CATEGORY_LABELS.INTERNSHIP_AGREEMENT} ».`]),
      ...(categories.has("INTERNSHIP_REPORT") ? [] : [`Joignez la pièce « ${DOCUMENT_CATEGORY_LABELS.INTERNSHIP_REPORT} ».`]),
    ];
    if (missing.length > 0 && analysis.state === "FAVOURABLE_WITH_CONDITION") throw new Rollback<Failure>({ ok: false, message: "Il manque des pièces du stage.", missing });
    await apply(analysis, { type: "sendInternshipProof", expectedVersion }, { internshipProofsComplete: missing.length === 0 });
  });
  return result.ok ? { ok: true } : result;
}

/** After a correction request: the learner sends the completed request back to the same agent. */
export async function resubmitRequest(learner: Actor, requestId: string, expectedVersion: number, comment?: string, now: Date = new Date()): Promise<{ ok: true } | Failure | TransitionFailure> {
  const request = await findOwned(learner, requestId);
  if (!request) return NOT_FOUND;
  const result = await changeRequests<void, Failure>(learner, now, async (tx, apply) => {
    // As for a submission: the documents are checked with no edit able to come in between.
    await lockRequests(tx, [request.id]);
    if (request.kind === "EXPERIENCE") {
      const problems = await analysisProblems(tx, request.id);
      if (problems.length > 0) throw new Rollback<Failure>({ ok: false, message: "Votre demande n'est pas complète.", missing: problems });
    }
    const pieces = await requestedPiecesProblems(tx, request.id);
    if (pieces.length > 0) throw new Rollback<Failure>({ ok: false, message: "Votre centre attend encore des pièces : joignez-les à cette demande.", missing: pieces });
    await apply(request, { type: "resubmit", expectedVersion, comment: comment?.trim() || undefined });
  });
  return result.ok ? { ok: true } : result;
}
