/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { completeProfile } from "@/lib/profile/complete-profile";
import { addDocument } from "@/lib/requests/documents";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { receiptPdf } from "@/lib/requests/receipt";
import type { Actor } from "@/lib/requests/transition";
import type { RequestEventBus } from "@/lib/shared/events";
import { db } from "@/lib/shared/db";
import { getCurrentUser } from "@/lib/auth/session";
import { GET as receiptRoute } from "@/app/demandes/[id]/recepisse/route";
import { createUser, ensureCentre, validProfileInput } from "../../support/factories";
import { ensureCatalogue, LICENCE_UNITS } from "../../support/requests";
import { internalCodesIn } from "../../support/plain-words";

// @react-pdf/renderer is ESM only, which Jest's CommonJS runtime cannot load; Node itself can
// (require of ES modules), so the test hands Node's own copy to the code under test.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));

const workDir = mkdtempSync(path.join(tmpdir(), "d3-receipt-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");

const LICENCE = "LG02501A";
// 14 h 30 in Paris (winter time, UTC+1).
const SUBMITTED_AT = new Date("2026-03-12T13:30:00Z");

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The text a reader of the PDF gets, as poppler extracts it, with runs of spaces made one. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

const pdfFile = (name: string, size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  return new File([bytes], name, { type: "application/pdf" });
};

/** A diploma request with its joint analysis, deposited through the real use cases. */
async function depositedRequest() {
  await ensureCatalogue();
  await ensureCentre("PARIS");
  const user = await createUser();
  const learnerNumber = `RC${Date.now().toString().slice(-8)}`;
  const profile = validProfileInput({ birthName: "Lefèvre", usageName: "Dupré", firstNames: "Zoé Hélène", birthDate: "1990-05-17", learnerNumber, centreCode: "PARIS" });
  expect(await completeProfile(user.id, profile)).toEqual({ ok: true });
  await db.unitResult.createMany({ data: LICENCE_UNITS.map((unitCode) => ({ learnerId: user.id, unitCode, year: 2024, grade: 13, obtainedBy: "PASSED" as const })) });
  const learner: Actor = { id: user.id, role: "AUDITEUR", centreCode: null };

  const started = await startRequest(learner, LICENCE, "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const experiences = [
    { employer: "Société Générale", jobTitle: "Développeuse full-stack", startDate: "2019-09-01", endDate: "2022-08-31", workingTimePercent: "100", inField: "oui" },
    { employer: "Crédit Agricole", jobTitle: "Chargée d'études", startDate: "2022-09-01", endDate: "2023-08-31", workingTimePercent: "50", inField: "non" },
  ];
  for (const experience of experiences) {
    const saved = await saveExperience(learner, started.requestId, { ...experience, activities: "Conception, développement et maintenance d'applications de gestion." });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  for (const [category, file] of [
    ["CV", pdfFile("CV Zoé Dupré.pdf", 1.5 * 1024 * 1024)],
    ["EMPLOYER_ATTESTATION", pdfFile("Attestation employeur – Société Générale.pdf", 240 * 1024)],
  ] as const) {
    const added = await addDocument(learner, started.requestId, { category, file });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  const diploma = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { version: true, jointAnalysis: { select: { id: true } } } });
  const submitted = await submitRequest(learner, started.requestId, diploma.version, { certified: true }, SUBMITTED_AT);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { learner, learnerNumber, diplomaId: started.requestId, analysisId: diploma.jointAnalysis!.id, numbers: submitted.numbers };
}

describe("récépissé de dépôt", () => {
  test("it shows the numbers, the learner, the diploma, the experiences with their FTE total, and the documents", async () => {
    const { learner, learnerNumber, diplomaId, numbers } = await depositedRequest();
    expect(numbers).toHaveLength(2);
    const receipt = await receiptPdf(learner, diplomaId);
    expect(receipt?.fileName).toBe(`recepisse-${numbers[0]}.pdf`);
    expect(receipt!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(receipt!.pdf, "receipt.pdf");

    for (const expected of [
      "Récépissé de dépôt",
      `N° ${numbers[0]} Demande de délivrance de diplôme`,
      `N° ${numbers[1]} Demande d'analyse de l'expérience professionnelle – analyse conjointe à la demande de diplôme`,
      "Déposée le 12 mars 2026 à 14 h 30 (heure de Paris)",
      "Madame Zoé Hélène DUPRÉ",
      "Nom de naissance LEFÈVRE",
      `Numéro d'auditeur ${learnerNumber}`,
      "Date de naissance 17/05/1990",
      "Centre d'inscription Cnam Paris",
      `Code ${LICENCE}`,
      "Intitulé Licence informatique (niveau L3 transcrit)",
      "1. Société Générale — Développeuse full-stack",
      "Du 01/09/2019 au 31/08/2022 · temps de travail 100 % (temps plein) · dans la spécialité du diplôme",
      "2. Crédit Agricole — Chargée d'études",
      "Du 01/09/2022 au 31/08/2023 · temps de travail 50 % · hors de la spécialité du diplôme",
      "Durée en équivalent temps plein : 3 ans dans la spécialité, 6 mois hors spécialité, soit 3 ans et 6 mois au total.",
      "Curriculum vitae CV Zoé Dupré.pdf (1,5 Mo)",
      "Attestation d'employeur ou certificat de travail Attestation employeur – Société Générale.pdf (240 Ko)",
      "Ce récépissé atteste du dépôt de la demande ; il ne vaut pas décision.",
    ]) {
      expect(text).toContain(expected);
    }
    // Issue 13: no code of the application (states, kinds, modes) nor English word in the PDF.
    expect(internalCodesIn(text)).toEqual([]);
  });

  test("the same receipt for the diploma request and its joint analysis, identical when rendered again", async () => {
    const { learner, diplomaId, analysisId, numbers } = await depositedRequest();
    const first = await receiptPdf(learner, diplomaId);
    const again = await receiptPdf(learner, diplomaId);
    const fromAnalysis = await receiptPdf(learner, analysisId);
    expect(fromAnalysis?.fileName).toBe(`recepisse-${numbers[0]}.pdf`);
    const text = pdfText(first!.pdf, "first.pdf");
    expect(pdfText(again!.pdf, "again.pdf")).toBe(text);
    expect(pdfText(fromAnalysis!.pdf, "analysis.pdf")).toBe(text);
  });

  test("only for those who may see the request, and never for a draft", async () => {
    const { diplomaId } = await depositedRequest();
    const stranger = await createUser();
    const agent = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
    const admin = await createUser({ role: "ADMIN" });
    expect(await receiptPdf({ id: stranger.id, role: "AUDITEUR", centreCode: null }, diplomaId)).toBeNull();
    expect(await receiptPdf({ id: admin.id, role: "ADMIN", centreCode: null }, diplomaId)).toBeNull();
    expect(await receiptPdf({ id: agent.id, role: "AGENT_CENTRE", centreCode: "PARIS" }, diplomaId)).not.toBeNull();
    expect(await receiptPdf({ id: agent.id, role: "AGENT_CENTRE", centreCode: "PARIS" }, "c-does-not-exist")).toBeNull();

    const drafting = await createUser();
    expect(await completeProfile(drafting.id, validProfileInput({ centreCode: "PARIS" }))).toEqual({ ok: true });
    const draftLearner: Actor = { id: drafting.id, role: "AUDITEUR", centreCode: null };
    const draft = await startRequest(draftLearner, LICENCE, "EXPERIENCE");
    if (!draft.ok) throw new Error(draft.message);
    expect(await receiptPdf(draftLearner, draft.requestId)).toBeNull();
  });
});

describe("GET /demandes/[id]/recepisse", () => {
  const get = (requestId: string) => receiptRoute(new Request(`http://localhost/demandes/${requestId}/recepisse`), { params: Promise.resolve({ id: requestId }) });
  const signedIn = (actor: Actor | null) =>
    jest.mocked(getCurrentUser).mockResolvedValue(actor && { ...actor, sessionId: "s", identifier: "x", displayName: "X", profileComplete: true });

  test("401 when anonymous, 404 when not visible, the PDF as an attachment named after the number otherwise", async () => {
    const { learner, analysisId, numbers } = await depositedRequest();
    signedIn(null);
    expect((await get(analysisId)).status).toBe(401);
    const stranger = await createUser();
    signedIn({ id: stranger.id, role: "AUDITEUR", centreCode: null });
    expect((await get(analysisId)).status).toBe(404);

    signedIn(learner);
    const response = await get(analysisId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="recepisse-${numbers[0]}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(pdf.byteLength));
    expect(pdfText(pdf, "route.pdf")).toContain(numbers[1]);
  });
});
