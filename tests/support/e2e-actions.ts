/**
 * Acts on the database named by DATABASE_URL the way another instance of the app would, for the
 * browser tests: through the real use cases and the state machine, announcing each change.
 *   submit-joint <learner identifier>                      → prints the diploma request id
 *   learner-with-request <new learner identifier>          → a learner of Cnam Paris made for the
 *                                                            test, with a submitted joint request
 *   transition <staff identifier> <request id> <type> <expected version>
 */
import { db } from "../../lib/shared/db";
import { staffTransition } from "./requests";
import { createE2eLearner, runCommandLine, submitJointRequest } from "./e2e-data";
import type { ActorCommand } from "../../lib/requests/transition";

async function submitJoint(identifier: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { identifier } });
  return submitJointRequest({ id: user.id, role: "AUDITEUR", centreCode: null });
}

async function transition(identifier: string, requestId: string, type: string, expectedVersion: string): Promise<string> {
  const staff = await db.user.findUniqueOrThrow({ where: { identifier } });
  const result = await staffTransition({ id: staff.id, role: staff.role, centreCode: staff.centreCode }, requestId, { type, expectedVersion: Number(expectedVersion) } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return "ok";
}

runCommandLine({
  "submit-joint": (identifier) => submitJoint(identifier!),
  "learner-with-request": async (identifier) => submitJointRequest(await createE2eLearner(identifier!)),
  transition: (identifier, requestId, type, expectedVersion) => transition(identifier!, requestId!, type!, expectedVersion!),
});
