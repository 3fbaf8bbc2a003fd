/**
 * Data of the deposit's browser test (tests/e2e/deposit.spec.ts), made through the real use cases
 * on the database named by DATABASE_URL:
 *   draft <new learner identifier>   a learner with every unit of the licence and a diploma request
 *                                    with its joint analysis ready to deposit (route, one experience,
 *                                    two pièces), not deposited → prints the diploma request's id
 */
import { db } from "../../lib/shared/db";
import { chooseExperienceRoute } from "../../lib/requests/experience-route";
import { saveExperience, startRequest } from "../../lib/requests/learner-requests";
import { createE2eLearner, runCommandLine } from "./e2e-data";
import { EXPERIENCE_INPUT, addDocumentRows } from "./requests";

async function draft(identifier: string): Promise<string> {
  const learner = await createE2eLearner(identifier);
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  const route = await chooseExperienceRoute(learner, started.requestId, "L3");
  if (!route.ok) throw new Error(JSON.stringify(route));
  const saved = await saveExperience(learner, started.requestId, EXPERIENCE_INPUT);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  await addDocumentRows(analysis.id, learner.id);
  return started.requestId;
}

runCommandLine({ draft: (identifier) => draft(identifier!) });
