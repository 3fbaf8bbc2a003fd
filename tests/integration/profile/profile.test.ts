import { logIn } from "@/lib/auth/login";
import { completeProfile } from "@/lib/profile/complete-profile";
import { db } from "@/lib/shared/db";
import { createUser, ensureCentre, validProfileInput } from "../../support/factories";

beforeAll(() => ensureCentre("PARIS"));

describe("Compléter mon profil (first connection)", () => {
  test("a valid profile is saved, normalised, and every session of the account ends", async () => {
    const user = await createUser();
    const login = await logIn({ identifier: user.identifier, password: user.password });
    expect(login).toMatchObject({ ok: true, user: { profileComplete: false } });

    const input = validProfileInput({ email: "Zoe.Lefevre@Example.FR", phone: "06.12.34.56.78", learnerNumber: " ab123456 " });
    expect(await completeProfile(user.id, input)).toEqual({ ok: true });

    const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(profile).toMatchObject({ email: "zoe.lefevre@example.fr", phone: "0612345678", learnerNumber: "AB123456", usageName: null, centreCode: "PARIS" });
    expect(profile.birthDate.toISOString()).toBe("1990-05-17T00:00:00.000Z");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe("Zoé Hélène Lefèvre");

    const again = await logIn({ identifier: user.identifier, password: user.password });
    expect(again).toMatchObject({ ok: true, user: { profileComplete: true } });
  });

  test("invalid fields come back one message per field, and nothing is saved", async () => {
    const user = await createUser();
    const result = await completeProfile(user.id, validProfileInput({ postalCode: "7500", email: "pas-un-courriel", birthDate: "2030-01-01" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { postalCode: expect.stringContaining("5 chiffres"), email: expect.stringContaining("invalide"), birthDate: expect.stringContaining("passée") },
    });
    expect(await db.learnerProfile.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  test("an unknown centre is refused on its field", async () => {
    const user = await createUser();
    expect(await completeProfile(user.id, validProfileInput({ centreCode: "ATLANTIDE" }))).toMatchObject({ ok: false, fieldErrors: { centreCode: expect.any(String) } });
  });

  test("a learner number already declared by another account gets the same answer (nothing tells it is known); neither is confirmed", async () => {
    const first = await createUser();
    const second = await createUser();
    const learnerNumber = `LN${Date.now()}`.slice(0, 15);
    expect(await completeProfile(first.id, validProfileInput({ learnerNumber }))).toEqual({ ok: true });
    expect(await completeProfile(second.id, validProfileInput({ learnerNumber }))).toEqual({ ok: true });
    expect(await db.confirmedLearnerNumber.count({ where: { learnerNumber } })).toBe(0);
  });

  test("a profile cannot be completed twice, nor by a staff account", async () => {
    const user = await createUser();
    expect(await completeProfile(user.id, validProfileInput())).toEqual({ ok: true });
    expect(await completeProfile(user.id, validProfileInput())).toMatchObject({ ok: false, message: expect.stringContaining("déjà enregistré") });
    const agent = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
    expect(await completeProfile(agent.id, validProfileInput())).toMatchObject({ ok: false, message: expect.any(String) });
  });

  test("garbage input is rejected without an exception", async () => {
    const user = await createUser();
    expect(await completeProfile(user.id, null)).toMatchObject({ ok: false });
    expect(await completeProfile(user.id, { civility: "ROI", birthName: 42 })).toMatchObject({ ok: false, fieldErrors: expect.objectContaining({ civility: expect.any(String) }) });
  });
});
