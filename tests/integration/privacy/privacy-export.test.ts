/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addDocument } from "@/lib/requests/documents";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import type { ActorCommand, Actor } from "@/lib/requests/transition";
import type { RequestEventBus } from "@/lib/shared/events";
import { db } from "@/lib/shared/db";
import { getCurrentUser } from "@/lib/auth/session";
import { GET as exportRoute } from "@/app/auditeur/mes-donnees/route";
import { EXPERIENCE_INPUT, LICENCE_UNITS, createLearner, createStaff, staffTransition } from "../../support/requests";

// @react-pdf/renderer is ESM only, which Jest's CommonJS runtime cannot load; Node itself can
// (require of ES modules), so the test hands Node's own copy to the code under test.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));
// The first PDF of a file loads @react-pdf/renderer and its fonts: slower than the default 5 s on a busy machine.
jest.setTimeout(30_000);

const workDir = mkdtempSync(path.join(tmpdir(), "d3-export-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const pdfFile = (name: string, text: string) => new File([new TextEncoder().encode(`%PDF-1.4\n${text}\n`)], name, { type: "application/pdf" });

/** A command without its version: `act` reads the current one. */
type StaffCommand = ActorCommand extends infer C ? (C extends ActorCommand ? Omit<C, "expectedVersion"> : never) : never;

async function act(actor: Actor, requestId: string, command: StaffCommand) {
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  const result = await staffTransition(actor, requestId, { ...command, expectedVersion: version } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
}

/** A learner with a deposited diploma request and its joint analysis (decided), a message, and a draft. */
async function learnerWithData(tag: string) {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await saveExperience(learner.actor, started.requestId, { ...EXPERIENCE_INPUT, employer: `Employeur ${tag}` });
  for (const [category, name] of [
    ["CV", `CV ${tag}.pdf`],
    ["EMPLOYER_ATTESTATION", "attestation.pdf"],
    ["OTHER", "attestation.pdf"],
  ] as const) {
    const added = await addDocument(learner.actor, started.requestId, { category, file: pdfFile(name, `contenu ${tag}`) });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const agent = await createStaff("AGENT_CENTRE", learner.centreCode);
  const national = await createStaff("AGENT_NATIONAL");
  await act(agent, analysis.id, { type: "takeInCharge" });
  await act(agent, analysis.id, { type: "forward", opinion: "FAVOURABLE", comment: "Expérience pertinente." });
  await act(national, analysis.id, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } });
  await db.requestMessage.create({ data: { requestId: started.requestId, authorId: agent.id, body: `Message du centre pour ${tag}` } });
  const draft = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
  const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } });
  return { ...learner, agent, profile, numbers: submitted.numbers, draft };
}

const signedIn = (actor: Actor | null) =>
  jest.mocked(getCurrentUser).mockResolvedValue(actor && { ...actor, sessionId: "s", identifier: "x", displayName: "X", profileComplete: true });

let zipCount = 0;
async function download(actor: Actor) {
  signedIn(actor);
  const response = await exportRoute();
  const file = path.join(workDir, `export-${zipCount++}.zip`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n").sort();
  const read = (name: string) => execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
  return { response, file, listing, read, all: () => execFileSync("unzip", ["-p", file], { encoding: "latin1" }) };
}

describe("Télécharger mes données", () => {
  test("one ZIP with the profile, results, each request with its history, messages, documents, receipt and letters, and a LISEZMOI", async () => {
    const mine = await learnerWithData("Alice");
    const other = await learnerWithData("Bruno");
    const { response, listing, read, all } = await download(mine.actor);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mes-donnees-d3-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");

    const [diplomaNumber, analysisNumber] = mine.numbers as [string, string];
    const diploma = `demandes/${diplomaNumber}-diplome`;
    const analysis = `demandes/${analysisNumber}-analyse-experience`;
    expect(listing).toEqual(
      expect.arrayContaining([
        "LISEZMOI.txt",
        "profil.json",
        "resultats.json",
        "notifications.json",
        `${diploma}/demande.json`,
        `${diploma}/historique.json`,
        `${diploma}/messages.json`,
        `${diploma}/recepisse-${diplomaNumber}.pdf`,
        `${analysis}/demande.json`,
        `${analysis}/historique.json`,
        `${analysis}/messages.json`,
        `${analysis}/pieces-justificatives/CV Alice.pdf`,
        `${analysis}/pieces-justificatives/attestation.pdf`,
        `${analysis}/pieces-justificatives/attestation (2).pdf`,
        `${analysis}/courriers/courrier-${analysisNumber}-avis-favorable.pdf`,
      ]),
    );
    expect(mine.draft?.ok).toBe(true);
    expect(listing.filter((name) => /^demandes\/brouillon-\d{4}-\d{2}-\d{2}-analyse-experience-\w{6}\/demande\.json$/.test(name))).toHaveLength(1);

    const profile = JSON.parse(read("profil.json"));
    expect(profile.profil).toMatchObject({ numeroAuditeur: mine.profile.learnerNumber, adresseElectronique: mine.profile.email, courrielPourChaqueMessage: true });
    expect(JSON.parse(read("resultats.json"))).toHaveLength(LICENCE_UNITS.length);
    const request = JSON.parse(read(`${analysis}/demande.json`));
    expect(request.experiences[0].employeur).toBe("Employeur Alice");
    expect(request.piecesJustificatives.map((d: { fichier: string }) => d.fichier)).toEqual([
      "pieces-justificatives/CV Alice.pdf",
      "pieces-justificatives/attestation.pdf",
      "pieces-justificatives/attestation (2).pdf",
    ]);
    expect(read(`${analysis}/pieces-justificatives/CV Alice.pdf`)).toBe("%PDF-1.4\ncontenu Alice\n");
    expect(JSON.parse(read(`${diploma}/messages.json`))).toEqual([expect.objectContaining({ message: "Message du centre pour Alice" })]);
    const history = JSON.parse(read(`${analysis}/historique.json`));
    expect(history.map((e: { nouvelEtat: string }) => e.nouvelEtat)).toEqual(["Déposée", "En instruction", "Transmise au national / au jury", "Avis favorable"]);
    expect(history[0].par).toBe("Vous");
    expect(history[1].par).toBe("Gestionnaire de centre");
    expect(read("LISEZMOI.txt")).toContain("VOS DONNÉES DANS D3");

    // Nothing of the other learner.
    const everything = all();
    for (const foreign of [other.profile.learnerNumber, other.profile.email, "Bruno", other.numbers[0]!]) {
      expect(everything).not.toContain(foreign);
      expect(listing.join("\n")).not.toContain(foreign);
    }
  }, 30_000);

  test("401 when anonymous, 403 for staff", async () => {
    signedIn(null);
    expect((await exportRoute()).status).toBe(401);
    signedIn(await createStaff("AGENT_CENTRE", "PARIS"));
    expect((await exportRoute()).status).toBe(403);
  });

  test("a learner with no request gets a ZIP all the same", async () => {
    const learner = await createLearner();
    const { response, listing, read } = await download(learner.actor);
    expect(response.status).toBe(200);
    expect(listing).toEqual(["LISEZMOI.txt", "notifications.json", "profil.json", "resultats.json"]);
    expect(read("LISEZMOI.txt")).toContain("Vous n'avez aucune demande.");
  });
});
