import { db } from "@/lib/shared/db";
import { resubmitRequest, saveExperience } from "@/lib/requests/learner-requests";
import { getRequestForViewer } from "@/lib/requests/queries";
import { STALE_MESSAGE } from "@/lib/requests/transition";
import { MAX_BULK_ITEMS } from "@/lib/requests/schemas";
import {
  askForCorrection,
  assignRequest,
  bulkApply,
  decideExperience,
  forwardRequest,
  postMessage,
  recordDispatch,
  recordEdition,
  recordHandover,
  refuseRequest,
  reviewDocument,
  staffRequestContext,
  takeInCharge,
  validateDiploma,
  type StaffActor,
} from "@/lib/requests/staff-requests";
import { createUser } from "../../support/factories";
import { EXPERIENCE_INPUT, createLearner, createStaff, insertDiplomaRequests, submitJointDiplomaRequest } from "../../support/requests";

const IP = "203.0.113.7";
const OTHER_CENTRE = "NOUVELLE-AQUITAINE";
const notFound = expect.objectContaining({ ok: false, code: "NOT_FOUND" });

async function staff(role: "AGENT_CENTRE" | "AGENT_NATIONAL" | "ADMIN", centreCode?: string): Promise<StaffActor> {
  return { ...(await createStaff(role, centreCode)), ip: IP };
}

/** A submitted licence request with its joint analysis, and everyone who may (or may not) touch it. */
async function scene() {
  const learner = await submitJointDiplomaRequest();
  const [agent, colleague, otherCentre, national, admin] = await Promise.all([
    staff("AGENT_CENTRE", "PARIS"),
    staff("AGENT_CENTRE", "PARIS"),
    staff("AGENT_CENTRE", OTHER_CENTRE),
    staff("AGENT_NATIONAL"),
    staff("ADMIN"),
  ]);
  return { ...learner, agent, colleague, otherCentre, national, admin };
}

async function current(requestId: string) {
  return db.request.findUniqueOrThrow({ where: { id: requestId }, select: { state: true, version: true, assignedAgentId: true, forwardedAt: true, diplomaNumber: true } });
}

async function auditRows(requestId: string) {
  return db.auditLog.findMany({ where: { requestId }, orderBy: { id: "asc" }, select: { actorId: true, actorRole: true, action: true, requestId: true, ip: true, details: true } });
}

/** The centre takes the request in charge and forwards it with a favourable opinion. */
async function forwarded(agent: StaffActor, requestId: string) {
  expect(await takeInCharge(agent, requestId, 2)).toMatchObject({ ok: true, state: "IN_REVIEW", version: 3 });
  expect(await forwardRequest(agent, requestId, 3, "FAVOURABLE", "Dossier complet, expérience en lien avec le parcours.")).toMatchObject({ ok: true, state: "FORWARDED", version: 4 });
}

async function unitResults(learnerId: string, unitCode: string) {
  return db.unitResult.findMany({ where: { learnerId, unitCode }, select: { unitCode: true, year: true, grade: true, obtainedBy: true, centreCode: true } });
}

describe("prise en charge", () => {
  test("an agent of the request's centre takes it in charge: state, holder, history, one audit row with the IP", async () => {
    const { requestId, agent } = await scene();
    expect(await takeInCharge(agent, requestId, 2)).toEqual({ ok: true, state: "IN_REVIEW", version: 3 });
    expect(await current(requestId)).toMatchObject({ state: "IN_REVIEW", version: 3, assignedAgentId: agent.id });
    expect(await db.requestEvent.findFirst({ where: { requestId, transition: "takeInCharge" } })).toMatchObject({ actorId: agent.id, fromState: "SUBMITTED", toState: "IN_REVIEW" });
    expect(await auditRows(requestId)).toEqual([
      { actorId: agent.id, actorRole: "AGENT_CENTRE", action: "request.transition", requestId, ip: IP, details: { transition: "takeInCharge", from: "SUBMITTED", to: "IN_REVIEW" } },
    ]);
  });

  test("nobody else: another centre's agent, the national level before forwarding, the admin, a learner, all get 'not found'", async () => {
    const { requestId, otherCentre, national, admin, actor } = await scene();
    const otherLearner = await createLearner();
    for (const someone of [otherCentre, national, admin, { ...actor, ip: IP }, { ...otherLearner.actor, ip: IP }]) {
      expect(await takeInCharge(someone, requestId, 2)).toEqual(notFound);
    }
    expect(await takeInCharge(otherCentre, "cl_inexistant", 2)).toEqual(notFound);
    expect(await takeInCharge(otherCentre, "x".repeat(500), 2)).toEqual(notFound);
    expect(await current(requestId)).toMatchObject({ state: "SUBMITTED", version: 2, assignedAgentId: null });
    expect(await auditRows(requestId)).toEqual([]);
  });

  test("a guessed id answers exactly like a missing one", async () => {
    const { requestId, otherCentre } = await scene();
    expect(await takeInCharge(otherCentre, requestId, 2)).toEqual(await takeInCharge(otherCentre, "cl_inexistant", 2));
  });

  test("twice: the second is refused by the state machine", async () => {
    const { requestId, agent, colleague } = await scene();
    await takeInCharge(agent, requestId, 2);
    expect(await takeInCharge(colleague, requestId, 3)).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
    expect((await current(requestId)).assignedAgentId).toBe(agent.id);
  });
});

