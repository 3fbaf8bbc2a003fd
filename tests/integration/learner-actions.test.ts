/**
 * The learner's server actions, called as the browser calls them: the session decides who acts,
 * never an id sent by the client; each action reaches its use case and refuses others' requests.
 */
import { requireUser } from "@/lib/server/session";
import { db } from "@/lib/server/db";
import { startRequestAction } from "@/app/auditeur/nouvelle-demande/actions";
import { deleteDraftAction, deleteExperienceAction, resubmitRequestAction, saveExperienceAction, submitRequestAction, withdrawRequestAction } from "@/app/demandes/[id]/actions";
import { uploadDocumentAction } from "@/app/demandes/[id]/documents-actions";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner } from "../support/requests";

jest.mock("@/lib/server/session", () => ({ requireUser: jest.fn(), getCurrentUser: jest.fn(), clearSessionCookie: jest.fn() }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
jest.mock("next/navigation", () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

const asUser = (actor: { id: string }) => jest.mocked(requireUser).mockResolvedValue({ ...actor, role: "AUDITEUR", centreCode: null } as never);

async function start(actor: { id: string }, kind = "DIPLOMA") {
  asUser(actor);
  const form = new FormData();
  form.set("diplomaKey", "LG02501A");
  form.set("kind", kind);
  try {
    await startRequestAction(null, form);
  } catch (error) {
    return (error as { url?: string }).url!.split("/").pop()!;
  }
  throw new Error("no redirect");
}

test("Nouvelle demande opens a draft for the session's learner and redirects to it", async () => {
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  expect(await db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({ learnerId: actor.id, state: "DRAFT" });
  expect(jest.mocked(requireUser)).toHaveBeenCalledWith({ space: "auditeur" });
});

test("an ineligible learner gets the missing units back, no draft", async () => {
  const { actor } = await createLearner({ units: ["UTC501"] });
  asUser(actor);
  const form = new FormData();
  form.set("diplomaKey", "LG02501A");
  form.set("kind", "DIPLOMA");
  expect(await startRequestAction(null, form)).toMatchObject({ message: expect.any(String), missing: expect.arrayContaining([expect.stringContaining("UTC502")]) });
  const bogus = new FormData();
  bogus.set("diplomaKey", "LG02501A");
  bogus.set("kind", "ANYTHING");
  expect(await startRequestAction(null, bogus)).toEqual({ message: "Type de demande inconnu." });
});

test("the whole draft → submit → withdraw path through the actions", async () => {
  const { actor, user } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  asUser(actor);
  const saved = await saveExperienceAction(id, EXPERIENCE_INPUT);
  expect(saved.ok).toBe(true);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: id } });
  await addDocumentRows(analysis.id, user.id);
  expect(await submitRequestAction(id, 1)).toMatchObject({ ok: true, numbers: [expect.stringMatching(/^D3-/), expect.stringMatching(/^D3-/)] });
  expect(await withdrawRequestAction(id, 2, "Erreur de diplôme")).toEqual({ ok: true });
  expect((await db.request.findUniqueOrThrow({ where: { id } })).state).toBe("WITHDRAWN");
});

test("another learner's ids, sent to every action, change nothing", async () => {
  const owner = await createLearner({ units: LICENCE_UNITS });
  const id = await start(owner.actor);
  asUser(owner.actor);
  const saved = await saveExperienceAction(id, EXPERIENCE_INPUT);
  if (!saved.ok) throw new Error("not saved");

  const intruder = await createLearner({ units: LICENCE_UNITS });
  asUser(intruder.actor);
  const notFound = expect.objectContaining({ ok: false });
  expect(await saveExperienceAction(id, { ...EXPERIENCE_INPUT, employer: "Pirate" }, saved.experienceId)).toEqual(notFound);
  expect(await deleteExperienceAction(id, saved.experienceId)).toEqual(notFound);
  expect(await submitRequestAction(id, 1)).toEqual(notFound);
  expect(await withdrawRequestAction(id, 1, "")).toEqual(notFound);
  expect(await resubmitRequestAction(id, 1, "")).toEqual(notFound);
  expect(await deleteDraftAction(id)).toEqual(notFound);
  const form = new FormData();
  form.set("category", "CV");
  form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], "cv.pdf", { type: "application/pdf" }));
  expect(await uploadDocumentAction(id, form)).toEqual(notFound);

  const experience = await db.experience.findUniqueOrThrow({ where: { id: saved.experienceId } });
  expect(experience.employer).toBe(EXPERIENCE_INPUT.employer);
  expect((await db.request.findUniqueOrThrow({ where: { id } })).state).toBe("DRAFT");
});

test("deleting a draft redirects to Suivi de dossiers and removes it with its joint analysis", async () => {
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  const id = await start(actor);
  asUser(actor);
  await expect(deleteDraftAction(id)).rejects.toMatchObject({ url: "/auditeur" });
  expect(await db.request.count({ where: { learnerId: actor.id } })).toBe(0);
});
