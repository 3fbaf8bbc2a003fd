/** @jest-environment node */
import type { AuditActor } from "@/lib/audit/log";
import { createStaffAccount } from "@/lib/admin/accounts";
import { WELCOME_LINK_DAYS } from "@/lib/auth/domain/reset-token";
import { findResetToken, resetPassword } from "@/lib/auth/password-reset";
import { logIn } from "@/lib/auth/login";
import { db } from "@/lib/shared/db";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { createUser, uniqueSuffix } from "../../support/factories";
import { decodeQuotedPrintable, startSmtpServer } from "../../support/smtp";

const DAY = 24 * 60 * 60_000;
const saved = { ...process.env };
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(smtp.port);
});
afterAll(async () => {
  process.env = saved;
  await smtp.stop();
});

async function admin(): Promise<AuditActor> {
  const user = await createUser({ role: "ADMIN" });
  return { id: user.id, role: "ADMIN", ip: "203.0.113.7" };
}

/** Creates a national agent's account and returns the body of the one email it received over SMTP. */
async function createAndReceive() {
  const suffix = uniqueSuffix();
  const account = { identifier: `camille.${suffix}`, displayName: "Camille Test", email: `camille.${suffix}@lecnam.net`, role: "AGENT_NATIONAL", centreCode: "" };
  const created = await createStaffAccount(await admin(), account);
  expect(created).toMatchObject({ ok: true });
  await runDueJobs({ tasks: ["deliver-email"] });
  const received = smtp.inbox.filter((m) => m.to.includes(account.email));
  expect(received).toHaveLength(1);
  // Quoted-printable escapes are UTF-8 bytes: decoded one by one, then read as UTF-8.
  const body = Buffer.from(decodeQuotedPrintable(received[0]!.raw), "latin1").toString("utf8");
  return { account, body, userId: created.ok ? created.userId : "" };
}

describe("welcome email of a new staff account", () => {
  test("with D3's passwords: a welcome (not the reset email) whose link lasts the stated 7 days and sets the password once", async () => {
    const before = Date.now();
    const { account, body, userId } = await createAndReceive();
    expect(await db.outboxEmail.findFirstOrThrow({ where: { to: account.email }, select: { subject: true } })).toEqual({ subject: "D3 – Votre compte a été ouvert" });
    expect(body).toContain("Un compte D3, le service de demandes de diplôme du Cnam, a été ouvert pour vous");
    expect(body).toContain(`Votre identifiant : ${account.identifier}`);
    expect(body).toContain(`Ce lien est valable ${WELCOME_LINK_DAYS} jours`);
    expect(body).not.toContain("Vous avez demandé");
    expect(body).not.toContain("une heure");

    const token = body.match(/jeton=([A-Za-z0-9_-]+)/)![1]!;
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId } });
    const lifetime = stored.expiresAt.getTime() - stored.createdAt.getTime();
    expect(lifetime).toBe(WELCOME_LINK_DAYS * DAY);
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Still valid six days later, expired at the seventh day's end.
    expect((await findResetToken(token, new Date(stored.createdAt.getTime() + 6 * DAY))).status).toBe("valid");
    expect((await findResetToken(token, new Date(stored.createdAt.getTime() + 7 * DAY))).status).toBe("expired");

    const password = "Un mot de passe bien long 42";
    expect(await resetPassword({ token, password, confirmation: password }, new Date(stored.createdAt.getTime() + 5 * DAY))).toEqual({ ok: true });
    expect((await logIn({ identifier: account.identifier, password })).ok).toBe(true);
    expect(await resetPassword({ token, password, confirmation: password })).toMatchObject({ ok: false, message: expect.stringContaining("déjà servi") });
  }, 60_000);

  test("with the ENF's directory: the email says to log in with the ENF account, and carries no password link", async () => {
    Object.assign(process.env, {
      IDENTITY_PROVIDER: "oidc",
      OIDC_ISSUER: "https://login.enf.example.test/tenant/v2.0/",
      OIDC_CLIENT_ID: "d3",
      OIDC_CLIENT_SECRET: "secret",
    });
    try {
      const { body, userId } = await createAndReceive();
      expect(body).toContain("Connectez-vous avec votre compte de l'Espace Num");
      expect(body).toContain("/connexion");
      expect(body).not.toContain("jeton=");
      expect(body).not.toContain("Choisir mon mot de passe");
      expect(await db.passwordResetToken.count({ where: { userId } })).toBe(0);
    } finally {
      for (const key of ["IDENTITY_PROVIDER", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[key];
    }
  }, 60_000);
});