describe("attribution", () => {
  test("to an active colleague of the same centre", async () => {
    const { requestId, agent, colleague } = await scene();
    expect(await assignRequest(agent, requestId, 2, colleague.id)).toEqual({ ok: true, state: "IN_REVIEW", version: 3 });
    expect(await current(requestId)).toMatchObject({ state: "IN_REVIEW", assignedAgentId: colleague.id });
    expect(await auditRows(requestId)).toEqual([
      { actorId: agent.id, actorRole: "AGENT_CENTRE", action: "request.assign", requestId, ip: IP, details: { assigneeId: colleague.id, from: "SUBMITTED", to: "IN_REVIEW" } },
    ]);
  });

  test("never to an agent of another centre, an inactive agent, a national agent, a learner or nobody", async () => {
    const { requestId, agent, otherCentre, national, actor } = await scene();
    const inactive = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS", active: false });
    for (const assigneeId of [otherCentre.id, inactive.id, national.id, actor.id, "cl_inexistant"]) {
      expect(await assignRequest(agent, requestId, 2, assigneeId)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { assigneeId: expect.any(String) } });
    }
    expect(await assignRequest(agent, requestId, 2, "  ")).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { assigneeId: expect.any(String) } });
    expect(await current(requestId)).toMatchObject({ state: "SUBMITTED", version: 2, assignedAgentId: null });
    expect(await auditRows(requestId)).toEqual([]);
  });

  test("the national level does not assign", async () => {
    const { analysisId, agent, national, colleague } = await scene();
    await forwarded(agent, analysisId);
    expect(await assignRequest(national, analysisId, 4, colleague.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("demande de complément", () => {
  test("the comment is mandatory and shown next to its field; nothing changes without it", async () => {
    const { analysisId, agent } = await scene();
    await takeInCharge(agent, analysisId, 2);
    for (const comment of ["", "   "]) {
      expect(await askForCorrection(agent, analysisId, 3, comment)).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { comment: expect.any(String) } });
    }
    expect(await askForCorrection(agent, analysisId, 3, "x".repeat(5001))).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { comment: expect.any(String) } });
    expect(await current(analysisId)).toMatchObject({ state: "IN_REVIEW", version: 3 });
    expect(await auditRows(analysisId)).toHaveLength(1);
  });

  test("the loop: the agent asks, the learner completes and resubmits, the request comes back to the same agent", async () => {
    const { requestId, analysisId, agent, actor } = await scene();
    await takeInCharge(agent, analysisId, 2);
    const comment = "Ajoutez votre fiche de poste et l'attestation de votre second employeur.";
    expect(await askForCorrection(agent, analysisId, 3, comment)).toEqual({ ok: true, state: "CORRECTION_REQUESTED", version: 4 });
    const seen = await getRequestForViewer(actor, requestId);
    expect(seen?.linked?.events.at(-1)).toMatchObject({ transition: "askForCorrection", comment });

    expect((await saveExperience(actor, requestId, { ...EXPERIENCE_INPUT, employer: "Cnam" })).ok).toBe(true);
    expect(await resubmitRequest(actor, analysisId, 4, "Fiche de poste ajoutée")).toEqual({ ok: true });
    expect(await current(analysisId)).toMatchObject({ state: "IN_REVIEW", version: 5, assignedAgentId: agent.id });
    expect((await auditRows(analysisId)).map((row) => row.action)).toEqual(["request.transition", "request.transition"]);
  });

  test("the national level may ask on a forwarded request, and the file goes back through the centre", async () => {
    const { analysisId, agent, national, actor } = await scene();
    await forwarded(agent, analysisId);
    expect(await askForCorrection(national, analysisId, 4, "Précisez la durée du contrat chez Société Générale.")).toMatchObject({ ok: true, state: "CORRECTION_REQUESTED" });
    expect(await resubmitRequest(actor, analysisId, 5)).toEqual({ ok: true });
    expect(await current(analysisId)).toMatchObject({ state: "IN_REVIEW", assignedAgentId: agent.id });
    // Back at the centre: the national level waits for it to be forwarded again.
    expect(await askForCorrection(national, analysisId, 6, "Encore une pièce.")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await forwardRequest(agent, analysisId, 6, "FAVOURABLE", "Complété.")).toMatchObject({ ok: true, state: "FORWARDED" });
  });
});

