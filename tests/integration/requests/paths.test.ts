/**
 * Issue 11: every real path of a request reaches an end. Each scenario goes through the server
 * actions as the browser calls them (real session gate), on a real PostgreSQL.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/shared/db";
import {
  centreRequestAction,
  nationalRequestAction,
  restartRequestAction,
  sendInternshipProofAction,
  submitRequestAction,
  withdrawRequestAction,
} from "@/lib/requests/actions";
import { addDocument } from "@/lib/requests/documents";
import { chooseExperienceRoute } from "@/lib/requests/experience-route";
import { learnerEligibility, saveExperience, startRequest } from "@/lib/requests/learner-requests";
import { openAnalysisFor } from "@/lib/requests/queries";
import { staffRequestContext } from "@/lib/requests/staff-requests";
import { learnerCommands } from "@/lib/requests/domain/commands";
import { STATE_LABELS, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { notifyRequestChangeNow } from "@/lib/notifications/request-notifications";
import type { Actor } from "@/lib/requests/transition";
import { signIn } from "../../support/session-gate";
import { createLearner, createStaff, EXPERIENCE_INPUT, LICENCE_UNITS } from "../../support/requests";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "d3-paths-"));

const LICENCE = "LG02501A";
const ENGINEER = "CYC9102A";
const pdf = (name: string) => new File([new TextEncoder().encode(`%PDF-1.4\n${name}\n%%EOF\n`)], name, { type: "application/pdf" });

type Learner = Awaited<ReturnType<typeof createLearner>>;

async function stateOf(id: string): Promise<{ state: RequestState; version: number }> {
  return db.request.findUniqueOrThrow({ where: { id }, select: { state: true, version: true } });
}

/** The learner's experience, route and real files on the analysis of `requestId` (the request itself or its joint analysis). */
async function fillAnalysis(learner: Learner, requestId: string, diplomaKey = LICENCE) {
  if (diplomaKey === LICENCE) expect(await chooseExperienceRoute(learner.actor, requestId, "L3")).toEqual({ ok: true });
  expect(await saveExperience(learner.actor, requestId, EXPERIENCE_INPUT)).toMatchObject({ ok: true });
  for (const category of ["CV", "EMPLOYER_ATTESTATION"] as const) {
    expect(await addDocument(learner.actor, requestId, { category, file: pdf(`${category}.pdf`) })).toMatchObject({ ok: true });
  }
}

async function submit(learner: Learner, requestId: string) {
  await signIn(learner.user.id);
  const { version } = await stateOf(requestId);
  const result = await submitRequestAction({ requestId, version, certified: true });
  expect(result).toMatchObject({ ok: true });
}

/** A learner with every unit of the licence: the diploma request and its joint analysis, submitted. */
async function jointRequest() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await fillAnalysis(learner, started.requestId);
  await submit(learner, started.requestId);
  return { learner, diplomaId: started.requestId, analysisId: analysis.id };
}

/** An anticipated analysis, submitted, for a learner who may not hold every unit yet. */
async function anticipatedAnalysis(learner: Learner, diplomaKey = LICENCE) {
  const started = await startRequest(learner.actor, diplomaKey, "EXPERIENCE");
  if (!started.ok) throw new Error(started.message);
  await fillAnalysis(learner, started.requestId, diplomaKey);
  await submit(learner, started.requestId);
  return started.requestId;
}

/** Sends a staff command through the server action of the actor's space, with the current version. */
async function staff(actor: Actor, input: Record<string, unknown> & { type: string; requestId: string }) {
  await signIn(actor.id);
  const { version } = await stateOf(input.requestId);
  const action = actor.role === "AGENT_CENTRE" ? centreRequestAction : nationalRequestAction;
  return action({ version, ...input } as never);
}

/** The centre takes the request in charge and forwards it to the national level. */
async function forward(centre: Actor, requestId: string) {
  expect(await staff(centre, { type: "takeInCharge", requestId })).toMatchObject({ ok: true });
  expect(await staff(centre, { type: "forward", requestId, opinion: "FAVOURABLE", comment: "Dossier complet" })).toMatchObject({ ok: true });
}

async function lastEvent(requestId: string) {
  return db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" } });
}

