/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decisionEvents, letterContentFor, letterFor, letterPdfSize } from "@/lib/requests/letters";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import type { ActorCommand, Actor } from "@/lib/requests/transition";
import type { RequestEventBus } from "@/lib/shared/events";
import { db } from "@/lib/shared/db";
import { log } from "@/lib/shared/log";
import { getCurrentUser } from "@/lib/auth/session";
import { getRequestForViewer } from "@/lib/requests/queries";
import { GET as letterRoute } from "@/app/demandes/[id]/lettres/[eventId]/route";
import { createUser } from "../../support/factories";
import { statementsOf } from "../../support/query-count";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner, createStaff, staffTransition, submitAnticipatedAnalysis } from "../../support/requests";

// @react-pdf/renderer is ESM only, which Jest's CommonJS runtime cannot load; Node itself can
// (require of ES modules), so the test hands Node's own copy to the code under test.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));
// The first PDF of a file loads @react-pdf/renderer and its fonts: slower than the default 5 s on a busy machine.
jest.setTimeout(30_000);

const workDir = mkdtempSync(path.join(tmpdir(), "d3-letters-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");

const LICENCE = "LG02501A";
// 10 h 15 in Paris on 3 June 2026 (summer time, UTC+2), but 08:15 UTC: the date is Paris's.
const DECIDED_AT = new Date("2026-06-02T22:15:00Z");

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

let fileCount = 0;
/** The text a reader of the PDF gets, as poppler extracts it, with runs of spaces made one. */
function pdfText(pdf: Buffer): string {
  const file = path.join(workDir, `letter-${fileCount++}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** A command without its version: `act` reads the current one. */
type StaffCommand = ActorCommand extends infer C ? (C extends ActorCommand ? Omit<C, "expectedVersion"> : never) : never;

/** A staff change (at the decision's time, if given), through the real state machine. */
async function act(actor: Actor, requestId: string, command: StaffCommand, at?: Date) {
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  const result = await staffTransition(actor, requestId, { ...command, expectedVersion: version } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (at) {
    const last = await db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" }, select: { id: true } });
    await db.requestEvent.update({ where: { id: last.id }, data: { at } });
  }
}

async function lastEventId(requestId: string): Promise<number> {
  return (await db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" }, select: { id: true } })).id;
}

/** A diploma request with its joint analysis, submitted, instructed and forwarded to the national level. */
async function forwardedJoint() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, LICENCE, "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(analysis.id, learner.user.id);
  const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const agent = await createStaff("AGENT_CENTRE", learner.centreCode);
  const national = await createStaff("AGENT_NATIONAL");
  for (const id of [started.requestId, analysis.id]) {
    await act(agent, id, { type: "takeInCharge" });
    await act(agent, id, { type: "forward", opinion: "FAVOURABLE", comment: "Dossier complet, expérience en lien avec le diplôme." });
  }
  return { ...learner, agent, national, diplomaId: started.requestId, analysisId: analysis.id, numbers: submitted.numbers };
}

/** An anticipated analysis alone, forwarded. */
async function forwardedAnticipated() {
  const learner = await createLearner();
  const started = await submitAnticipatedAnalysis(learner);
  const agent = await createStaff("AGENT_CENTRE", learner.centreCode);
  const national = await createStaff("AGENT_NATIONAL");
  await act(agent, started.requestId, { type: "takeInCharge" });
  await act(agent, started.requestId, { type: "forward", opinion: "RESERVED", comment: "Expérience courte." });
  return { ...learner, agent, national, analysisId: started.requestId, number: started.number };
}

const COMMON = ["Conservatoire national des arts et métiers", "Le 3 juin 2026", "Madame Zoé Hélène LEFÈVRE", "3 place de l'Église", "69003 Lyon", "LG02501A – Licence informatique"];

describe("decision letters", () => {
  test("favourable opinion on an anticipated analysis", async () => {
    const { actor, national, analysisId, number } = await forwardedAnticipated();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
    const eventId = await lastEventId(analysisId);
    const letter = await letterFor(actor, analysisId, eventId);
    expect(letter?.fileName).toBe(`courrier-${number}-avis-favorable.pdf`);
    const text = pdfText(letter!.pdf);
    for (const expected of [
      ...COMMON,
      `Demande n° ${number} – Demande d'analyse de l'expérience professionnelle (analyse anticipée)`,
      "Objet : Avis du jury sur votre demande d'analyse de l'expérience professionnelle",
      "Le 3 juin 2026, il a rendu un avis favorable : votre expérience professionnelle satisfait l'exigence d'expérience de ce diplôme.",
      "Quand vous aurez obtenu toutes les unités d'enseignement du diplôme, vous pourrez en demander la délivrance sans nouvelle analyse de votre expérience.",
      "Pour le jury, le service national des diplômes du Cnam",
      `Courrier établi par D3 d'après la décision enregistrée le 3 juin 2026 dans l'historique de la demande ${number}.`,
      `${number} – page 1 / 1`,
    ]) {
      expect(text).toContain(expected);
    }
    const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: actor.id }, select: { learnerNumber: true } });
    expect(text).toContain(`Numéro d'auditeur ${profile.learnerNumber}`);
  });

  test("favourable under condition: the internship months, the condition, and what the joint diploma request waits for", async () => {
    const { actor, national, analysisId, numbers } = await forwardedJoint();
    await act(
      national,
      analysisId,
      { type: "decideExperience", decision: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4, conditionText: "Stage de 4 mois en développement logiciel, en entreprise." } },
      DECIDED_AT,
    );
    const letter = await letterFor(actor, analysisId, await lastEventId(analysisId));
    const text = pdfText(letter!.pdf);
    for (const expected of [
      ...COMMON,
      "(analyse conjointe à la demande de diplôme)",
      "il a rendu un avis favorable sous condition : votre expérience professionnelle sera reconnue après un stage de 4 mois.",
      "Condition fixée par le jury Stage de 4 mois en développement logiciel, en entreprise.",
      "Effectuez le stage demandé, puis transmettez la convention et le rapport de stage à votre centre d'inscription",
      `Votre demande de délivrance de diplôme n° ${numbers[0]} ne pourra être validée qu'une fois cette condition remplie.`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(letter?.fileName).toBe(`courrier-${numbers[1]}-avis-favorable-sous-condition.pdf`);
  });

  test("unfavourable opinion with its reason", async () => {
    const { actor, national, analysisId } = await forwardedAnticipated();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "UNFAVOURABLE", reason: "Les activités décrites ne relèvent pas de l'informatique." } }, DECIDED_AT);
    const text = pdfText((await letterFor(actor, analysisId, await lastEventId(analysisId)))!.pdf);
    expect(text).toContain("il a rendu un avis défavorable : votre expérience professionnelle ne satisfait pas, en l'état, l'exigence d'expérience de ce diplôme.");
    expect(text).toContain("Motif Les activités décrites ne relèvent pas de l'informatique.");
    expect(text).toContain("Votre centre d'inscription peut vous indiquer les suites possibles");
  });

  test("diploma validated after a favourable joint analysis: two letters, listed by decisionEvents", async () => {
    const { actor, national, analysisId, diplomaId, numbers } = await forwardedJoint();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
    await act(national, diplomaId, { type: "validateDiploma" }, new Date("2026-06-10T09:00:00Z"));
    const found = await getRequestForViewer(actor, diplomaId);
    const entries = [...decisionEvents(found!.request), ...decisionEvents(found!.linked!)];
    expect(entries.map((e) => [e.requestId, e.kind])).toEqual([
      [diplomaId, "DIPLOMA_VALIDATED"],
      [analysisId, "EXPERIENCE_FAVOURABLE"],
    ]);
    const favourable = pdfText((await letterFor(actor, analysisId, entries[1]!.eventId))!.pdf);
    expect(favourable).toContain(`Votre demande de délivrance de diplôme n° ${numbers[0]} poursuit son instruction auprès du service national des diplômes`);
    const letter = await letterFor(actor, diplomaId, entries[0]!.eventId);
    expect(letter?.fileName).toBe(`courrier-${numbers[0]}-validation-diplome.pdf`);
    const text = pdfText(letter!.pdf);
    for (const expected of [
      "Le 10 juin 2026",
      "Objet : Validation de votre demande de délivrance de diplôme",
      "Le 10 juin 2026, le service national des diplômes a validé votre demande de délivrance du diplôme LG02501A – Licence informatique",
      "Votre diplôme va maintenant être édité, puis envoyé à votre centre d'inscription, qui vous préviendra pour le retirer.",
      "Ce courrier atteste de la validation ; il ne remplace pas le diplôme.",
      "Le service national des diplômes du Cnam",
    ]) {
      expect(text).toContain(expected);
    }
  });

  test("refusal by the centre, with its reason, signed by the centre", async () => {
    const learner = await createLearner();
    const started = await submitAnticipatedAnalysis(learner);
    const agent = await createStaff("AGENT_CENTRE", learner.centreCode);
    await act(agent, started.requestId, { type: "takeInCharge" });
    await act(agent, started.requestId, { type: "refuse", reason: "Les attestations d'employeur ne couvrent pas les périodes déclarées." }, DECIDED_AT);
    const letter = await letterFor(learner.actor, started.requestId, await lastEventId(started.requestId));
    expect(letter?.fileName).toBe(`courrier-${started.number}-refus.pdf`);
    const text = pdfText(letter!.pdf);
    const centre = (await db.centre.findUniqueOrThrow({ where: { code: learner.centreCode } })).name;
    expect(text).toContain("Objet : Refus de votre demande d'analyse de l'expérience professionnelle");
    expect(text).toContain(`Le 3 juin 2026, votre centre d'inscription, ${centre}, a refusé votre demande d'analyse de l'expérience professionnelle (analyse anticipée)`);
    expect(text).toContain("Motif Les attestations d'employeur ne couvrent pas les périodes déclarées.");
    expect(text).toContain(`Le centre d'inscription ${centre}`);
  });
});

