/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/shared/db";
import type { RequestEventBus } from "@/lib/shared/events";
import { addDocument } from "@/lib/requests/documents";
import { chooseExperienceRoute } from "@/lib/requests/experience-route";
import { resubmitRequest, saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { getRequestForViewer } from "@/lib/requests/queries";
import { postMessage, runStaffCommand } from "@/lib/requests/staff-requests";
import { latestDecision, toneOf } from "@/lib/requests/letters/decision";
import { DEFAULT_APPEAL_TEXT, DEFAULT_SIGNATORY, letterSettings } from "@/lib/requests/letters/settings";
import { letterParagraphs } from "@/lib/requests/letters/wording";
import { letterFor } from "@/lib/requests/letters";
import { assessExperience } from "@/lib/catalogue/domain/experience";
import { evaluateEligibility } from "@/lib/catalogue/domain/eligibility";
import { learnerEligibility } from "@/lib/requests/learner-requests";
import { stepStatistics } from "@/lib/statistics/queries";
import { searchDiplomas } from "@/lib/catalogue/queries";
import { usualDurationFor, MIN_SAMPLES_FOR_CENTRE } from "@/lib/statistics/domain/statistics";
import { checkEnvironment } from "@/lib/shared/env";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner, createStaff, submitAnticipatedAnalysis, submitJointDiplomaRequest } from "../../support/requests";
import { ensureCentre } from "../../support/factories";

// @react-pdf/renderer is ESM only: Node's own copy is handed to the code under test (as in letters.test.ts).
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

jest.setTimeout(60_000);

const workDir = mkdtempSync(path.join(tmpdir(), "d3-issue-11-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");
process.env.CLAMAV_DISABLED = "true";

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = (name: string) => new File([PDF], name, { type: "application/pdf" });

async function versionOf(requestId: string): Promise<number> {
  return (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
}

describe("Scenario F — a correction on a diploma request: the centre names the pieces, the learner sends them on that request, messages carry a file", () => {
  test("the named piece is uploaded on the diploma request itself, and the request goes back only once it is there", async () => {
    const joint = await submitJointDiplomaRequest();
    const agent = await createStaff("AGENT_CENTRE", joint.centreCode);
    expect(await runStaffCommand(agent, { type: "takeInCharge", requestId: joint.requestId, version: await versionOf(joint.requestId) })).toMatchObject({ ok: true });
    const asked = await runStaffCommand(agent, {
      type: "askForCorrection",
      requestId: joint.requestId,
      version: await versionOf(joint.requestId),
      comment: "Merci de joindre une attestation lisible.",
      pieces: ["EMPLOYER_ATTESTATION"],
    });
    expect(asked).toMatchObject({ ok: true });
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: joint.requestId, transition: "askForCorrection" } });
    expect(event.payload).toEqual({ requestedPieces: "EMPLOYER_ATTESTATION" });

    // Not yet: the named piece is missing.
    const early = await resubmitRequest(joint.actor, joint.requestId, await versionOf(joint.requestId));
    expect(early).toMatchObject({ ok: false, missing: ["Joignez la pièce demandée par votre centre : « Attestation d'employeur ou certificat de travail »."] });

    // The upload control of the diploma request: the piece lands on the diploma request, not on its analysis.
    const added = await addDocument(joint.actor, joint.requestId, { category: "EMPLOYER_ATTESTATION", file: pdf("attestation.pdf") });
    expect(added).toMatchObject({ ok: true });
    const row = await db.requestDocument.findUniqueOrThrow({ where: { id: (added as { documentId: string }).documentId } });
    expect(row.requestId).toBe(joint.requestId);

    expect(await resubmitRequest(joint.actor, joint.requestId, await versionOf(joint.requestId))).toEqual({ ok: true });
    expect((await db.request.findUniqueOrThrow({ where: { id: joint.requestId } })).state).toBe("IN_REVIEW");
  });

  test("a message carries one file, checked like a pièce, shown with the message and not among the pièces", async () => {
    const joint = await submitJointDiplomaRequest();
    const refused = await postMessage(joint.actor, joint.requestId, "Voici le document.", new Date(), new File([new TextEncoder().encode("pas un PDF")], "notes.txt"));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { attachment: expect.stringMatching(/ni un PDF, ni une image/) } });
    expect(await db.requestMessage.count({ where: { requestId: joint.requestId } })).toBe(0);

    const sent = await postMessage(joint.actor, joint.requestId, "Voici l'attestation demandée.", new Date(), pdf("attestation-2.pdf"));
    expect(sent).toMatchObject({ ok: true });
    const agent = await createStaff("AGENT_CENTRE", joint.centreCode);
    const seen = await getRequestForViewer({ id: agent.id, role: "AGENT_CENTRE", centreCode: agent.centreCode }, joint.requestId);
    const message = seen?.request.messages.at(-1);
    expect(message?.attachment).toMatchObject({ originalName: "attestation-2.pdf", size: PDF.byteLength });
    expect(seen?.request.documents.map((document) => document.originalName)).not.toContain("attestation-2.pdf");
    // The staff may answer with a file too.
    expect(await postMessage(agent, joint.requestId, "Voici le formulaire à compléter.", new Date(), pdf("formulaire.pdf"))).toMatchObject({ ok: true });
  });
});