let centre: Actor;
let national: Actor;
beforeAll(async () => {
  centre = await createStaff("AGENT_CENTRE", "PARIS");
  national = await createStaff("AGENT_NATIONAL");
});

describe("Scenario A — a refused diploma request closes its joint analysis", () => {
  test("refused: the joint analysis is closed in the same transaction with the same reason, the learner is told and starts again prefilled", async () => {
    const { learner, diplomaId, analysisId } = await jointRequest();
    expect(await staff(centre, { type: "takeInCharge", requestId: diplomaId })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "refuse", requestId: diplomaId, reason: "Relevé de notes illisible" })).toMatchObject({ ok: true });

    expect((await stateOf(diplomaId)).state).toBe("REFUSED");
    expect((await stateOf(analysisId)).state).toBe("REFUSED");
    const closure = await lastEvent(analysisId);
    expect(closure).toMatchObject({ transition: "closeWithLinkedRequest", fromState: "SUBMITTED", toState: "REFUSED", actorId: centre.id });
    expect(closure.comment).toContain("Motif : Relevé de notes illisible");
    expect(closure.comment).toContain("nouvelle demande à partir de celle-ci");
    expect(await db.auditLog.count({ where: { requestId: analysisId, action: "request.transition" } })).toBe(1);
    // The learner is told, with the reason, on the page of the diploma request.
    await notifyRequestChangeNow(closure.id);
    const told = await db.notification.findFirstOrThrow({ where: { userId: learner.user.id, eventId: closure.id } });
    expect(told).toMatchObject({ link: `/demandes/${diplomaId}` });
    // Nothing is left open: the learner's slot for the diploma is free.
    expect(await db.request.count({ where: { learnerId: learner.user.id, openSlot: "OPEN" } })).toBe(0);

    // A new request from the refused one: experiences and documents are carried over; the learner submits it.
    await signIn(learner.user.id);
    const restarted = await restartRequestAction({ requestId: diplomaId }).catch((redirect: { url: string }) => redirect.url);
    expect(restarted).toMatch(/^\/demandes\//);
    const draftId = String(restarted).split("/").pop()!;
    const draft = await db.request.findUniqueOrThrow({
      where: { id: draftId },
      select: { state: true, restartedFromId: true, jointAnalysis: { select: { id: true, experiences: { select: { employer: true } }, documents: { select: { category: true, storageKey: true } } } } },
    });
    expect(draft).toMatchObject({ state: "DRAFT", restartedFromId: diplomaId });
    expect(draft.jointAnalysis!.experiences).toEqual([{ employer: EXPERIENCE_INPUT.employer }]);
    expect(draft.jointAnalysis!.documents.map((d) => d.category).sort()).toEqual(["CV", "EMPLOYER_ATTESTATION"]);
    const oldKeys = (await db.requestDocument.findMany({ where: { requestId: analysisId }, select: { storageKey: true } })).map((d) => d.storageKey);
    // Copies of the files, not the same files: the closed request keeps its own.
    expect(draft.jointAnalysis!.documents.some((d) => oldKeys.includes(d.storageKey))).toBe(false);
    if (draft.jointAnalysis && (await db.request.findUnique({ where: { id: draft.jointAnalysis.id }, select: { id: true } }))) {
      await chooseExperienceRoute(learner.actor, draftId, "L3");
    }
    await submit(learner, draftId);
    expect((await stateOf(draftId)).state).toBe("SUBMITTED");
  });

  test("withdrawn: the joint analysis is withdrawn with it, with the learner's reason", async () => {
    const { learner, diplomaId, analysisId } = await jointRequest();
    await signIn(learner.user.id);
    expect(await withdrawRequestAction({ requestId: diplomaId, version: (await stateOf(diplomaId)).version, reason: "Je change de centre" })).toMatchObject({ ok: true });
    expect((await stateOf(analysisId)).state).toBe("WITHDRAWN");
    expect((await lastEvent(analysisId)).comment).toContain("Motif : Je change de centre");
  });

  test("a closed request cannot be started again while it is open, nor by another learner", async () => {
    const { learner, diplomaId } = await jointRequest();
    await signIn(learner.user.id);
    expect(await restartRequestAction({ requestId: diplomaId })).toMatchObject({ ok: false, message: expect.stringContaining("refusée, abandonnée") });
    const other = await createLearner({ units: LICENCE_UNITS });
    await signIn(other.user.id);
    expect(await restartRequestAction({ requestId: diplomaId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("Scenario B — an anticipated analysis under way serves the diploma request", () => {
  test("no second analysis; submitted at once; the validation waits for the analysis's decision", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS.slice(0, 5) });
    const analysisId = await anticipatedAnalysis(learner);
    // Not offered again: the diploma's page shows the analysis under way; starting one is refused, naming it.
    expect(await openAnalysisFor(learner.user.id, LICENCE)).toMatchObject({ id: analysisId, mode: "ANTICIPEE" });
    const again = await startRequest(learner.actor, LICENCE, "EXPERIENCE");
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/analyse anticipée n° D3-\d{4}-\d{6} est déjà en cours/) });

    // Every unit obtained: the diploma request relies on the analysis under way.
    await db.unitResult.createMany({ data: LICENCE_UNITS.slice(5).map((unitCode) => ({ learnerId: learner.user.id, unitCode, year: 2025, grade: 13, obtainedBy: "PASSED" as const })) });
    const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
    if (!started.ok) throw new Error(started.message);
    const diploma = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { linkedAnalysisId: true, jointAnalysis: { select: { id: true } } } });
    expect(diploma).toEqual({ linkedAnalysisId: analysisId, jointAnalysis: null });
    await submit(learner, started.requestId);
    expect(await db.request.count({ where: { learnerId: learner.user.id, kind: "EXPERIENCE" } })).toBe(1);

    // Forwarded, the diploma waits: validation is not offered, and refused if sent.
    await forward(centre, started.requestId);
    expect((await staffRequestContext(national, started.requestId))?.availableActions).not.toContain("validateDiploma");
    expect(await staff(national, { type: "validateDiploma", requestId: started.requestId })).toMatchObject({ ok: false, code: "NOT_ALLOWED_NOW", message: expect.stringContaining("expérience") });

    // The analysis decided favourably (naming the route's unit): the diploma can be validated.
    await forward(centre, analysisId);
    expect(await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE", units: ["UAAL0T"] })).toMatchObject({ ok: true });
    expect((await staffRequestContext(national, started.requestId))?.availableActions).toContain("validateDiploma");
    expect(await staff(national, { type: "validateDiploma", requestId: started.requestId })).toMatchObject({ ok: true });
  });
});