describe("transmission au national", () => {
  test("opinion and comment are mandatory", async () => {
    const { requestId, agent } = await scene();
    await takeInCharge(agent, requestId, 2);
    expect(await forwardRequest(agent, requestId, 3, "FAVOURABLE", " ")).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { comment: expect.any(String) } });
    expect(await forwardRequest(agent, requestId, 3, "PEUT-ETRE" as "FAVOURABLE", "Avis")).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { opinion: expect.any(String) } });
    expect(await current(requestId)).toMatchObject({ state: "IN_REVIEW", forwardedAt: null });
  });

  test("once forwarded, the national level sees the request; the opinion is in the history and the audit", async () => {
    const { requestId, agent, national } = await scene();
    expect(await getRequestForViewer(national, requestId)).toBeNull();
    await forwarded(agent, requestId);
    expect((await current(requestId)).forwardedAt).toBeInstanceOf(Date);
    expect(await getRequestForViewer(national, requestId)).not.toBeNull();
    expect(await db.requestEvent.findFirst({ where: { requestId, transition: "forward" } })).toMatchObject({ payload: { centreOpinion: "FAVOURABLE" } });
    expect((await auditRows(requestId)).at(-1)).toMatchObject({ action: "request.transition", details: { transition: "forward", payload: { centreOpinion: "FAVOURABLE" } } });
  });

  test("the centre does not forward twice, nor act on another centre's requests", async () => {
    const { requestId, agent, otherCentre } = await scene();
    await forwarded(agent, requestId);
    expect(await forwardRequest(agent, requestId, 4, "FAVOURABLE", "Encore")).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
    expect(await forwardRequest(otherCentre, requestId, 4, "FAVOURABLE", "Encore")).toEqual(notFound);
  });
});

describe("refus", () => {
  test("the reason is mandatory; the centre refuses while instructing", async () => {
    const { analysisId, agent } = await scene();
    await takeInCharge(agent, analysisId, 2);
    expect(await refuseRequest(agent, analysisId, 3, "")).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { reason: expect.any(String) } });
    expect(await refuseRequest(agent, analysisId, 3, "Expérience sans rapport avec l'informatique.")).toEqual({ ok: true, state: "REFUSED", version: 4 });
    expect(await db.requestEvent.findFirst({ where: { requestId: analysisId, transition: "refuse" } })).toMatchObject({ comment: "Expérience sans rapport avec l'informatique." });
  });

  test("once forwarded, only the national level refuses", async () => {
    const { requestId, agent, national } = await scene();
    await forwarded(agent, requestId);
    expect(await refuseRequest(agent, requestId, 4, "Trop tard")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await refuseRequest(national, requestId, 4, "Diplôme déjà délivré sous un autre numéro d'auditeur.")).toMatchObject({ ok: true, state: "REFUSED" });
  });

  test("the national level cannot refuse before forwarding: the request is not visible to it", async () => {
    const { requestId, agent, national } = await scene();
    await takeInCharge(agent, requestId, 2);
    expect(await refuseRequest(national, requestId, 3, "Non")).toEqual(notFound);
  });
});