describe("Scenario H — a decided request says what was decided, why, what comes next, with its letter", () => {
  test("a refusal's reason, next step and letter are at hand; it is negative, never a success; the letter names its signatory and the appeal routes", async () => {
    const joint = await submitJointDiplomaRequest();
    const agent = await createStaff("AGENT_CENTRE", joint.centreCode);
    await runStaffCommand(agent, { type: "takeInCharge", requestId: joint.requestId, version: await versionOf(joint.requestId) });
    const refused = await runStaffCommand(agent, { type: "refuse", requestId: joint.requestId, version: await versionOf(joint.requestId), reason: "Le relevé de notes fourni ne correspond pas à votre dossier." });
    expect(refused).toMatchObject({ ok: true });

    const found = await getRequestForViewer({ id: joint.user.id, role: "AUDITEUR", centreCode: null }, joint.requestId);
    const decided = found && latestDecision(found.request);
    expect(decided).not.toBeNull();
    expect(toneOf(decided!.decision)).toBe("negative");
    expect(decided!.letter.label).toBe("Refus de la demande");
    const text = letterParagraphs({
      decision: decided!.decision,
      decidedAt: decided!.letter.decidedAt,
      request: { number: found!.request.number!, kind: "DIPLOMA", mode: null },
      linkedNumber: null,
      learner: null,
      centre: found!.request.centre,
      diploma: found!.request.diploma,
      signatory: DEFAULT_SIGNATORY,
      appealText: DEFAULT_APPEAL_TEXT,
    });
    expect(text.detail).toEqual({ label: "Motif", text: "Le relevé de notes fourni ne correspond pas à votre dossier." });
    expect(text.next.join(" ")).toMatch(/nouvelle demande/);
    expect(DEFAULT_APPEAL_TEXT).toMatch(/deux mois/);
    expect(DEFAULT_APPEAL_TEXT).toMatch(/recours gracieux auprès de l'administrateur général du Conservatoire national des arts et métiers/);
    expect(DEFAULT_APPEAL_TEXT).toMatch(/tribunal administratif/);

    // The letter itself: the reason, the agent who signed for the centre's director, the appeal routes.
    const letter = await letterFor({ id: joint.user.id, role: "AUDITEUR", centreCode: null }, joint.requestId, decided!.letter.eventId);
    const file = path.join(workDir, "refus.pdf");
    writeFileSync(file, letter!.pdf);
    const printed = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(printed).toContain("Le relevé de notes fourni ne correspond pas à votre dossier.");
    expect(printed).toContain("Camille Test");
    expect(printed).toContain("Pour le directeur du centre d'inscription");
    expect(printed).toContain("recours gracieux auprès de l'administrateur général du Conservatoire national des arts et métiers");
    expect(printed).toContain("tribunal administratif de Paris");
  });

  test("the signatory and the appeal text are configurable, checked at start with a French message", () => {
    expect(letterSettings({ LETTER_SIGNATORY_NAME: "Marie Durand", LETTER_SIGNATORY_TITLE: "Cheffe du service national des diplômes" }).national).toEqual({
      name: "Marie Durand",
      title: "Cheffe du service national des diplômes",
    });
    expect(letterSettings({}).appealText).toBe(DEFAULT_APPEAL_TEXT);
    expect(checkEnvironment({ LETTER_APPEAL_TEXT: "trop court" })).toEqual([expect.stringMatching(/^LETTER_APPEAL_TEXT : un texte d'au moins 40 caractères/)]);
  });
});

describe("Scenario I — rules: the licence route, out-of-field experience, the engineer's admission rule, Paris dates, incomplete compositions", () => {
  test("the learner chooses the licence route on the analysis; the assessment follows it", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS.slice(0, 3) });
    const started = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
    if (!started.ok) throw new Error(started.message);
    // Eleven months out of the field: no internship route for one day or eleven months.
    const saved = await saveExperience(learner.actor, started.requestId, { ...EXPERIENCE_INPUT, startDate: "2024-01-01", endDate: "2024-11-30", inField: "non" });
    expect(saved).toMatchObject({ ok: true });
    expect(await chooseExperienceRoute(learner.actor, started.requestId, "PARCOURS-INCONNU")).toMatchObject({ ok: false, fieldErrors: { route: "Choisissez votre parcours dans la liste." } });
    expect(await chooseExperienceRoute(learner.actor, started.requestId, "FULL")).toEqual({ ok: true });

    const found = await getRequestForViewer({ id: learner.user.id, role: "AUDITEUR", centreCode: null }, started.requestId);
    expect(found?.request.experienceRoute).toBe("FULL");
    const rule = found!.request.diploma.definition.experience;
    const assessed = assessExperience(found!.request.experiences, rule, { route: found!.request.experienceRoute, early: true });
    expect(assessed).toMatchObject({ ok: true, assessment: { status: "NOT_MET", summary: expect.stringContaining("pour 3 ans requis") } });
    expect(assessExperience(found!.request.experiences, rule)).toMatchObject({ assessment: { status: "ROUTE_NEEDED" } });
  });

  test("an end date of today in Paris is accepted at 00:30 Paris time, when UTC is still the day before", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS.slice(0, 3) });
    const started = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
    if (!started.ok) throw new Error(started.message);
    const saved = await saveExperience(learner.actor, started.requestId, { ...EXPERIENCE_INPUT, endDate: "2026-12-01" }, undefined, new Date("2026-11-30T23:30:00Z"));
    expect(saved).toMatchObject({ ok: true });
  });

  test("a request submitted at 00:30 on 1 January in Paris is numbered in the new year", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS.slice(0, 3) });
    const started = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
    if (!started.ok) throw new Error(started.message);
    await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
    await addDocumentRows(started.requestId, learner.user.id);
    const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true }, new Date("2026-12-31T23:30:00Z"));
    expect(submitted).toMatchObject({ ok: true, numbers: [expect.stringMatching(/^D3-2027-\d{6}$/)] });
  });

  test("CYC9101A, whose composition the catalogue flags as incomplete, opens no online request; the verdict says compositions are to be confirmed", async () => {
    const learner = await createLearner();
    expect(await startRequest(learner.actor, "CYC9101A", "DIPLOMA")).toMatchObject({ ok: false, message: expect.stringMatching(/connue que partiellement/) });
    expect(await startRequest(learner.actor, "CYC9101A", "EXPERIENCE")).toMatchObject({ ok: false });
    const licence = await learnerEligibility(learner.user.id, "LG02501A");
    expect(licence?.verdict.compositionVerified).toBe(false);
    expect(evaluateEligibility(licence!.diploma, []).compositionVerified).toBe(false);
    // The diploma list says it too.
    expect((await searchDiplomas("lg02501a")).find((diploma) => diploma.key === "LG02501A")).toMatchObject({ requestable: true, compositionVerified: false });
  });

  test("an anticipated analysis of an engineer diploma is judged with the 2 years at admission", async () => {
    const learner = await createLearner();
    const eligibility = await learnerEligibility(learner.user.id, "CYC9104A");
    const entries = [{ ...EXPERIENCE_INPUT, startDate: "2021-01-01", endDate: "2022-12-31", workingTimePercent: 100, inField: false }];
    expect(assessExperience(entries, eligibility!.diploma.experience, { early: true })).toMatchObject({ assessment: { status: "MET" } });
    expect(assessExperience(entries, eligibility!.diploma.experience)).toMatchObject({ assessment: { status: "NOT_MET" } });
  });
});