describe("Scenario C — an unfavourable or refused analysis ends its diploma request", () => {
  test("unfavourable joint analysis: the diploma request is refused with the jury's reason and what to do next", async () => {
    const { learner, diplomaId, analysisId } = await jointRequest();
    await forward(centre, diplomaId);
    await forward(centre, analysisId);
    expect(await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "UNFAVOURABLE", reason: "Activités sans rapport avec l'informatique" })).toMatchObject({ ok: true });
    expect((await stateOf(diplomaId)).state).toBe("REFUSED");
    const closure = await lastEvent(diplomaId);
    expect(closure).toMatchObject({ transition: "closeWithLinkedRequest", fromState: "FORWARDED", toState: "REFUSED", actorId: national.id });
    expect(closure.comment).toMatch(/^Avis défavorable sur la demande d'analyse de l'expérience professionnelle n° D3-/);
    expect(closure.comment).toContain("Motif : Activités sans rapport avec l'informatique");
    expect(closure.comment).toContain("renseignez-vous auprès de votre centre d'inscription");
    expect(await db.request.count({ where: { learnerId: learner.user.id, openSlot: "OPEN" } })).toBe(0);
  });

  test("joint analysis refused by the centre while the diploma request is instructed: both end", async () => {
    const { diplomaId, analysisId } = await jointRequest();
    expect(await staff(centre, { type: "takeInCharge", requestId: diplomaId })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "takeInCharge", requestId: analysisId })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "refuse", requestId: analysisId, reason: "Attestations d'employeur non probantes" })).toMatchObject({ ok: true });
    expect((await stateOf(diplomaId)).state).toBe("REFUSED");
    expect((await lastEvent(diplomaId)).comment).toMatch(/^Refus de la demande d'analyse .* Motif : Attestations d'employeur non probantes/);
  });

  test("anticipated analysis refused: the diploma request relying on it ends too", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS });
    await db.unitResult.deleteMany({ where: { learnerId: learner.user.id, unitCode: "ANG320" } });
    const analysisId = await anticipatedAnalysis(learner);
    await db.unitResult.create({ data: { learnerId: learner.user.id, unitCode: "ANG320", year: 2025, grade: 12, obtainedBy: "PASSED" } });
    const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
    if (!started.ok) throw new Error(started.message);
    await submit(learner, started.requestId);
    expect(await staff(centre, { type: "takeInCharge", requestId: analysisId })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "refuse", requestId: analysisId, reason: "Expérience hors spécialité" })).toMatchObject({ ok: true });
    expect((await stateOf(started.requestId)).state).toBe("REFUSED");
  });
});

