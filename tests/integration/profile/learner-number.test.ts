/**
 * The learner number is never trusted from the learner (issue 14, finding 2): a new learner used to
 * type someone else's unused number in « Compléter mon profil », and the results import then
 * credited that person's results to her. Now a typed number is only declared; results attach to
 * numbers confirmed by the directory or by the learner's centre; and the form answers the same
 * whether a number is known or not.
 */
import { importResults } from "@/lib/admin/results-import";
import { completeProfile } from "@/lib/profile/complete-profile";
import { confirmLearnerNumber, pendingLearnerNumbers } from "@/lib/profile/learner-number";
import { learnerIdentity } from "@/lib/profile/learner-identity";
import { db } from "@/lib/shared/db";
import { createUser, ensureCentre, uniqueSuffix, validProfileInput } from "../../support/factories";
import { createLearner, createStaff, ensureCatalogue } from "../../support/requests";

beforeAll(async () => {
  await ensureCatalogue();
  await ensureCentre("PARIS");
  await ensureCentre("BORDEAUX");
});

const header = "numero_auditeur;ue;annee;note;mode;centre";
const number = () => `V${uniqueSuffix().slice(0, 10).toUpperCase()}`;

async function admin() {
  return { ...(await createStaff("ADMIN")), ip: null };
}

async function agent(centreCode: string) {
  return { ...(await createStaff("AGENT_CENTRE", centreCode)), ip: "198.51.100.4" };
}

test("a number typed by a new learner receives no results: the import refuses it until it is confirmed", async () => {
  const victimNumber = number(); // the victim has no account yet
  const intruder = await createUser();
  expect(await completeProfile(intruder.id, validProfileInput({ centreCode: "PARIS", learnerNumber: victimNumber }))).toEqual({ ok: true });

  const report = await importResults(await admin(), { name: "r.csv", text: `${header}\n${victimNumber};UTC501;2023;14;PASSED;PARIS\n` });
  expect(report).toMatchObject({ ok: false, rejected: [{ line: 2, message: expect.stringContaining(`Le numéro ${victimNumber} n'est confirmé pour aucun compte`) }] });
  expect(await db.unitResult.count({ where: { learnerId: intruder.id } })).toBe(0);
  expect((await learnerIdentity(intruder.id))?.learnerNumberStatus).toBe("pending");
});

test("the form answers the same whether the number is unknown, declared by someone else or confirmed for someone else", async () => {
  const owner = await createLearner(); // confirmed by the centre (support helper)
  const confirmed = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: owner.user.id } })).learnerNumber;
  const declared = number();
  const first = await createUser();
  expect(await completeProfile(first.id, validProfileInput({ learnerNumber: declared }))).toEqual({ ok: true });

  const answers = [];
  for (const learnerNumber of [number(), declared, confirmed]) {
    const user = await createUser();
    answers.push(await completeProfile(user.id, validProfileInput({ learnerNumber })));
  }
  expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
  // The confirmed number still belongs to its owner alone.
  expect(await db.confirmedLearnerNumber.findMany({ where: { learnerNumber: confirmed }, select: { userId: true } })).toEqual([{ userId: owner.user.id }]);
});

test("an agent of the learner's centre confirms the number (audited); then the import credits it", async () => {
  const learnerNumber = number();
  const learner = await createUser();
  expect(await completeProfile(learner.id, validProfileInput({ centreCode: "PARIS", learnerNumber }))).toEqual({ ok: true });
  const paris = await agent("PARIS");
  const bordeaux = await agent("BORDEAUX");

  expect((await pendingLearnerNumbers(paris)).map((p) => p.userId)).toContain(learner.id);
  expect((await pendingLearnerNumbers(bordeaux)).map((p) => p.userId)).not.toContain(learner.id);
  expect(await pendingLearnerNumbers({ role: "ADMIN", centreCode: null })).toEqual([]);

  expect(await confirmLearnerNumber(bordeaux, { userId: learner.id, learnerNumber })).toMatchObject({ ok: false, message: expect.stringContaining("pas inscrit dans votre centre") });
  expect(await confirmLearnerNumber(paris, { userId: learner.id, learnerNumber: "AUTRE123" })).toMatchObject({ ok: false, message: expect.stringContaining("plus à confirmer") });
  expect(await confirmLearnerNumber(paris, { userId: learner.id, learnerNumber })).toEqual({ ok: true });
  expect(await confirmLearnerNumber(paris, { userId: learner.id, learnerNumber })).toEqual({ ok: true }); // twice: nothing more

  expect(await db.auditLog.findMany({ where: { actorId: paris.id }, select: { action: true, targetType: true, targetId: true, ip: true, details: true } })).toEqual([
    { action: "learner.confirmNumber", targetType: "user", targetId: learner.id, ip: "198.51.100.4", details: { userId: learner.id, learnerNumber } },
  ]);
  expect((await pendingLearnerNumbers(paris)).map((p) => p.userId)).not.toContain(learner.id);
  expect((await learnerIdentity(learner.id))?.learnerNumberStatus).toBe("confirmed");

  expect(await importResults(await admin(), { name: "r.csv", text: `${header}\n${learnerNumber};UTC501;2023;14;PASSED;PARIS\n` })).toMatchObject({ ok: true, rows: 1, learners: 1 });
  expect(await db.unitResult.count({ where: { learnerId: learner.id } })).toBe(1);
});

test("a number already confirmed for another account cannot be confirmed again; the list warns the agent", async () => {
  const owner = await createLearner({ centreCode: "PARIS" });
  const taken = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: owner.user.id } })).learnerNumber;
  const intruder = await createUser();
  expect(await completeProfile(intruder.id, validProfileInput({ centreCode: "PARIS", learnerNumber: taken }))).toEqual({ ok: true });
  const paris = await agent("PARIS");
  expect((await pendingLearnerNumbers(paris)).find((p) => p.userId === intruder.id)).toMatchObject({ learnerNumber: taken, numberConfirmedElsewhere: true });
  expect(await confirmLearnerNumber(paris, { userId: intruder.id, learnerNumber: taken })).toMatchObject({ ok: false, message: expect.stringContaining("déjà confirmé pour un autre compte") });
  expect(await db.confirmedLearnerNumber.findUnique({ where: { learnerNumber: taken }, select: { userId: true } })).toEqual({ userId: owner.user.id });
});

test("the directory's number confirms the same declared number at once; a different one waits", async () => {
  const given = number();
  const withDirectory = await createUser();
  await db.user.update({ where: { id: withDirectory.id }, data: { directoryLearnerNumber: given } });
  expect(await completeProfile(withDirectory.id, validProfileInput({ learnerNumber: given }))).toEqual({ ok: true });
  expect(await db.confirmedLearnerNumber.findUnique({ where: { userId: withDirectory.id }, select: { learnerNumber: true, source: true } })).toEqual({ learnerNumber: given, source: "DIRECTORY" });

  const other = await createUser();
  await db.user.update({ where: { id: other.id }, data: { directoryLearnerNumber: number() } });
  expect(await completeProfile(other.id, validProfileInput({ learnerNumber: number() }))).toEqual({ ok: true });
  expect(await db.confirmedLearnerNumber.count({ where: { userId: other.id } })).toBe(0);
});
