/**
 * Data of the browser tests of issue 11 (tests/e2e/issue-11-rules.spec.ts), made through the real
 * use cases on the database named by DATABASE_URL:
 *   joint <identifier> <centre>   a learner with every unit of the licence, its joint request submitted → {"id","analysisId"}
 *   refuse <request id>           the centre takes the request in charge and refuses it with a reason
 *   beginner <identifier>         a learner with three units of the licence (an anticipated analysis to come)
 * The year of history for the usual durations is seeded by tests/support/e2e-issue-11-seed.ts.
 */
import { db } from "../../lib/shared/db";
import { hashPassword } from "../../lib/auth/password-hash";
import { saveExperience, startRequest, submitRequest } from "../../lib/requests/learner-requests";
import { runStaffCommand } from "../../lib/requests/staff-requests";
import { requestEvents } from "../../lib/shared/events";
import { E2E_PASSWORD } from "../e2e/env";
import { EXPERIENCE_INPUT, addDocumentRows } from "./requests";
import { REFUSAL_REASON } from "./e2e-issue-11-seed";

/** A learner with hugo.roux's profile and some of his results (all of them by default), in `centreCode`. */
async function createLearner(identifier: string, centreCode: string, units?: number): Promise<{ id: string }> {
  const model = await db.user.findUniqueOrThrow({ where: { identifier: "hugo.roux.auditeur" }, select: { results: true, profile: true } });
  const { userId: _userId, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...profile } = model.profile!;
  const [first = "e2e", last = "test"] = identifier.split(".");
  const results = units === undefined ? model.results : model.results.slice(0, units);
  return db.user.create({
    data: {
      identifier,
      displayName: `${first} ${last}`,
      email: `${first}.${last}@e2e.d3.localhost`,
      passwordHash: await hashPassword(E2E_PASSWORD),
      role: "AUDITEUR",
      profile: { create: { ...profile, centreCode, email: `${first}.${last}@e2e.d3.localhost`, learnerNumber: `E2E${Math.floor(Math.random() * 1e9)}` } },
      results: { create: results.map(({ unitCode, year, grade, obtainedBy, centreCode: unitCentre }) => ({ unitCode, year, grade, obtainedBy, centreCode: unitCentre })) },
    },
    select: { id: true },
  });
}

async function joint(identifier: string, centreCode: string): Promise<string> {
  const user = await createLearner(identifier, centreCode);
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
  await createLearner(identifier, "PARIS", 3);
  return "ok";
}

if (require.main === module) {
  const [command, ...args] = process.argv.slice(2);
  const run =
    command === "joint" ? joint(args[0]!, args[1] ?? "PARIS") : command === "refuse" ? refuse(args[0]!) : command === "beginner" ? beginner(args[0]!) : Promise.reject(new Error(`commande inconnue : ${command}`));
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
}
