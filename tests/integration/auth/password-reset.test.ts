import { logIn } from "@/lib/auth/login";
import { MAX_RESET_REQUESTS_PER_HOUR, findResetToken, hashResetToken, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { db } from "@/lib/shared/db";
import { createUser } from "../../support/factories";

/** The raw token is only ever in the email: read it back from the queued message. */
async function tokenFromOutbox(to: string): Promise<string> {
  const email = await db.outboxEmail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = email?.text.match(/jeton=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link sent to ${to}`);
  return match[1]!;
}

const NEW_PASSWORD = "une phrase de passe toute neuve";

describe("Mot de passe oublié ?", () => {
  test("an unknown identifier gets the same answer and no email", async () => {
    const before = await db.outboxEmail.count();
    expect(await requestPasswordReset("personne.inconnue.auditeur")).toEqual({ ok: true });
    expect(await db.outboxEmail.count()).toBe(before);
  });

  test("a malformed identifier is reported on its field", async () => {
    expect(await requestPasswordReset("Zoé Lefèvre")).toMatchObject({ ok: false, fieldErrors: { identifier: expect.stringContaining("espace") } });
  });

  test("a known identifier gets a link whose token is stored hashed, valid one hour", async () => {
    const user = await createUser();
    const now = new Date();
    expect(await requestPasswordReset(user.identifier, now)).toEqual({ ok: true });
    const token = await tokenFromOutbox(user.email);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashResetToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(60 * 60_000);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(email).toMatchObject({ status: "PENDING", subject: "D3 – Choisir un nouveau mot de passe" });
    expect(email.html).toContain(`jeton=${token}`);
  });

  test("the new password works, the old one and every session stop working, and the link cannot be reused", async () => {
    const user = await createUser();
    const session = await logIn({ identifier: user.identifier, password: user.password });
    expect(session.ok).toBe(true);
    await requestPasswordReset(user.identifier);
    const token = await tokenFromOutbox(user.email);

    expect(await resetPassword({ token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toEqual({ ok: true });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await logIn({ identifier: user.identifier, password: user.password })).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
    expect((await logIn({ identifier: user.identifier, password: NEW_PASSWORD })).ok).toBe(true);

    expect(await resetPassword({ token, password: "encore une autre phrase", confirmation: "encore une autre phrase" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("déjà servi"),
    });
    expect((await findResetToken(token)).status).toBe("used");
  });

  test("an expired link is refused", async () => {
    const user = await createUser();
    const issued = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset(user.identifier, issued);
    const token = await tokenFromOutbox(user.email);
    expect(await resetPassword({ token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toMatchObject({ ok: false, message: expect.stringContaining("expiré") });
    expect((await logIn({ identifier: user.identifier, password: user.password })).ok).toBe(true);
  });

  test("password rules are checked on the server, field by field", async () => {
    const user = await createUser();
    await requestPasswordReset(user.identifier);
    const token = await tokenFromOutbox(user.email);
    expect(await resetPassword({ token, password: "court", confirmation: "court" })).toMatchObject({ ok: false, fieldErrors: { password: expect.stringContaining("12 caractères") } });
    const withIdentifier = `${user.identifier}-2026`;
    expect(await resetPassword({ token, password: withIdentifier, confirmation: withIdentifier })).toMatchObject({ ok: false, fieldErrors: { password: expect.stringContaining("identifiant") } });
    expect(await resetPassword({ token, password: NEW_PASSWORD, confirmation: "autre chose encore" })).toMatchObject({ ok: false, fieldErrors: { confirmation: expect.any(String) } });
    expect((await findResetToken(token)).status).toBe("valid");
  });

  test("an unknown token is refused", async () => {
    expect(await resetPassword({ token: "inconnu", password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toMatchObject({ ok: false, message: expect.stringContaining("pas valide") });
  });

  test("two concurrent uses of one link: exactly one succeeds", async () => {
    const user = await createUser();
    await requestPasswordReset(user.identifier);
    const token = await tokenFromOutbox(user.email);
    const results = await Promise.all([
      resetPassword({ token, password: "premier mot de passe long", confirmation: "premier mot de passe long" }),
      resetPassword({ token, password: "second mot de passe long", confirmation: "second mot de passe long" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  test(`at most ${MAX_RESET_REQUESTS_PER_HOUR} links per hour are sent for one account`, async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_HOUR + 2; i++) expect(await requestPasswordReset(user.identifier)).toEqual({ ok: true });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(MAX_RESET_REQUESTS_PER_HOUR);
  });
});
