import { CIVIL_STATUS_LOCKED, STALE_PROFILE, profileForEditing, updateProfile } from "@/lib/profile/update-profile";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { db } from "@/lib/shared/db";
import { createUser, ensureCentre } from "../../support/factories";
import { EXPERIENCE_INPUT, addDocumentRows, createLearner } from "../../support/requests";

/** The form's values as loaded, with some fields changed. */
async function edited(userId: string, changes: Record<string, string> = {}) {
  const loaded = await profileForEditing(userId);
  if (!loaded) throw new Error("no profile");
  return { loaded, values: { ...loaded.values, ...changes } };
}

async function submittedAnalysis(learner: Awaited<ReturnType<typeof createLearner>>) {
  const started = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
  if (!started.ok) throw new Error(started.message);
  await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(started.requestId, learner.user.id);
  const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return started.requestId;
}

describe("Mon profil", () => {
  test("before any submission, the civil status and the contact details can be changed; drafts follow a change of centre", async () => {
    await ensureCentre("NOUVELLE-AQUITAINE");
    const learner = await createLearner();
    const draft = await startRequest(learner.actor, "LG02501A", "EXPERIENCE");
    if (!draft.ok) throw new Error(draft.message);
    const { loaded, values } = await edited(learner.user.id, {
      usageName: "Dupré",
      firstNames: "Zoé",
      addressLine: "12 rue des Lilas",
      phone: "07.11.22.33.44",
      email: "Zoe.Dupre@Example.fr",
      centreCode: "NOUVELLE-AQUITAINE",
    });
    expect(loaded).toMatchObject({ locked: false, version: 1, emailOnMessages: true });

    expect(await updateProfile(learner.user.id, { version: 1, emailOnMessages: false, values })).toEqual({ ok: true, version: 2 });
    const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } });
    expect(profile).toMatchObject({
      usageName: "Dupré",
      firstNames: "Zoé",
      addressLine: "12 rue des Lilas",
      phone: "0711223344",
      email: "zoe.dupre@example.fr",
      centreCode: "NOUVELLE-AQUITAINE",
      emailOnMessages: false,
      version: 2,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.user.id } })).displayName).toBe("Zoé Dupré");
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.requestId } })).centreCode).toBe("NOUVELLE-AQUITAINE");
  });

  test("once a request is submitted, the civil status is locked: only the contact details and the preference change", async () => {
    const learner = await createLearner();
    await submittedAnalysis(learner);
    const before = await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } });
    const { loaded, values } = await edited(learner.user.id, { birthName: "Autrenom", learnerNumber: "ZZ999999", city: "Villeurbanne", postalCode: "69100" });
    expect(loaded.locked).toBe(true);
    expect(CIVIL_STATUS_LOCKED).toBe("Votre état civil figure sur une demande déposée : pour le corriger, adressez-vous à votre centre d'inscription.");

    expect(await updateProfile(learner.user.id, { version: loaded.version, emailOnMessages: false, values })).toEqual({ ok: true, version: loaded.version + 1 });
    const after = await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } });
    expect(after).toMatchObject({ city: "Villeurbanne", postalCode: "69100", emailOnMessages: false, birthName: before.birthName, learnerNumber: before.learnerNumber });
  });

  test("a stale version changes nothing and says so", async () => {
    const learner = await createLearner();
    const first = await edited(learner.user.id, { city: "Lyon 3e" });
    const second = await edited(learner.user.id, { city: "Marseille", postalCode: "13001" });
    expect(await updateProfile(learner.user.id, { version: first.loaded.version, emailOnMessages: true, values: first.values })).toMatchObject({ ok: true });
    expect(await updateProfile(learner.user.id, { version: second.loaded.version, emailOnMessages: false, values: second.values })).toEqual({
      ok: false,
      message: STALE_PROFILE,
      stale: true,
    });
    expect(await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } })).toMatchObject({ city: "Lyon 3e", emailOnMessages: true, version: 2 });
    expect(await updateProfile(learner.user.id, { version: "2", emailOnMessages: true, values: first.values })).toMatchObject({ ok: false, stale: true });
  });

  test("invalid fields come back one message per field, and nothing is saved", async () => {
    const learner = await createLearner();
    const unlocked = await edited(learner.user.id, { email: "pas-un-courriel", phone: "12", postalCode: "6900", birthName: "L3f3vre", centreCode: "ATLANTIDE" });
    const result = await updateProfile(learner.user.id, { version: 1, emailOnMessages: true, values: unlocked.values });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        email: expect.stringContaining("Adresse électronique invalide"),
        phone: expect.stringContaining("Téléphone"),
        postalCode: expect.stringContaining("5 chiffres"),
        birthName: expect.stringContaining("lettres"),
      },
    });
    expect(await updateProfile(learner.user.id, { version: 1, emailOnMessages: true, values: (await edited(learner.user.id, { centreCode: "ATLANTIDE" })).values })).toMatchObject({
      ok: false,
      fieldErrors: { centreCode: expect.any(String) },
    });
    expect(await updateProfile(learner.user.id, { version: 1, emailOnMessages: "oui", values: unlocked.values })).toMatchObject({ ok: false, fieldErrors: { emailOnMessages: expect.any(String) } });

    await submittedAnalysis(learner);
    const locked = await edited(learner.user.id, { addressLine: "", country: "XX" });
    expect(await updateProfile(learner.user.id, { version: 1, emailOnMessages: true, values: locked.values })).toMatchObject({
      ok: false,
      fieldErrors: { addressLine: expect.stringContaining("obligatoire"), country: expect.stringContaining("Pays") },
    });
    expect(await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } })).toMatchObject({ version: 1, emailOnMessages: true });
  });

  test("an account without a learner profile (staff) gets a message, not an exception", async () => {
    const agent = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
    expect(await profileForEditing(agent.id)).toBeNull();
    expect(await updateProfile(agent.id, { version: 1, emailOnMessages: true, values: {} })).toMatchObject({ ok: false, message: expect.any(String) });
  });

  test("a learner number of another account is saved as declared, with the same answer as any other; it is not confirmed, and the learner's own confirmation goes", async () => {
    const other = await createLearner();
    const learner = await createLearner();
    const taken = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: other.user.id } })).learnerNumber;
    const { values } = await edited(learner.user.id, { learnerNumber: taken });
    expect(await updateProfile(learner.user.id, { version: 1, emailOnMessages: true, values })).toEqual({ ok: true, version: 2 });
    expect(await db.confirmedLearnerNumber.findUnique({ where: { learnerNumber: taken }, select: { userId: true } })).toEqual({ userId: other.user.id });
    expect(await db.confirmedLearnerNumber.count({ where: { userId: learner.user.id } })).toBe(0);
  });
});