describe("archive and access", () => {
  test("the first download archives the PDF and its words; later ones, and the web version, give them unchanged, even after the learner moved; a lost file is produced again identically", async () => {
    const { actor, national, analysisId } = await forwardedAnticipated();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "UNFAVOURABLE", reason: "Expérience trop courte." } }, DECIDED_AT);
    const eventId = await lastEventId(analysisId);
    expect(await db.generatedLetter.findUnique({ where: { eventId } })).toBeNull();

    const first = await letterFor(actor, analysisId, eventId);
    const row = await db.generatedLetter.findUniqueOrThrow({ where: { eventId } });
    expect(row).toMatchObject({ requestId: analysisId, kind: "EXPERIENCE_UNFAVOURABLE" });
    expect(existsSync(path.join(workDir, "uploads", ...row.storageKey.split("/")))).toBe(true);

    await db.learnerProfile.update({ where: { userId: actor.id }, data: { addressLine: "12 rue Nouvelle", city: "Nantes", postalCode: "44000" } });
    const second = await letterFor(actor, analysisId, String(eventId));
    expect(second!.pdf.equals(first!.pdf)).toBe(true);
    expect(await db.generatedLetter.count({ where: { eventId } })).toBe(1);
    expect(pdfText(second!.pdf)).toContain("3 place de l'Église");
    // Its web version says the same: the words archived with the PDF, not the new address.
    const page = await letterContentFor(actor, analysisId, eventId);
    expect(page!.content.recipient).toContain("3 place de l'Église");
    expect(page!.content.recipient).not.toContain("12 rue Nouvelle");
    expect(page!.pdfSize).toBe(first!.pdf.byteLength);

    // A lost file is produced again from the archived words: the same text, though the learner moved.
    rmSync(path.join(workDir, "uploads", ...row.storageKey.split("/")));
    const logged = jest.spyOn(log, "error");
    const regenerated = await letterFor(actor, analysisId, eventId);
    expect(pdfText(regenerated!.pdf)).toBe(pdfText(first!.pdf));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ storageKey: row.storageKey }), expect.stringContaining("missing or altered"));
    logged.mockRestore();
    const repaired = await db.generatedLetter.findUniqueOrThrow({ where: { eventId } });
    expect(repaired.storageKey).not.toBe(row.storageKey);
    expect((await letterFor(actor, analysisId, eventId))!.pdf.equals(regenerated!.pdf)).toBe(true);
  });

  test("the request page's link gives the archived PDF's size, then gives it again without reading the row or the file; a download that repairs a lost file brings it up to date", async () => {
    const { actor, national, analysisId } = await forwardedAnticipated();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
    const found = await getRequestForViewer(actor, analysisId);
    const [entry] = decisionEvents(found!.request);
    const first = await statementsOf(() => letterPdfSize(found!.request, entry!));
    const archivedPdf = (await letterFor(actor, analysisId, entry!.eventId))!.pdf;
    expect(first.result).toBe(archivedPdf.byteLength);
    expect(first.statements.length).toBeGreaterThan(0);
    const again = await statementsOf(() => letterPdfSize(found!.request, entry!));
    expect(again).toEqual({ result: archivedPdf.byteLength, statements: [] });

    const row = await db.generatedLetter.findUniqueOrThrow({ where: { eventId: entry!.eventId } });
    rmSync(path.join(workDir, "uploads", ...row.storageKey.split("/")));
    const logged = jest.spyOn(log, "error").mockImplementation(() => undefined);
    const repaired = (await letterFor(actor, analysisId, entry!.eventId))!.pdf;
    logged.mockRestore();
    expect(await letterPdfSize(found!.request, entry!)).toBe(repaired.byteLength);
  });

  test("only those who may see the request; only a decision of that very request", async () => {
    const { actor, agent, national, analysisId, diplomaId } = await forwardedJoint();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
    const eventId = await lastEventId(analysisId);
    const stranger = await createLearner();
    const admin = await createUser({ role: "ADMIN" });
    const otherCentre = await createStaff("AGENT_CENTRE", "NOUVELLE-AQUITAINE");

    expect(await letterFor(stranger.actor, analysisId, eventId)).toBeNull();
    expect(await letterFor({ id: admin.id, role: "ADMIN", centreCode: null }, analysisId, eventId)).toBeNull();
    expect(await letterFor(otherCentre, analysisId, eventId)).toBeNull();
    expect(await letterFor(agent, analysisId, eventId)).not.toBeNull();
    expect(await letterFor(national, analysisId, eventId)).not.toBeNull();
    // The event belongs to the analysis, not to the diploma request; a forward is not a decision.
    expect(await letterFor(actor, diplomaId, eventId)).toBeNull();
    const forwardEvent = await db.requestEvent.findFirstOrThrow({ where: { requestId: analysisId, transition: "forward" }, select: { id: true } });
    expect(await letterFor(actor, analysisId, forwardEvent.id)).toBeNull();
    expect(await letterFor(actor, analysisId, "12abc")).toBeNull();
    expect(await letterFor(actor, "c-does-not-exist", eventId)).toBeNull();
  });

  test("GET /demandes/[id]/lettres/[eventId]: 401, 404, or the PDF as an attachment", async () => {
    const { actor, national, analysisId, numbers } = await forwardedJoint();
    await act(national, analysisId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
    const eventId = String(await lastEventId(analysisId));
    const get = (id: string, event: string) => letterRoute(new Request(`http://localhost/demandes/${id}/lettres/${event}`), { params: Promise.resolve({ id, eventId: event }) });
    const signedIn = (who: Actor | null) =>
      jest.mocked(getCurrentUser).mockResolvedValue(who && { ...who, sessionId: "s", identifier: "x", displayName: "X", profileComplete: true });

    signedIn(null);
    expect((await get(analysisId, eventId)).status).toBe(401);
    signedIn((await createLearner()).actor);
    expect((await get(analysisId, eventId)).status).toBe(404);
    signedIn(actor);
    expect((await get(analysisId, "999999999")).status).toBe(404);
    const response = await get(analysisId, eventId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="courrier-${numbers[1]}-avis-favorable.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(pdf.byteLength));
    expect(pdfText(pdf)).toContain("avis favorable");
  });
});