describe("Scenario D — « Favorable sous condition » opens a follow-up step", () => {
  async function conditional() {
    const joint = await jointRequest();
    await forward(centre, joint.diplomaId);
    await forward(centre, joint.analysisId);
    expect(
      await staff(national, { type: "decideExperience", requestId: joint.analysisId, outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: "4", conditionText: "Stage de 4 mois en développement", units: ["UAAL0T"] }),
    ).toMatchObject({ ok: true, value: { creditedUnits: [] } });
    return joint;
  }

  test("the learner joins the agreement and report on the request, the centre records the condition met, then the unit is credited and the diploma can go on", async () => {
    const { learner, diplomaId, analysisId } = await conditional();
    expect(await db.unitResult.count({ where: { learnerId: learner.user.id, unitCode: "UAAL0T" } })).toBe(0);
    expect(await staff(national, { type: "validateDiploma", requestId: diplomaId })).toMatchObject({ ok: false, code: "NOT_ALLOWED_NOW", message: expect.stringContaining("expérience") });

    // Sending without the pieces: each missing one is named.
    await signIn(learner.user.id);
    const early = await sendInternshipProofAction({ requestId: diplomaId, version: (await stateOf(analysisId)).version });
    expect(early).toMatchObject({ ok: false, missing: [expect.stringContaining("Convention"), expect.stringContaining("Rapport")] });
    // Only the internship's pieces can be joined now, on the diploma request's page (they go to its analysis).
    expect(await addDocument(learner.actor, diplomaId, { category: "CV", file: pdf("cv2.pdf") })).toMatchObject({ ok: false, fieldErrors: { category: expect.any(String) } });
    expect(await addDocument(learner.actor, diplomaId, { category: "INTERNSHIP_AGREEMENT", file: pdf("convention.pdf") })).toMatchObject({ ok: true });
    expect(await addDocument(learner.actor, diplomaId, { category: "INTERNSHIP_REPORT", file: pdf("rapport.pdf") })).toMatchObject({ ok: true });
    expect(await sendInternshipProofAction({ requestId: diplomaId, version: (await stateOf(analysisId)).version })).toMatchObject({ ok: true });
    expect((await stateOf(analysisId)).state).toBe("CONDITION_REVIEW");
    // Sent: nothing more can be joined.
    expect(await addDocument(learner.actor, diplomaId, { category: "INTERNSHIP_REPORT", file: pdf("rapport2.pdf") })).toMatchObject({ ok: false });

    expect((await staffRequestContext(centre, analysisId))?.availableActions).toEqual(expect.arrayContaining(["recordConditionMet", "recordConditionNotMet", "reviewDocument"]));
    // The centre reviews the internship's pieces while it checks the condition.
    const agreement = await db.requestDocument.findFirstOrThrow({ where: { requestId: analysisId, category: "INTERNSHIP_AGREEMENT" }, select: { id: true } });
    expect(await staff(centre, { type: "reviewDocument", requestId: analysisId, documentId: agreement.id, status: "VALIDATED" })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "recordConditionMet", requestId: analysisId })).toMatchObject({ ok: true });
    expect((await stateOf(analysisId)).state).toBe("FAVOURABLE");
    expect(await db.unitResult.findMany({ where: { learnerId: learner.user.id, unitCode: { startsWith: "UAAL" } }, select: { unitCode: true, obtainedBy: true } })).toEqual([
      { unitCode: "UAAL0T", obtainedBy: "EQUIVALENCE" },
    ]);
    expect(await staff(national, { type: "validateDiploma", requestId: diplomaId })).toMatchObject({ ok: true });
  });

  test("the condition not met: the opinion becomes unfavourable and the diploma request ends with the reason", async () => {
    const { learner, diplomaId, analysisId } = await conditional();
    await addDocument(learner.actor, diplomaId, { category: "INTERNSHIP_AGREEMENT", file: pdf("convention.pdf") });
    await addDocument(learner.actor, diplomaId, { category: "INTERNSHIP_REPORT", file: pdf("rapport.pdf") });
    await signIn(learner.user.id);
    expect(await sendInternshipProofAction({ requestId: diplomaId, version: (await stateOf(analysisId)).version })).toMatchObject({ ok: true });
    expect(await staff(centre, { type: "recordConditionNotMet", requestId: analysisId, reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await staff(centre, { type: "recordConditionNotMet", requestId: analysisId, reason: "Stage de 2 mois seulement" })).toMatchObject({ ok: true });
    expect((await stateOf(analysisId)).state).toBe("UNFAVOURABLE");
    expect((await stateOf(diplomaId)).state).toBe("REFUSED");
    expect((await lastEvent(diplomaId)).comment).toContain("Motif : Stage de 2 mois seulement");
    expect(await db.unitResult.count({ where: { learnerId: learner.user.id, unitCode: "UAAL0T" } })).toBe(0);
  });
});

