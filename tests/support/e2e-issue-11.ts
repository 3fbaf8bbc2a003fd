/**
 * Data of the browser tests of issue 11 (tests/e2e/issue-11-rules.spec.ts), made through the real
 * use cases on the database named by DATABASE_URL:
 *   joint <identifier> <centre>   a learner with every unit of the licence, its joint request submitted → {"id","analysisId"}
 *   refuse <request id>           the centre takes the request in charge and refuses it with a reason
 *   beginner <identifier>         a learner with three units of the licence (an anticipated analysis to come)
 * The year of history for the usual durations is seeded by tests/support/e2e-issue-11-seed.ts.
 */
import { db } from "../../lib/shared/db";
import { runStaffCommand } from "../../lib/requests/staff-requests";
import { createE2eLearner, runCommandLine, submitJointRequest } from "./e2e-data";
import { REFUSAL_REASON } from "./e2e-issue-11-seed";

async function joint(identifier: string, centreCode: string): Promise<string> {
  return submitJointRequest(await createE2eLearner(identifier, { centreCode }));
}

async function refuse(requestId: string): Promise<string> {
  const agent = await db.user.findUniqueOrThrow({ where: { identifier: "sophie.bernard" } });
  const actor = { id: agent.id, role: agent.role, centreCode: agent.centreCode };
  const version = async () => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
  const taken = await runStaffCommand(actor, { type: "takeInCharge", requestId, version: await version() });
  if (!taken.ok) throw new Error(JSON.stringify(taken));
  const refused = await runStaffCommand(actor, { type: "refuse", requestId, version: await version(), reason: REFUSAL_REASON });
  if (!refused.ok) throw new Error(JSON.stringify(refused));
  return "ok";
}

async function beginner(identifier: string): Promise<string> {
  await createE2eLearner(identifier, { units: 3 });
  return "ok";
}

if (require.main === module) {
  runCommandLine({
    joint: (identifier, centreCode) => joint(identifier!, centreCode ?? "PARIS"),
    refuse: (requestId) => refuse(requestId!),
    beginner: (identifier) => beginner(identifier!),
  });
}
