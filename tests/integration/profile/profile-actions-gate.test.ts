/**
 * The profile's server actions through the real session gate: a learner's only (other roles → 403,
 * anonymous → login page); completing the profile is the one door open before the profile exists.
 */
import { completeProfileAction, updateProfileAction } from "@/lib/profile/actions";
import { db } from "@/lib/shared/db";
import type { ProfileFormValues } from "@/lib/profile/domain/profile";
import { createUser, ensureCentre, validProfileInput as profileInput } from "../../support/factories";
import { describeGates, signIn } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

const LEARNER = ["AUDITEUR"] as const;
const validProfileInput = () => profileInput() as ProfileFormValues;

describeGates({
  completeProfile: {
    allowed: LEARNER,
    run: () => completeProfileAction(validProfileInput()),
    reached: (result) => expect(result).toMatchObject({ ok: false, message: expect.stringContaining("déjà enregistré") }),
  },
  updateProfile: {
    allowed: LEARNER,
    run: () => updateProfileAction({ version: 99, emailOnMessages: true, values: {} }),
    reached: (result) => expect(result).toMatchObject({ ok: false }),
  },
});

test("a new learner completes their profile: saved, every session ended, the field errors as the form shows them", async () => {
  await ensureCentre("PARIS");
  const user = await createUser();
  await signIn(user.id);
  expect(await completeProfileAction({ ...validProfileInput(), birthName: "" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { birthName: expect.any(String) } });
  expect(await completeProfileAction(validProfileInput())).toEqual({ ok: true, value: {} });
  expect(await db.learnerProfile.count({ where: { userId: user.id } })).toBe(1);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("a learner without a profile is sent to Compléter mon profil by Mon profil's action", async () => {
  const user = await createUser();
  await signIn(user.id);
  await expect(updateProfileAction({ version: 1, emailOnMessages: true, values: {} })).rejects.toMatchObject({ digest: expect.stringContaining("/profil/completer") });
});

test("Mon profil: the envelope is parsed, then the use case saves and answers the next version", async () => {
  await ensureCentre("PARIS");
  const user = await createUser();
  await signIn(user.id);
  const values = validProfileInput();
  expect((await completeProfileAction(values)).ok).toBe(true);
  await signIn(user.id);
  expect(await updateProfileAction({ version: 0, emailOnMessages: true, values })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { version: expect.any(String) } });
  expect(await updateProfileAction({ version: 1, emailOnMessages: false, values: { ...values, city: "Lille" } })).toEqual({ ok: true, value: { version: 2 } });
  expect(await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ city: "Lille", emailOnMessages: false });
});
