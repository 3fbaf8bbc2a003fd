/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cleanCentreName } from "@/lib/catalogue/domain/import";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { letterFor } from "@/lib/requests/letters";
import type { ActorCommand } from "@/lib/requests/transition";
import type { RequestEventBus } from "@/lib/shared/events";
import { db } from "@/lib/shared/db";
import { uniqueSuffix } from "../../support/factories";
import { createLearner, createStaff, staffTransition, submitAnticipatedAnalysis } from "../../support/requests";

// @react-pdf/renderer is ESM only: Node's own copy is handed to the code under test (as in letters.test.ts).
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);
jest.setTimeout(60_000);

const workDir = mkdtempSync(path.join(tmpdir(), "d3-centre-names-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");
afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const MIGRATION = path.join("prisma", "migrations", readdirSync(path.join("prisma", "migrations")).find((dir) => dir.endsWith("_clean_centre_names"))!, "migration.sql");

/** Centres named as the catalogue's compilers wrote them, under codes no other test uses. */
async function centresNamed(names: string[]) {
  const centres = names.map((name) => ({ code: `T-${uniqueSuffix().toUpperCase()}`, name, region: "Corse", verified: true }));
  await db.centre.createMany({ data: centres });
  return centres;
}

describe("centre names without the compilers' remarks", () => {
  test("the catalogue imports « Cnam Paris », not « Cnam Paris (site www.cnam-paris.fr) »", async () => {
    await importCatalogue(db, JSON.parse(readFileSync("prisma/data/cnam-catalogue.json", "utf8")));
    expect((await db.centre.findUniqueOrThrow({ where: { code: "PARIS" } })).name).toBe("Cnam Paris");
  });

  test("the data migration cleans the rows imported before, as cleanCentreName does, and keeps other brackets", async () => {
    const names = ["Cnam Paris (site www.cnam-paris.fr)", "Cnam Midi-Pyrénées (historique)", "Guadeloupe (lieu d'enseignement)", "Cnam Bretagne (site https://www.cnam-bretagne.fr/)", "Cnam Provence-Alpes-Côte d'Azur (Cnam PACA)", "Cnam Corse"];
    const centres = await centresNamed(names);
    await db.$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));
    const stored = await db.centre.findMany({ where: { code: { in: centres.map((c) => c.code) } }, select: { code: true, name: true } });
    const byCode = new Map(stored.map((c) => [c.code, c.name]));
    expect(centres.map((c) => byCode.get(c.code))).toEqual(names.map(cleanCentreName));
    expect(centres.map((c) => byCode.get(c.code))).toEqual(["Cnam Paris", "Cnam Midi-Pyrénées", "Guadeloupe", "Cnam Bretagne", "Cnam Provence-Alpes-Côte d'Azur (Cnam PACA)", "Cnam Corse"]);
  });

  test("a centre's refusal letter names the centre cleanly", async () => {
    const [centre] = await centresNamed(["Cnam Essai (site www.cnam-essai.fr)"]);
    await db.$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));
    const learner = await createLearner({ centreCode: centre!.code });
    const started = await submitAnticipatedAnalysis(learner);
    const agent = await createStaff("AGENT_CENTRE", centre!.code);
    for (const command of [{ type: "takeInCharge" }, { type: "refuse", reason: "Les attestations ne couvrent pas les périodes déclarées." }]) {
      const { version } = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { version: true } });
      const result = await staffTransition(agent, started.requestId, { ...command, expectedVersion: version } as ActorCommand);
      if (!result.ok) throw new Error(JSON.stringify(result));
    }
    const last = await db.requestEvent.findFirstOrThrow({ where: { requestId: started.requestId }, orderBy: { id: "desc" }, select: { id: true } });
    const letter = await letterFor(learner.actor, started.requestId, last.id);
    const file = path.join(workDir, "refus.pdf");
    writeFileSync(file, letter!.pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("votre centre d'inscription, Cnam Essai, a refusé");
    expect(text).toContain("Le centre d'inscription Cnam Essai");
    expect(text).not.toMatch(/cnam-essai|\(site/);
  });
});
