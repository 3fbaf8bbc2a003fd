/**
 * What the browser tests' data scripts share (tests/support/e2e-*.ts, run with tsx on the database
 * named by DATABASE_URL): a learner made from the seed's hugo.roux, a submitted joint diploma
 * request, and the command line around the script's commands.
 */
import { db } from "../../lib/shared/db";
import { hashPassword } from "../../lib/auth/password-hash";
import { saveExperience, startRequest, submitRequest } from "../../lib/requests/learner-requests";
import { runStaffCommand, type StaffCommandData } from "../../lib/requests/staff-requests";
import { requestEvents } from "../../lib/shared/events";
import { E2E_PASSWORD } from "../e2e/env";
import { EXPERIENCE_INPUT, addDocumentRows } from "./requests";

/** A learner with hugo.roux's profile and some of his results (all of them by default), password E2E_PASSWORD. */
export async function createE2eLearner(identifier: string, options: { centreCode?: string; units?: number } = {}): Promise<{ id: string; role: "AUDITEUR"; centreCode: null }> {
  const model = await db.user.findUniqueOrThrow({ where: { identifier: "hugo.roux.auditeur" }, select: { results: true, profile: true } });
  const { userId: _userId, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...profile } = model.profile!;
  const [first = "e2e", last = "test"] = identifier.split(".");
  const results = options.units === undefined ? model.results : model.results.slice(0, options.units);
  const user = await db.user.create({
    data: {
      identifier,
      displayName: `${first} ${last}`,
      email: `${first}.${last}@e2e.d3.localhost`,
      passwordHash: await hashPassword(E2E_PASSWORD),
      role: "AUDITEUR",
      profile: { create: { ...profile, centreCode: options.centreCode ?? "PARIS", email: `${first}.${last}@e2e.d3.localhost`, learnerNumber: `E2E${Math.floor(Math.random() * 1e9)}` } },
      results: { create: results.map(({ unitCode, year, grade, obtainedBy, centreCode }) => ({ unitCode, year, grade, obtainedBy, centreCode })) },
    },
    select: { id: true },
  });
  return { id: user.id, role: "AUDITEUR", centreCode: null };
}

/** The learner's diploma request of the licence LG02501A with its joint analysis, filled and submitted → {"id","analysisId"}. */
export async function submitJointRequest(learner: { id: string; role: "AUDITEUR"; centreCode: null }): Promise<string> {
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const draft = await db.request.findUniqueOrThrow({ where: { id: started.requestId }, include: { jointAnalysis: true } });
  await saveExperience(learner, draft.id, EXPERIENCE_INPUT);
  await addDocumentRows(draft.jointAnalysis!.id, learner.id);
  const submitted = await submitRequest(learner, draft.id, draft.version, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return JSON.stringify({ id: draft.id, analysisId: draft.jointAnalysis!.id });
}

/** A staff command as the request's current version would be sent (the page's form), by a seeded staff account. */
export type StaffCommand = { type: StaffCommandData["type"]; requestId: string } & Record<string, unknown>;

/** Runs a staff command through the real use case, as `identifier`, on the request's current version; throws when refused. */
export async function runAsStaff(identifier: string, command: StaffCommand): Promise<void> {
  const agent = await db.user.findUniqueOrThrow({ where: { identifier } });
  const { version } = await db.request.findUniqueOrThrow({ where: { id: command.requestId }, select: { version: true } });
  const result = await runStaffCommand({ id: agent.id, role: agent.role, centreCode: agent.centreCode }, { ...command, version } as StaffCommandData);
  if (!result.ok) throw new Error(`${command.type} : ${JSON.stringify(result)}`);
}

/** Runs the command named on the command line with its arguments, prints its last line (what the browser test reads), and closes the connections. */
export function runCommandLine(commands: Record<string, (...args: string[]) => Promise<string>>): void {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  (command ? command(...args) : Promise.reject(new Error(`commande inconnue : ${name ?? ""}`)))
    .then((output) => console.log(output))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await requestEvents().close();
      await db.$disconnect();
    });
}