describe("Scenario E — the jury names the experience units it credits", () => {
  test("engineer, early analysis: UAEP04 alone is credited, UAEP03 stays to obtain; nothing is credited by default", async () => {
    const learner = await createLearner({ units: ["UTC501", "UTC502"] });
    const analysisId = await anticipatedAnalysis(learner, ENGINEER);
    await forward(centre, analysisId);
    expect(await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { units: "Cochez les unités d'expérience que la décision valide." },
    });
    expect(await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE", units: ["UAAL0T"] })).toMatchObject({ ok: false, fieldErrors: { units: expect.stringContaining("UAAL0T") } });
    expect((await stateOf(analysisId)).state).toBe("FORWARDED");
    expect((await staffRequestContext(national, analysisId))?.experienceUnits.map((unit) => unit.code)).toEqual(["UAEP04", "UAEP03"]);

    expect(await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE", units: ["UAEP04"] })).toMatchObject({ ok: true, value: { creditedUnits: ["UAEP04"] } });
    expect(await db.unitResult.findMany({ where: { learnerId: learner.user.id, unitCode: { startsWith: "UAEP" } }, select: { unitCode: true } })).toEqual([{ unitCode: "UAEP04" }]);
    expect((await learnerEligibility(learner.user.id, ENGINEER))?.verdict.experience.state).toBe("missing");
    expect((await lastEvent(analysisId)).payload).toMatchObject({ outcome: "FAVOURABLE", units: "UAEP04" });
  });
});

describe("Scenario G — the learner sees only the actions the state machine accepts", () => {
  test("after « Avis favorable sous condition »: the offered actions all work, and no message names a state", async () => {
    const { learner, diplomaId, analysisId } = await jointRequest();
    await forward(centre, diplomaId);
    await forward(centre, analysisId);
    await staff(national, { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: "3", conditionText: "Stage", units: ["UAAL0T"] });
    const analysis = await db.request.findUniqueOrThrow({ where: { id: analysisId }, select: { kind: true, mode: true, state: true, version: true } });
    expect(learnerCommands({ kind: "EXPERIENCE", mode: analysis.mode!, state: analysis.state, version: analysis.version })).toEqual(["withdraw", "sendInternshipProof"]);

    // « Abandonner cette demande » on the diploma request (offered) works and takes the analysis along.
    await signIn(learner.user.id);
    expect(await withdrawRequestAction({ requestId: diplomaId, version: (await stateOf(diplomaId)).version, reason: "Je renonce au stage" })).toMatchObject({ ok: true });
    expect((await stateOf(analysisId)).state).toBe("WITHDRAWN");

    // An action no longer possible answers in plain words, without naming any state.
    const refused = await withdrawRequestAction({ requestId: diplomaId, version: (await stateOf(diplomaId)).version });
    expect(refused).toMatchObject({ ok: false });
    for (const label of Object.values(STATE_LABELS)) expect(refused.ok ? "" : refused.message).not.toContain(`« ${label} »`);
    expect(refused.ok ? "" : refused.message).not.toMatch(/[A-Z]{4,}_[A-Z]+/);
  });
});