describe("avis du jury and validation of the joint diploma request", () => {
  test("a favourable opinion credits the experience UA, then the diploma is validated, edited, sent and handed over", async () => {
    const { requestId, analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    await forwarded(agent, requestId);
    expect(await validateDiploma(national, requestId, 4)).toMatchObject({ ok: false, code: "GUARD_FAILED" });

    // Without the units it credits, the decision is refused on its field: the jury names them.
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { units: expect.any(String) } });
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE", units: ["UAAL0T"] })).toEqual({ ok: true, state: "FAVOURABLE", version: 5, creditedUnits: ["UAAL0T"] });
    const year = new Date().getUTCFullYear();
    expect(await unitResults(user.id, "UAAL0T")).toEqual([{ unitCode: "UAAL0T", year, grade: null, obtainedBy: "EQUIVALENCE", centreCode: "PARIS" }]);
    expect((await auditRows(analysisId)).at(-1)).toMatchObject({
      actorId: national.id,
      action: "request.transition",
      ip: IP,
      details: { transition: "decideExperience", to: "FAVOURABLE", payload: { outcome: "FAVOURABLE" }, creditedUnits: ["UAAL0T"] },
    });
    const context = await staffRequestContext(national, requestId);
    expect(context).toMatchObject({ experienceRequirementMet: true, eligibility: { experience: { state: "validated" }, eligibleForDelivery: true } });
    expect(context?.availableActions).toEqual(expect.arrayContaining(["validateDiploma", "refuse", "askForCorrection"]));

    expect(await validateDiploma(national, requestId, 4)).toEqual({ ok: true, state: "VALIDATED", version: 5 });
    const edition = await recordEdition(national, requestId, 5);
    expect(edition).toMatchObject({ ok: true, state: "EDITED", version: 6, diplomaNumber: expect.stringMatching(new RegExp(`^${year}-\\d{6}$`)) });
    if (!edition.ok) return;
    expect(await current(requestId)).toMatchObject({ state: "EDITED", diplomaNumber: edition.diplomaNumber });
    expect(await db.requestEvent.findFirst({ where: { requestId, transition: "recordEdition" } })).toMatchObject({ payload: { diplomaNumber: edition.diplomaNumber } });
    expect(await recordHandover(agent, requestId, 6)).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
    expect(await recordDispatch(agent, requestId, 6)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await recordDispatch(national, requestId, 6)).toEqual({ ok: true, state: "SENT_TO_CENTRE", version: 7 });
    expect(await recordHandover(national, requestId, 7)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await recordHandover(agent, requestId, 7)).toEqual({ ok: true, state: "HANDED_OVER", version: 8 });

    // One audit row per staff action, each with its actor, action, request and IP.
    const rows = await auditRows(requestId);
    expect(rows.map((row) => [row.actorId, row.action, (row.details as { transition?: string }).transition ?? null])).toEqual([
      [agent.id, "request.transition", "takeInCharge"],
      [agent.id, "request.transition", "forward"],
      [national.id, "request.transition", "validateDiploma"],
      [national.id, "request.edition", null],
      [national.id, "request.transition", "recordDispatch"],
      [agent.id, "request.transition", "recordHandover"],
    ]);
    expect(rows.every((row) => row.ip === IP && row.requestId === requestId)).toBe(true);
    expect(rows[3]!.details).toEqual({ diplomaNumber: edition.diplomaNumber });
  });

  test("an unfavourable opinion needs a reason, credits nothing, and ends the joint diploma request with that reason", async () => {
    const { requestId, analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    await forwarded(agent, requestId);
    expect(await decideExperience(national, analysisId, 4, { outcome: "UNFAVOURABLE", reason: " " })).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { reason: expect.any(String) } });
    expect(await decideExperience(national, analysisId, 4, { outcome: "UNFAVOURABLE", reason: "Expérience hors du champ de l'informatique." })).toMatchObject({ ok: true, state: "UNFAVOURABLE", creditedUnits: [] });
    expect(await unitResults(user.id, "UAAL0T")).toEqual([]);
    expect(await current(requestId)).toMatchObject({ state: "REFUSED", version: 5 });
    expect(await db.requestEvent.findFirst({ where: { requestId, transition: "closeWithLinkedRequest" } })).toMatchObject({ comment: expect.stringContaining("Expérience hors du champ de l'informatique.") });
    expect(await validateDiploma(national, requestId, 5)).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
  });

  test("a favourable opinion under condition credits nothing yet: the internship comes first", async () => {
    const { requestId, analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    await forwarded(agent, requestId);
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 0, conditionText: "Stage" })).toMatchObject({ ok: false, code: "INVALID_PAYLOAD" });
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4, conditionText: "" })).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { conditionText: expect.any(String) } });
    const decided = await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4, conditionText: "Stage de 4 mois en développement web.", units: ["UAAL0T"] });
    expect(decided).toMatchObject({ ok: true, state: "FAVOURABLE_WITH_CONDITION", creditedUnits: [] });
    expect((await auditRows(analysisId)).at(-1)).toMatchObject({ details: { payload: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4 }, comment: "Stage de 4 mois en développement web." } });
    expect(await unitResults(user.id, "UAAL0T")).toEqual([]);
    expect(await validateDiploma(national, requestId, 4)).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  test("crediting is idempotent: a UA already held is not credited again", async () => {
    const { analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    // Results imported meanwhile: the UA the jury names, obtained last year.
    await db.unitResult.create({ data: { learnerId: user.id, unitCode: "UAAL0T", year: 2025, obtainedBy: "EQUIVALENCE" } });
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE", units: ["UAAL0T"] })).toMatchObject({ ok: true, creditedUnits: [] });
    expect(await db.unitResult.count({ where: { learnerId: user.id, unitCode: { in: ["UAAL0T", "UAAL0S"] } } })).toBe(1);
  });

  test("a failed attempt at the UA in the same year is completed, not duplicated", async () => {
    const { analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    const year = new Date().getUTCFullYear();
    await db.unitResult.create({ data: { learnerId: user.id, unitCode: "UAAL0T", year, grade: 6, obtainedBy: "PASSED" } });
    expect(await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE", units: ["UAAL0T"] })).toMatchObject({ ok: true, creditedUnits: ["UAAL0T"] });
    expect(await unitResults(user.id, "UAAL0T")).toEqual([{ unitCode: "UAAL0T", year, grade: null, obtainedBy: "EQUIVALENCE", centreCode: null }]);
  });

  test("only the national level decides, and only once forwarded", async () => {
    const { analysisId, agent, national, admin } = await scene();
    await takeInCharge(agent, analysisId, 2);
    expect(await decideExperience(national, analysisId, 3, { outcome: "FAVOURABLE" })).toEqual(notFound);
    expect(await decideExperience(agent, analysisId, 3, { outcome: "FAVOURABLE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await decideExperience(admin, analysisId, 3, { outcome: "FAVOURABLE" })).toEqual(notFound);
    expect(await validateDiploma(agent, analysisId, 3)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await current(analysisId)).toMatchObject({ state: "IN_REVIEW", version: 3 });
  });

  test("a diploma whose units no longer all count is not validated, even with the experience", async () => {
    const { requestId, analysisId, agent, national, user } = await scene();
    await forwarded(agent, analysisId);
    await forwarded(agent, requestId);
    await decideExperience(national, analysisId, 4, { outcome: "FAVOURABLE" });
    await db.unitResult.deleteMany({ where: { learnerId: user.id, unitCode: "ANG320" } });
    expect(await validateDiploma(national, requestId, 4)).toMatchObject({ ok: false, code: "GUARD_FAILED", message: expect.stringContaining("ANG320") });
    expect(await validateDiploma(national, requestId, 3)).toMatchObject({ ok: false, code: "STALE_VERSION", message: STALE_MESSAGE });
  });
});

describe("diploma numbers", () => {
  test("20 editions at once: 20 distinct, consecutive numbers, each on its own request", async () => {
    const national = await staff("AGENT_NATIONAL");
    const ids = await insertDiplomaRequests(20, "VALIDATED");
    const results = await Promise.all(ids.map((id) => recordEdition(national, id, 5)));
    const numbers = results.map((result) => {
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.diplomaNumber;
    });
    expect(new Set(numbers).size).toBe(20);
    const sequences = numbers.map((number) => Number(number.split("-")[1])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(19);
    const stored = await db.request.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, diplomaNumber: true } });
    expect(stored.every((row) => row.state === "EDITED")).toBe(true);
    expect(new Map(stored.map((row) => [row.id, row.diplomaNumber]))).toEqual(new Map(ids.map((id, i) => [id, numbers[i]])));
    const counter = await db.diplomaNumberCounter.findUniqueOrThrow({ where: { series: String(new Date().getUTCFullYear()) } });
    expect(counter.last).toBeGreaterThanOrEqual(sequences.at(-1)!);
    expect(await db.auditLog.count({ where: { requestId: { in: ids }, action: "request.edition" } })).toBe(20);
  });

  test("the same request edited twice at once: one number, given once", async () => {
    const national = await staff("AGENT_NATIONAL");
    const [id] = await insertDiplomaRequests(1, "VALIDATED");
    const results = await Promise.all([recordEdition(national, id!, 5), recordEdition(national, id!, 5), recordEdition(national, id!, 5)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "STALE_VERSION")).toBe(true);
    expect(await db.requestEvent.count({ where: { requestId: id!, transition: "recordEdition" } })).toBe(1);
  });

  test("a number can never be given twice: if the counter were set back, the edition is undone entirely", async () => {
    const national = await staff("AGENT_NATIONAL");
    const [first, second] = await insertDiplomaRequests(2, "VALIDATED");
    const edited = await recordEdition(national, first!, 5);
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    const series = String(new Date().getUTCFullYear());
    // An operator's mistake: the counter goes back one step, so the next number is the same.
    await db.diplomaNumberCounter.update({ where: { series }, data: { last: { decrement: 1 } } });
    expect(await recordEdition(national, second!, 5)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await current(second!)).toMatchObject({ state: "VALIDATED", version: 5, diplomaNumber: null });
    expect(await db.requestEvent.count({ where: { requestId: second! } })).toBe(0);
    expect(await auditRows(second!)).toEqual([]);
    // The counter's increment was undone with the rest; the next edition moves on.
    await db.diplomaNumberCounter.update({ where: { series }, data: { last: { increment: 1 } } });
    expect(await recordEdition(national, second!, 5)).toMatchObject({ ok: true, diplomaNumber: expect.not.stringMatching(edited.diplomaNumber) });
  });

  test("the format comes from DIPLOMA_NUMBER_FORMAT", async () => {
    const national = await staff("AGENT_NATIONAL");
    const [id] = await insertDiplomaRequests(1, "VALIDATED");
    const previous = process.env.DIPLOMA_NUMBER_FORMAT;
    process.env.DIPLOMA_NUMBER_FORMAT = "CNAM-{year}-{seq:8}";
    try {
      expect(await recordEdition(national, id!, 5)).toMatchObject({ ok: true, diplomaNumber: expect.stringMatching(/^CNAM-\d{4}-\d{8}$/) });
      process.env.DIPLOMA_NUMBER_FORMAT = "{year}";
      await expect(recordEdition(national, id!, 6)).rejects.toThrow("DIPLOMA_NUMBER_FORMAT");
    } finally {
      if (previous === undefined) delete process.env.DIPLOMA_NUMBER_FORMAT;
      else process.env.DIPLOMA_NUMBER_FORMAT = previous;
    }
  });

  test("no number is drawn for an edition refused by the state machine", async () => {
    const national = await staff("AGENT_NATIONAL");
    const [forwardedId] = await insertDiplomaRequests(1, "FORWARDED");
    const series = String(new Date().getUTCFullYear());
    const before = (await db.diplomaNumberCounter.findUnique({ where: { series } }))?.last ?? 0;
    expect(await recordEdition(national, forwardedId!, 5)).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
    expect((await db.diplomaNumberCounter.findUnique({ where: { series } }))?.last ?? 0).toBe(before);
  });
});

describe("pièces justificatives", () => {
  test("the centre validates, or refuses with a reason the learner reads", async () => {
    const { requestId, analysisId, agent, actor } = await scene();
    const [cv, attestation] = await db.requestDocument.findMany({ where: { requestId: analysisId }, orderBy: { category: "asc" } });
    expect(await reviewDocument(agent, cv!.id, "VALIDATED")).toEqual({ ok: true, status: "VALIDATED" });
    expect(await reviewDocument(agent, attestation!.id, "REFUSED", "  ")).toMatchObject({ ok: false, code: "MISSING_COMMENT", fieldErrors: { reason: expect.any(String) } });
    expect(await reviewDocument(agent, attestation!.id, "REFUSED", "Attestation non signée.")).toEqual({ ok: true, status: "REFUSED" });
    expect(await db.requestDocument.findUniqueOrThrow({ where: { id: attestation!.id } })).toMatchObject({ status: "REFUSED", statusReason: "Attestation non signée.", reviewedById: agent.id });
    expect((await getRequestForViewer(actor, requestId))?.linked?.documents.find((d) => d.id === attestation!.id)).toMatchObject({ status: "REFUSED", statusReason: "Attestation non signée." });
    expect(await auditRows(analysisId)).toEqual([
      { actorId: agent.id, actorRole: "AGENT_CENTRE", action: "document.review", requestId: analysisId, ip: IP, details: { documentId: cv!.id, status: "VALIDATED" } },
      { actorId: agent.id, actorRole: "AGENT_CENTRE", action: "document.review", requestId: analysisId, ip: IP, details: { documentId: attestation!.id, status: "REFUSED", reason: "Attestation non signée." } },
    ]);
    expect(await db.auditLog.findFirst({ where: { action: "document.review", targetId: cv!.id } })).toMatchObject({ targetType: "document" });
  });

  test("by the request's centre while it instructs, by the national level once forwarded; nobody else", async () => {
    const { analysisId, agent, otherCentre, national, admin, actor } = await scene();
    const document = await db.requestDocument.findFirstOrThrow({ where: { requestId: analysisId } });
    expect(await reviewDocument(otherCentre, document.id, "VALIDATED")).toEqual(notFound);
    expect(await reviewDocument(national, document.id, "VALIDATED")).toEqual(notFound);
    expect(await reviewDocument(admin, document.id, "VALIDATED")).toEqual(notFound);
    expect(await reviewDocument({ ...actor, ip: IP }, document.id, "VALIDATED")).toEqual(notFound);
    expect(await reviewDocument(agent, "cl_inexistant", "VALIDATED")).toEqual(notFound);
    expect(await reviewDocument(agent, document.id, "PERDU" as "VALIDATED")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    await forwarded(agent, analysisId);
    expect(await reviewDocument(agent, document.id, "VALIDATED")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reviewDocument(national, document.id, "REFUSED", "Illisible.")).toEqual({ ok: true, status: "REFUSED" });
  });
});

describe("messages", () => {
  test("the learner and the centre write to each other; only staff messages are audited", async () => {
    const { requestId, agent, actor } = await scene();
    const fromLearner = await postMessage(actor, requestId, "  Bonjour, mon attestation arrive la semaine prochaine.  ");
    expect(fromLearner).toMatchObject({ ok: true, messageId: expect.any(String) });
    const fromAgent = await postMessage(agent, requestId, "Merci, nous l'attendons.");
    if (!fromAgent.ok || !fromLearner.ok) throw new Error("message refused");
    const detail = await getRequestForViewer(actor, requestId);
    expect(detail?.request.messages.map((m) => m.body)).toEqual(["Bonjour, mon attestation arrive la semaine prochaine.", "Merci, nous l'attendons."]);
    expect(await auditRows(requestId)).toEqual([
      { actorId: agent.id, actorRole: "AGENT_CENTRE", action: "request.message", requestId, ip: IP, details: { messageId: fromAgent.messageId } },
    ]);
  });

  test("1 to 5000 characters", async () => {
    const { requestId, agent } = await scene();
    expect(await postMessage(agent, requestId, "   ")).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: expect.any(String) } });
    expect(await postMessage(agent, requestId, "é".repeat(5001))).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: expect.any(String) } });
    expect(await postMessage(agent, requestId, "é".repeat(5000))).toMatchObject({ ok: true });
  });

  test("nobody else writes: another learner, another centre, the admin, the national level before forwarding", async () => {
    const { requestId, otherCentre, national, admin } = await scene();
    const other = await createLearner();
    for (const someone of [other.actor, otherCentre, national, admin]) expect(await postMessage(someone, requestId, "Bonjour")).toEqual(notFound);
    expect(await db.requestMessage.count({ where: { requestId } })).toBe(0);
  });
});