describe("Scenario J — how long a step usually takes, per kind of request and per centre", () => {
  test("diploma requests and analyses are measured apart; a centre with enough history gets its own figure", async () => {
    const centreCode = `J${Date.now().toString(36).toUpperCase()}`;
    await ensureCentre(centreCode);
    const now = new Date();
    const day = 86_400_000;
    // MIN_SAMPLES_FOR_CENTRE diploma requests taken in charge after 2 days, as many analyses after 9 days.
    const learner = await createLearner({ centreCode });
    for (let i = 0; i < MIN_SAMPLES_FOR_CENTRE; i += 1) {
      for (const [kind, days] of [["DIPLOMA", 2], ["EXPERIENCE", 9]] as const) {
        const submittedAt = new Date(now.getTime() - 40 * day + i * 3_600_000);
        const request = await db.request.create({
          data: { kind, mode: kind === "EXPERIENCE" ? "ANTICIPEE" : null, state: "IN_REVIEW", learnerId: learner.user.id, centreCode, diplomaKey: "LG02501A", submittedAt },
        });
        await db.requestEvent.createMany({
          data: [
            { requestId: request.id, at: submittedAt, actorRole: "AUDITEUR", transition: "submit", fromState: "DRAFT", toState: "SUBMITTED" },
            { requestId: request.id, at: new Date(submittedAt.getTime() + days * day), actorRole: "AGENT_CENTRE", transition: "takeInCharge", fromState: "SUBMITTED", toState: "IN_REVIEW" },
          ],
        });
      }
    }
    const { groups } = await stepStatistics(now, { centreCode });
    expect(usualDurationFor(groups, { kind: "DIPLOMA", centreCode, state: "SUBMITTED" })).toBe("En général 2 jours (9 dossiers sur 10 en moins de 3 jours) dans votre centre");
    expect(usualDurationFor(groups, { kind: "EXPERIENCE", centreCode, state: "SUBMITTED" })).toBe("En général 9 jours (9 dossiers sur 10 en moins de 10 jours) dans votre centre");
    // Another centre without history: the national figure of its kind.
    expect(usualDurationFor(groups, { kind: "DIPLOMA", centreCode: "AILLEURS", state: "SUBMITTED" })).toBe("En général 2 jours (9 dossiers sur 10 en moins de 3 jours) pour l'ensemble des centres");
  });
});

// The joint submission helper is used above; the anticipated one keeps its licence path working without a route (not a submission condition).
test("an anticipated licence analysis can still be submitted before the route is chosen", async () => {
  const learner = await createLearner({ units: LICENCE_UNITS.slice(0, 3) });
  await expect(submitAnticipatedAnalysis(learner)).resolves.toMatchObject({ number: expect.stringMatching(/^D3-/) });
});
