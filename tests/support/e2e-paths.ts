/**
 * Data of the browser tests of issue 11's paths (tests/e2e/issue-11-paths.spec.ts), made through the
 * real use cases on the database named by DATABASE_URL, with real files in STORAGE_DIR:
 *   joint <identifier>                     every unit of the licence; diploma request + joint analysis submitted → {"id","analysisId"}
 *   anticipated <identifier> <diploma>     three units; an anticipated analysis submitted → {"id"}
 *   units <identifier>                     gives the learner every unit of the licence
 *   refuse <request id>                    the centre takes the request in charge and refuses it
 *   forward <request id>                   the centre takes the request in charge and forwards it
 *   decide <analysis id> <outcome> [units] the national level decides (FAVOURABLE_WITH_CONDITION: 4 months)
 */
import { db } from "../../lib/shared/db";
import { saveFile } from "../../lib/shared/storage";
import { chooseExperienceRoute } from "../../lib/requests/experience-route";
import { saveExperience, startRequest, submitRequest } from "../../lib/requests/learner-requests";
import { createE2eLearner, runAsStaff, runCommandLine } from "./e2e-data";
import { EXPERIENCE_INPUT } from "./requests";
import { PATHS_REFUSAL, PATHS_UNFAVOURABLE } from "./e2e-paths-texts";


/** The experience, the route (licence) and two real PDF files on the analysis of `requestId`. */
async function fill(learner: { id: string; role: "AUDITEUR"; centreCode: null }, requestId: string, analysisId: string, diplomaKey: string) {
  if (diplomaKey === "LG02501A") await chooseExperienceRoute(learner, requestId, "L3");
  await saveExperience(learner, requestId, EXPERIENCE_INPUT);
  for (const category of ["CV", "EMPLOYER_ATTESTATION"] as const) {
    const bytes = new TextEncoder().encode(`%PDF-1.4\n${category}\n%%EOF\n`);
    const saved = await saveFile(bytes);
    await db.requestDocument.create({
      data: { requestId: analysisId, category, originalName: `${category.toLowerCase()}.pdf`, storageKey: saved.storageKey, mimeType: "application/pdf", size: saved.size, sha256: saved.sha256, uploadedById: learner.id },
    });
  }
}

async function submit(learner: { id: string; role: "AUDITEUR"; centreCode: null }, requestId: string) {
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  const submitted = await submitRequest(learner, requestId, version, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
}

async function joint(identifier: string): Promise<string> {
  const learner = await createE2eLearner(identifier);
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await fill(learner, started.requestId, analysis.id, "LG02501A");
  await submit(learner, started.requestId);
  return JSON.stringify({ id: started.requestId, analysisId: analysis.id });
}

async function anticipated(identifier: string, diplomaKey: string): Promise<string> {
  const learner = await createE2eLearner(identifier, { units: 3 });
  const started = await startRequest(learner, diplomaKey, "EXPERIENCE");
  if (!started.ok) throw new Error(started.message);
  await fill(learner, started.requestId, started.requestId, diplomaKey);
  await submit(learner, started.requestId);
  return JSON.stringify({ id: started.requestId });
}

async function units(identifier: string): Promise<string> {
  const model = await db.user.findUniqueOrThrow({ where: { identifier: "hugo.roux.auditeur" }, select: { results: true } });
  const user = await db.user.findUniqueOrThrow({ where: { identifier }, select: { id: true } });
  await db.unitResult.createMany({
    data: model.results.map(({ unitCode, year, grade, obtainedBy, centreCode }) => ({ learnerId: user.id, unitCode, year, grade, obtainedBy, centreCode })),
    skipDuplicates: true,
  });
  return "ok";
}

async function forward(requestId: string): Promise<string> {
  await runAsStaff("sophie.bernard", { type: "takeInCharge", requestId });
  await runAsStaff("sophie.bernard", { type: "forward", requestId, opinion: "FAVOURABLE", comment: "Dossier complet." });
  return "ok";
}

async function refuse(requestId: string): Promise<string> {
  await runAsStaff("sophie.bernard", { type: "takeInCharge", requestId });
  await runAsStaff("sophie.bernard", { type: "refuse", requestId, reason: PATHS_REFUSAL });
  return "ok";
}

async function decide(requestId: string, outcome: string, unitList = ""): Promise<string> {
  const named = unitList ? unitList.split(",") : [];
  const fields =
    outcome === "UNFAVOURABLE"
      ? { outcome, reason: PATHS_UNFAVOURABLE }
      : outcome === "FAVOURABLE_WITH_CONDITION"
        ? { outcome, internshipMonths: "4", conditionText: "Stage de 4 mois en développement logiciel.", units: named }
        : { outcome, units: named };
  await runAsStaff("claire.moreau", { type: "decideExperience", requestId, ...fields });
  return "ok";
}

if (require.main === module) {
  runCommandLine({
    joint: (identifier) => joint(identifier!),
    anticipated: (identifier, diplomaKey) => anticipated(identifier!, diplomaKey ?? "LG02501A"),
    units: (identifier) => units(identifier!),
    refuse: (requestId) => refuse(requestId!),
    forward: (requestId) => forward(requestId!),
    decide: (requestId, outcome, unitList) => decide(requestId!, outcome!, unitList),
  });
}
