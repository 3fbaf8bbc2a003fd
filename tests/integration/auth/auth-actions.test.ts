/**
 * The forgotten password's actions are public: they work without a session (and with one), parse
 * their input with the forms' schemas, and answer the one Result.
 */
import { randomBytes } from "node:crypto";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/auth/actions";
import { hashResetToken } from "@/lib/auth/password-reset";
import { db } from "@/lib/shared/db";
import { createUser } from "../../support/factories";
import { signInAs, signOut } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

test.each([["anonymous"], ["signed in"]])("Mot de passe oublié, %s: the same answer for a known and an unknown identifier", async (who) => {
  if (who === "anonymous") signOut();
  else await signInAs("AGENT_CENTRE");
  const user = await createUser();
  expect(await requestPasswordResetAction({ identifier: user.identifier })).toEqual({ ok: true, value: {} });
  expect(await requestPasswordResetAction({ identifier: "personne.inconnue.auditeur" })).toEqual({ ok: true, value: {} });
  expect(await requestPasswordResetAction({ identifier: "pas un identifiant" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { identifier: expect.any(String) } });
});

test("Nouveau mot de passe: field errors for the fields, a message for a used link", async () => {
  signOut();
  const user = await createUser();
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + 3_600_000) } });
  expect(await resetPasswordAction({ token, password: "court", confirmation: "court" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { password: expect.any(String) } });
  const password = "une phrase longue et facile à retenir";
  expect(await resetPasswordAction({ token, password, confirmation: password })).toEqual({ ok: true, value: {} });
  const again = await resetPasswordAction({ token, password, confirmation: password });
  expect(again).toMatchObject({ ok: false, message: expect.any(String) });
  expect(again).not.toHaveProperty("fieldErrors");
  expect(await resetPasswordAction({ token: 42, password, confirmation: password } as never)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
});
