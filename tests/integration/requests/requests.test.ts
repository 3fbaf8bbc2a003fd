import { db } from "@/lib/shared/db";
import { deleteDraft, deleteExperience, learnerEligibility, resubmitRequest, saveExperience, startRequest, submitRequest, withdrawRequest } from "@/lib/requests/learner-requests";
import { getRequestForViewer, listLearnerRequests } from "@/lib/requests/queries";
import { findVisibleRequestVersion } from "@/lib/requests/visibility";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner, createStaff, staffTransition } from "../../support/requests";

const LICENCE = "LG02501A";

async function draftWithJointAnalysis() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const request = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, include: { jointAnalysis: true } });
  return { ...learner, request, analysisId: request.jointAnalysis!.id };
}

async function submittedJointRequest() {
  const draft = await draftWithJointAnalysis();
  expect((await saveExperience(draft.actor, draft.request.id, EXPERIENCE_INPUT)).ok).toBe(true);
  await addDocumentRows(draft.analysisId, draft.user.id);
  const submitted = await submitRequest(draft.actor, draft.request.id, draft.request.version, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { ...draft, numbers: submitted.numbers };
}

describe("eligibility of a learner for a real diploma", () => {
  test("all units but no experience: a joint analysis is needed", async () => {
    const { actor } = await createLearner({ units: LICENCE_UNITS });
    const found = await learnerEligibility(actor.id, LICENCE);
    expect(found?.verdict).toMatchObject({ allUnitsObtained: true, eligibleForDelivery: false, needsJointExperienceAnalysis: true });
  });

  test("two units missing: they are named", async () => {
    const { actor } = await createLearner({ units: LICENCE_UNITS.filter((u) => u !== "ANG320" && u !== "NFP107") });
    const found = await learnerEligibility(actor.id, LICENCE);
    expect(found?.verdict.allUnitsObtained).toBe(false);
    expect(found?.verdict.missing.join(" ")).toContain("ANG320");
  });

  test("a unit failed in the stored results is shown failed with its grade, and stays in what is missing", async () => {
    const { actor } = await createLearner({ units: LICENCE_UNITS.filter((u) => u !== "ANG320") });
    await db.unitResult.create({ data: { learnerId: actor.id, unitCode: "ANG320", year: 2024, grade: 8, obtainedBy: "PASSED" } });
    const found = await learnerEligibility(actor.id, LICENCE);
    expect(found?.verdict.failed).toEqual([{ code: "ANG320", title: "Anglais professionnel", grade: 8, year: 2024, stillNeeded: true }]);
    expect(found?.verdict.missing).toEqual(["Anglais professionnel (ANG320) – non obtenue (8/20 en 2024)"]);
    // The refusal to open a diploma request says the same.
    expect(await startRequest(actor, LICENCE, "DIPLOMA")).toMatchObject({ ok: false, missing: ["Anglais professionnel (ANG320) – non obtenue (8/20 en 2024)"] });
  });
});

describe("Nouvelle demande", () => {
  test("an ineligible learner cannot open a diploma request, and is told what is missing", async () => {
    const { actor } = await createLearner({ units: ["UTC501"] });
    const result = await startRequest(actor, LICENCE, "DIPLOMA");
    expect(result).toMatchObject({ ok: false, missing: expect.arrayContaining([expect.stringContaining("UTC502")]) });
    expect(await db.request.count({ where: { learnerId: actor.id } })).toBe(0);
  });

  test("an eligible learner without validated experience gets a diploma draft with a joint analysis draft", async () => {
    const { request } = await draftWithJointAnalysis();
    expect(request).toMatchObject({ kind: "DIPLOMA", state: "DRAFT", number: null });
    expect(request.jointAnalysis).toMatchObject({ kind: "EXPERIENCE", mode: "CONJOINTE", state: "DRAFT" });
  });

  test("starting again resumes the same draft", async () => {
    const { actor, request } = await draftWithJointAnalysis();
    expect(await startRequest(actor, LICENCE, "DIPLOMA")).toEqual({ ok: true, requestId: request.id });
  });

  test("an anticipated analysis can be opened before all units are obtained", async () => {
    const { actor } = await createLearner({ units: ["UTC501"] });
    const result = await startRequest(actor, LICENCE, "EXPERIENCE");
    expect(result.ok).toBe(true);
    if (result.ok) expect(await db.request.findUnique({ where: { id: result.requestId } })).toMatchObject({ kind: "EXPERIENCE", mode: "ANTICIPEE" });
  });

  test("a diploma whose composition is unknown cannot be requested", async () => {
    const { actor } = await createLearner();
    const unknown = await db.diploma.findFirstOrThrow({ where: { requestable: false } });
    expect(await startRequest(actor, unknown.key, "EXPERIENCE")).toMatchObject({ ok: false, message: expect.any(String) });
  });

  test("staff cannot open requests", async () => {
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    expect(await startRequest(agent, LICENCE, "DIPLOMA")).toMatchObject({ ok: false });
  });
});

describe("experiences of a draft", () => {
  test("each bad field gets its own French message, and nothing is saved", async () => {
    const { actor, request, analysisId } = await draftWithJointAnalysis();
    const result = await saveExperience(actor, request.id, { ...EXPERIENCE_INPUT, endDate: "2021-01-01", workingTimePercent: "150", inField: "peut-être", activities: "court" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { endDate: expect.stringContaining("précède"), workingTimePercent: expect.any(String), inField: expect.any(String), activities: expect.any(String) },
    });
    expect(await db.experience.count({ where: { requestId: analysisId } })).toBe(0);
  });

  test("saved on the analysis, updated, deleted", async () => {
    const { actor, request, analysisId } = await draftWithJointAnalysis();
    const saved = await saveExperience(actor, request.id, EXPERIENCE_INPUT);
    if (!saved.ok) throw new Error(saved.message);
    expect(await db.experience.findUniqueOrThrow({ where: { id: saved.experienceId } })).toMatchObject({ requestId: analysisId, workingTimePercent: 100, inField: true });
    expect((await saveExperience(actor, request.id, { ...EXPERIENCE_INPUT, workingTimePercent: "50" }, saved.experienceId)).ok).toBe(true);
    expect((await db.experience.findUniqueOrThrow({ where: { id: saved.experienceId } })).workingTimePercent).toBe(50);
    expect(await deleteExperience(actor, request.id, saved.experienceId)).toEqual({ ok: true });
  });
});

describe("submission", () => {
  test("refused while experiences or required documents are missing, with each problem listed", async () => {
    const { actor, request } = await draftWithJointAnalysis();
    const result = await submitRequest(actor, request.id, request.version, { certified: true });
    expect(result).toMatchObject({ ok: false, missing: expect.arrayContaining([expect.stringContaining("expérience"), expect.stringContaining("Curriculum vitae")]) });
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("DRAFT");
  });

  test("the diploma request and its joint analysis are submitted together, numbered, with their history", async () => {
    const { request, analysisId, numbers } = await submittedJointRequest();
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(number).toMatch(/^D3-\d{4}-\d{6}$/);
    const [main, joint] = await Promise.all([db.request.findUniqueOrThrow({ where: { id: request.id } }), db.request.findUniqueOrThrow({ where: { id: analysisId } })]);
    expect(main).toMatchObject({ state: "SUBMITTED", number: numbers[0], version: 2, openSlot: "OPEN" });
    expect(joint).toMatchObject({ state: "SUBMITTED", number: numbers[1] });
    expect(await db.requestEvent.findMany({ where: { requestId: request.id }, select: { transition: true, fromState: true, toState: true, actorRole: true } })).toEqual([
      { transition: "submit", fromState: "DRAFT", toState: "SUBMITTED", actorRole: "AUDITEUR" },
    ]);
  });

  test("a stale version is refused and nothing changes", async () => {
    const { actor, request, analysisId, user } = await draftWithJointAnalysis();
    await saveExperience(actor, request.id, EXPERIENCE_INPUT);
    await addDocumentRows(analysisId, user.id);
    expect(await submitRequest(actor, request.id, request.version + 5, { certified: true })).toMatchObject({ ok: false, code: "STALE_VERSION" });
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("DRAFT");
  });

  test("a learner cannot have two open requests for the same diploma", async () => {
    const { actor } = await submittedJointRequest();
    expect(await startRequest(actor, LICENCE, "DIPLOMA")).toMatchObject({ ok: false, message: expect.stringMatching(/Votre demande de délivrance de diplôme n° D3-\d{4}-\d{6} est déjà en cours/) });
  });

  test("once submitted, the content is locked", async () => {
    const { actor, request } = await submittedJointRequest();
    expect(await saveExperience(actor, request.id, EXPERIENCE_INPUT)).toMatchObject({ ok: false, message: expect.stringContaining("plus modifiable") });
    expect(await deleteDraft(actor, request.id)).toMatchObject({ ok: false });
  });
});

describe("withdrawal and correction", () => {
  test("withdrawing takes the joint analysis along and stays in the history", async () => {
    const { actor, request, analysisId } = await submittedJointRequest();
    expect(await withdrawRequest(actor, request.id, 2, "Je change de parcours")).toEqual({ ok: true });
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("WITHDRAWN");
    expect((await db.request.findUniqueOrThrow({ where: { id: analysisId } })).state).toBe("WITHDRAWN");
    const events = await db.requestEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["SUBMITTED", "WITHDRAWN"]);
    expect(events[1]!.comment).toBe("Je change de parcours");
    expect((await listLearnerRequests(actor.id)).map((r) => r.state)).toEqual(["WITHDRAWN"]);
  });

  test("no withdrawal once a decision is taken", async () => {
    const { actor, request, analysisId } = await submittedJointRequest();
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    const national = await createStaff("AGENT_NATIONAL");
    expect((await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 })).ok).toBe(true);
    expect((await staffTransition(agent, analysisId, { type: "forward", expectedVersion: 3, opinion: "FAVOURABLE", comment: "Expérience solide." })).ok).toBe(true);
    expect((await staffTransition(national, analysisId, { type: "decideExperience", expectedVersion: 4, decision: { outcome: "FAVOURABLE" } })).ok).toBe(true);
    expect((await staffTransition(agent, request.id, { type: "takeInCharge", expectedVersion: 2 })).ok).toBe(true);
    expect((await staffTransition(agent, request.id, { type: "forward", expectedVersion: 3, opinion: "FAVOURABLE", comment: "Dossier complet." })).ok).toBe(true);
    expect((await staffTransition(national, request.id, { type: "validateDiploma", expectedVersion: 4 })).ok).toBe(true);
    expect(await withdrawRequest(actor, request.id, 5)).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
  });

  test("after a correction request the learner completes and resubmits; it goes back to instruction", async () => {
    const { actor, request, analysisId } = await submittedJointRequest();
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 });
    await staffTransition(agent, analysisId, { type: "askForCorrection", expectedVersion: 3, comment: "Ajoutez votre fiche de poste." });
    expect((await saveExperience(actor, request.id, { ...EXPERIENCE_INPUT, employer: "Cnam" })).ok).toBe(true);
    expect(await resubmitRequest(actor, analysisId, 4, "Fiche ajoutée")).toEqual({ ok: true });
    expect(await db.request.findUniqueOrThrow({ where: { id: analysisId } })).toMatchObject({ state: "IN_REVIEW", assignedAgentId: agent.id });
  });
});