describe("two agents at once", () => {
  test("on one request: exactly one wins, the other is told it changed, nothing is overwritten", async () => {
    const { analysisId, agent, colleague } = await scene();
    await takeInCharge(agent, analysisId, 2);
    const results = await Promise.all([
      askForCorrection(agent, analysisId, 3, "Ajoutez votre fiche de poste."),
      refuseRequest(colleague, analysisId, 3, "Expérience insuffisante."),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "STALE_VERSION", message: STALE_MESSAGE });
    const state = (await current(analysisId)).state;
    expect(winners[0]).toMatchObject({ state, version: 4 });
    const events = await db.requestEvent.findMany({ where: { requestId: analysisId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["SUBMITTED", "IN_REVIEW", state]);
    expect(await auditRows(analysisId)).toHaveLength(2);
  });

  test("an action on the version seen before someone else's change is refused", async () => {
    const { requestId, agent, colleague } = await scene();
    await takeInCharge(agent, requestId, 2);
    expect(await assignRequest(colleague, requestId, 2, colleague.id)).toMatchObject({ ok: false, code: "STALE_VERSION", message: STALE_MESSAGE });
    expect((await current(requestId)).assignedAgentId).toBe(agent.id);
  });
});

describe("bulk actions", () => {
  test("each item in its own transaction: valid, stale and foreign items each get their own answer", async () => {
    const a = await scene();
    const b = await submitJointDiplomaRequest();
    const foreign = await submitJointDiplomaRequest({ centreCode: OTHER_CENTRE });
    const results = await bulkApply(
      a.agent,
      [
        { requestId: a.requestId, expectedVersion: 2 },
        { requestId: b.requestId, expectedVersion: 1 },
        { requestId: foreign.requestId, expectedVersion: 2 },
        { requestId: a.analysisId, expectedVersion: 2 },
      ],
      { type: "takeInCharge" },
    );
    expect(results).toEqual([
      { requestId: a.requestId, result: { ok: true, state: "IN_REVIEW", version: 3 } },
      { requestId: b.requestId, result: { ok: false, code: "STALE_VERSION", message: STALE_MESSAGE } },
      { requestId: foreign.requestId, result: notFound },
      { requestId: a.analysisId, result: { ok: true, state: "IN_REVIEW", version: 3 } },
    ]);
    expect(await current(b.requestId)).toMatchObject({ state: "SUBMITTED", assignedAgentId: null });
    expect(await current(foreign.requestId)).toMatchObject({ state: "SUBMITTED", assignedAgentId: null });
    expect(await db.auditLog.count({ where: { actorId: a.agent.id } })).toBe(2);
  });

  test("assign and forward in bulk", async () => {
    const a = await scene();
    const assigned = await bulkApply(a.agent, [{ requestId: a.requestId, expectedVersion: 2 }, { requestId: a.analysisId, expectedVersion: 2 }], { type: "assign", assigneeId: a.colleague.id });
    expect(assigned.map((item) => item.result.ok)).toEqual([true, true]);
    const sent = await bulkApply(a.colleague, [{ requestId: a.requestId, expectedVersion: 3 }, { requestId: a.analysisId, expectedVersion: 3 }], { type: "forward", opinion: "RESERVED", comment: "Avis réservé : expérience courte." });
    expect(sent.map((item) => item.result)).toEqual([expect.objectContaining({ ok: true, state: "FORWARDED" }), expect.objectContaining({ ok: true, state: "FORWARDED" })]);
    const refused = await bulkApply(a.colleague, [{ requestId: a.requestId, expectedVersion: 4 }], { type: "forward", opinion: "RESERVED", comment: "" });
    expect(refused[0]!.result).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
  });

  test("editions in bulk are numbered in the order of the list", async () => {
    const national = await staff("AGENT_NATIONAL");
    const ids = await insertDiplomaRequests(3, "VALIDATED");
    const results = await bulkApply(national, [...ids.map((requestId) => ({ requestId, expectedVersion: 5 })), { requestId: ids[0]!, expectedVersion: 5 }], { type: "recordEdition" });
    const numbers = results.slice(0, 3).map((item) => (item.result.ok ? Number(item.result.diplomaNumber?.split("-")[1]) : NaN));
    expect(numbers[1]! - numbers[0]!).toBe(1);
    expect(numbers[2]! - numbers[1]!).toBe(1);
    expect(results[3]!.result).toMatchObject({ ok: false, code: "STALE_VERSION" });
  });

  test(`at most ${MAX_BULK_ITEMS} items: beyond, nothing is done`, async () => {
    const a = await scene();
    const items = Array.from({ length: MAX_BULK_ITEMS + 1 }, () => ({ requestId: a.requestId, expectedVersion: 2 }));
    const results = await bulkApply(a.agent, items, { type: "takeInCharge" });
    expect(results).toHaveLength(MAX_BULK_ITEMS + 1);
    expect(results.every((item) => !item.result.ok && item.result.code === "INVALID_INPUT")).toBe(true);
    expect(await current(a.requestId)).toMatchObject({ state: "SUBMITTED", version: 2 });
  });
});

describe("staffRequestContext", () => {
  test("results with titles, eligibility, colleagues of the centre and the actions open now", async () => {
    const { requestId, agent, colleague, otherCentre } = await scene();
    const context = await staffRequestContext(agent, requestId);
    expect(context?.results).toHaveLength(10);
    expect(context?.results.find((r) => r.unitCode === "ANG320")).toMatchObject({ title: expect.any(String), grade: 12, obtainedBy: "PASSED" });
    expect(context?.eligibility).toMatchObject({ allUnitsObtained: true, experience: { state: "missing" } });
    expect(context?.experienceRequirementMet).toBe(false);
    const colleagueIds = context?.colleagues.map((c) => c.id);
    expect(colleagueIds).toEqual(expect.arrayContaining([agent.id, colleague.id]));
    expect(colleagueIds).not.toContain(otherCentre.id);
    expect(context?.availableActions.sort()).toEqual(["assign", "postMessage", "reviewDocument", "takeInCharge", "view"]);

    await takeInCharge(agent, requestId, 2);
    expect((await staffRequestContext(agent, requestId))?.availableActions.sort()).toEqual(["askForCorrection", "assign", "forward", "postMessage", "refuse", "reviewDocument", "view"]);
  });

  test("null for whoever may not see the request", async () => {
    const { requestId, otherCentre, national, admin, actor } = await scene();
    for (const someone of [otherCentre, national, admin, actor]) expect(await staffRequestContext(someone, requestId)).toBeNull();
    expect(await staffRequestContext(otherCentre, "cl_inexistant")).toBeNull();
  });

  test("the national level gets no colleagues to assign to and only its own actions", async () => {
    const { analysisId, agent, national } = await scene();
    await forwarded(agent, analysisId);
    const context = await staffRequestContext(national, analysisId);
    expect(context?.colleagues).toEqual([]);
    expect(context?.experienceRequirementMet).toBeNull();
    expect(context?.availableActions.sort()).toEqual(["askForCorrection", "decideExperience", "postMessage", "refuse", "reviewDocument", "view"]);
  });
});
