/**
 * Acts on the database named by DATABASE_URL the way another instance of the app would, for the
 * browser tests: through the real use cases and the state machine, announcing each change.
 *   submit-joint <learner identifier>                      → prints the diploma request id
 *   transition <staff identifier> <request id> <type> <expected version>
 */
import { db } from "../../lib/shared/db";
import { saveExperience, startRequest, submitRequest } from "../../lib/requests/learner-requests";
import { requestEvents } from "../../lib/shared/events";
import { EXPERIENCE_INPUT, addDocumentRows, staffTransition } from "./requests";
import type { ActorCommand } from "../../lib/requests/transition";

async function submitJoint(identifier: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { identifier } });
  const learner = { id: user.id, role: "AUDITEUR" as const, centreCode: null };
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const draft = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, include: { jointAnalysis: true } });
  await saveExperience(learner, draft.id, EXPERIENCE_INPUT);
  await addDocumentRows(draft.jointAnalysis!.id, user.id);
  const submitted = await submitRequest(learner, draft.id, draft.version);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return JSON.stringify({ id: draft.id, analysisId: draft.jointAnalysis!.id });
}

async function transition(identifier: string, requestId: string, type: string, expectedVersion: string): Promise<string> {
  const staff = await db.user.findUniqueOrThrow({ where: { identifier } });
  const result = await staffTransition({ id: staff.id, role: staff.role, centreCode: staff.centreCode }, requestId, { type, expectedVersion: Number(expectedVersion) } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return "ok";
}

const [command, ...args] = process.argv.slice(2);
const run = command === "submit-joint" ? submitJoint(args[0]!) : command === "transition" ? transition(args[0]!, args[1]!, args[2]!, args[3]!) : Promise.reject(new Error(`commande inconnue : ${command}`));
run
  .then((output) => console.log(output))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await requestEvents().close();
    await db.$disconnect();
  });
