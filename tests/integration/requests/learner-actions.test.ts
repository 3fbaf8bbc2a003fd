/**
 * The learner's server actions, called as the browser calls them: the session decides who acts,
 * never an id sent by the client; each action reaches its use case and refuses others' requests.
 */
import { db } from "@/lib/shared/db";
import {
  deleteDraftAction,
  deleteExperienceAction,
  resubmitRequestAction,
  saveExperienceAction,
  startRequestAction,
  submitRequestAction,
  uploadDocumentAction,
  withdrawRequestAction,
} from "@/lib/requests/actions";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner } from "../../support/requests";
import { signIn } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

const asUser = (actor: { id: string }) => signIn(actor.id);

async function start(actor: { id: string }, kind = "DIPLOMA") {
  await asUser(actor);
  const form = new FormData();
  form.set("diplomaKey", "LG02501A");
  form.set("kind", kind);
  try {
    await startRequestAction(form);
  } catch (error) {
    return (error as { url?: string }).url!.split("/").pop()!;
  }
  throw new Error("no redirect");
}

test("Nouvelle demande opens a draft for the session's learner and redirects to it", async () => {
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  expect(await db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({ learnerId: actor.id, state: "DRAFT" });
});

test("an ineligible learner gets the missing units back, no draft", async () => {
  const { actor } = await createLearner({ units: ["UTC501"] });
  await asUser(actor);
  const form = new FormData();
  form.set("diplomaKey", "LG02501A");
  form.set("kind", "DIPLOMA");
  expect(await startRequestAction(form)).toMatchObject({ ok: false, code: "NOT_ALLOWED_NOW", message: expect.any(String), missing: expect.arrayContaining([expect.stringContaining("UTC502")]) });
  const bogus = new FormData();
  bogus.set("diplomaKey", "LG02501A");
  bogus.set("kind", "ANYTHING");
  expect(await startRequestAction(bogus)).toEqual({ ok: false, code: "INVALID_INPUT", message: "Vérifiez les champs signalés.", fieldErrors: { kind: "Type de demande inconnu." } });
});

test("the whole draft → submit → withdraw path through the actions", async () => {
  const { actor, user } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  await asUser(actor);
  const saved = await saveExperienceAction({ requestId: id, values: EXPERIENCE_INPUT });
  expect(saved.ok).toBe(true);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: id } });
  await addDocumentRows(analysis.id, user.id);
  expect(await submitRequestAction({ requestId: id, version: 1, certified: true })).toMatchObject({ ok: true, value: { numbers: [expect.stringMatching(/^D3-/), expect.stringMatching(/^D3-/)] } });
  expect(await withdrawRequestAction({ requestId: id, version: 2, reason: "Erreur de diplôme" })).toEqual({ ok: true, value: {} });
  expect((await db.request.findUniqueOrThrow({ where: { id } })).state).toBe("WITHDRAWN");
});

test("another learner's ids, sent to every action, change nothing", async () => {
  const owner = await createLearner({ units: LICENCE_UNITS });
  const id = await start(owner.actor);
  await asUser(owner.actor);
  const saved = await saveExperienceAction({ requestId: id, values: EXPERIENCE_INPUT });
  if (!saved.ok) throw new Error("not saved");
  const experienceId = saved.value.experienceId;

  const intruder = await createLearner({ units: LICENCE_UNITS });
  await asUser(intruder.actor);
  const notFound = expect.objectContaining({ ok: false });
  expect(await saveExperienceAction({ requestId: id, values: { ...EXPERIENCE_INPUT, employer: "Pirate" }, experienceId })).toEqual(notFound);
  expect(await deleteExperienceAction({ requestId: id, experienceId })).toEqual(notFound);
  expect(await submitRequestAction({ requestId: id, version: 1, certified: true })).toEqual(notFound);
  expect(await withdrawRequestAction({ requestId: id, version: 1, reason: "" })).toEqual(notFound);
  expect(await resubmitRequestAction({ requestId: id, version: 1, comment: "" })).toEqual(notFound);
  expect(await deleteDraftAction({ requestId: id })).toEqual(notFound);
  const form = new FormData();
  form.set("category", "CV");
  form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], "cv.pdf", { type: "application/pdf" }));
  form.set("requestId", id);
  expect(await uploadDocumentAction(form)).toEqual(notFound);

  const experience = await db.experience.findUniqueOrThrow({ where: { id: experienceId } });
  expect(experience.employer).toBe(EXPERIENCE_INPUT.employer);
  expect((await db.request.findUniqueOrThrow({ where: { id } })).state).toBe("DRAFT");
});

test("deleting a draft redirects to Suivi de dossiers and removes it with its joint analysis", async () => {
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  await asUser(actor);
  await expect(deleteDraftAction({ requestId: id })).rejects.toMatchObject({ url: "/auditeur" });
  expect(await db.request.count({ where: { learnerId: actor.id } })).toBe(0);
});