describe("learner A can read and change nothing of learner B's, even by guessing ids", () => {
  test("every use case answers as if the request did not exist", async () => {
    const a = await submittedJointRequest();
    const b = await draftWithJointAnalysis();
    const notFound = expect.objectContaining({ ok: false, code: "NOT_FOUND" });
    for (const id of [a.request.id, a.analysisId]) {
      expect(await getRequestForViewer(b.actor, id)).toBeNull();
      expect(await findVisibleRequestVersion(b.actor, id)).toBeNull();
      expect(await saveExperience(b.actor, id, EXPERIENCE_INPUT)).toEqual(notFound);
      expect(await submitRequest(b.actor, id, 1, { certified: true })).toEqual(notFound);
      expect(await withdrawRequest(b.actor, id, 2)).toEqual(notFound);
      expect(await resubmitRequest(b.actor, id, 2)).toEqual(notFound);
      expect(await deleteDraft(b.actor, id)).toEqual(notFound);
    }
    const experience = await db.experience.findFirstOrThrow({ where: { requestId: a.analysisId } });
    expect(await deleteExperience(b.actor, b.request.id, experience.id)).toEqual(notFound);
    expect(await db.experience.count({ where: { id: experience.id } })).toBe(1);
    expect(await getRequestForViewer(b.actor, "cl_inexistant")).toBeNull();
    expect(await getRequestForViewer(b.actor, "x".repeat(500))).toBeNull();
  });

  test("staff see a request only once submitted, and only in their scope", async () => {
    const { request, analysisId } = await submittedJointRequest();
    const paris = await createStaff("AGENT_CENTRE", "PARIS");
    const other = await createStaff("AGENT_CENTRE", "NOUVELLE-AQUITAINE");
    const national = await createStaff("AGENT_NATIONAL");
    const admin = await createStaff("ADMIN");
    expect(await getRequestForViewer(paris, request.id)).not.toBeNull();
    expect(await getRequestForViewer(other, request.id)).toBeNull();
    expect(await getRequestForViewer(admin, request.id)).toBeNull();
    expect(await getRequestForViewer(national, analysisId)).toBeNull();
    await staffTransition(paris, analysisId, { type: "takeInCharge", expectedVersion: 2 });
    await staffTransition(paris, analysisId, { type: "forward", expectedVersion: 3, opinion: "FAVOURABLE", comment: "Avis favorable." });
    expect(await getRequestForViewer(national, analysisId)).not.toBeNull();
    const draft = await draftWithJointAnalysis();
    expect(await getRequestForViewer(paris, draft.request.id)).toBeNull();
  });
});

describe("concurrency", () => {
  test("two simultaneous transitions on one request: exactly one wins", async () => {
    const { analysisId } = await submittedJointRequest();
    const a = await createStaff("AGENT_CENTRE", "PARIS");
    const b = await createStaff("AGENT_CENTRE", "PARIS");
    const results = await Promise.all([staffTransition(a, analysisId, { type: "takeInCharge", expectedVersion: 2 }), staffTransition(b, analysisId, { type: "takeInCharge", expectedVersion: 2 })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "STALE_VERSION" });
    expect(await db.requestEvent.count({ where: { requestId: analysisId, transition: "takeInCharge" } })).toBe(1);
  });
});
