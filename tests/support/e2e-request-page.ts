/**
 * Data of the browser test of the request pages' order and titles (tests/e2e/request-page.spec.ts),
 * made through the real use cases on the database named by DATABASE_URL:
 *   draft <identifier>        a learner's diploma request + joint analysis, filled, not deposited → {"id"}
 *   submitted <identifier>    the same, deposited → {"id","analysisId"}
 *   correction <identifier>   deposited, then the centre asks for a complement on the diploma request → {"id","analysisId"}
 *   decided <identifier>      deposited, both forwarded, the jury's favourable opinion on the analysis → {"id","analysisId"}
 */
import { db } from "../../lib/shared/db";
import { saveExperience, startRequest } from "../../lib/requests/learner-requests";
import { createE2eLearner, runAsStaff, runCommandLine, submitJointRequest } from "./e2e-data";
import { EXPERIENCE_INPUT, addDocumentRows } from "./requests";

async function draft(identifier: string): Promise<string> {
  const learner = await createE2eLearner(identifier);
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await saveExperience(learner, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(analysis.id, learner.id);
  return JSON.stringify({ id: started.requestId });
}

async function submitted(identifier: string): Promise<string> {
  return submitJointRequest(await createE2eLearner(identifier));
}

async function correction(identifier: string): Promise<string> {
  const made = await submitted(identifier);
  const { id } = JSON.parse(made) as { id: string };
  await runAsStaff("sophie.bernard", { type: "takeInCharge", requestId: id });
  await runAsStaff("sophie.bernard", { type: "askForCorrection", requestId: id, comment: "Joignez la copie de votre diplôme de baccalauréat." });
  return made;
}

async function decided(identifier: string): Promise<string> {
  const made = await submitted(identifier);
  const { id, analysisId } = JSON.parse(made) as { id: string; analysisId: string };
  for (const requestId of [id, analysisId]) {
    await runAsStaff("sophie.bernard", { type: "takeInCharge", requestId });
    await runAsStaff("sophie.bernard", { type: "forward", requestId, opinion: "FAVOURABLE", comment: "Dossier complet." });
  }
  await runAsStaff("claire.moreau", { type: "decideExperience", requestId: analysisId, outcome: "FAVOURABLE", units: ["UAAL0T"] });
  return made;
}

if (require.main === module) {
  runCommandLine({
    draft: (identifier) => draft(identifier!),
    submitted: (identifier) => submitted(identifier!),
    correction: (identifier) => correction(identifier!),
    decided: (identifier) => decided(identifier!),
  });
}
