import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import { appUrl } from "@/lib/shared/env";
import { hashPassword } from "@/lib/auth/password-hash";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import { passwordResetEmail } from "@/lib/shared/mail/templates";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import { newPasswordSchema } from "@/lib/auth/domain/password";
import { RESET_TOKEN_MESSAGES, resetTokenExpiry, resetTokenStatus, type ResetTokenStatus } from "@/lib/auth/domain/reset-token";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { enqueue } from "@/lib/shared/jobs/queue";
import { usesLocalPasswords } from "./directory-config";

/** With an external directory the password is the ENF's: D3 neither sends links nor sets one. */
export const RESET_IN_ENF = "Votre mot de passe est celui de votre Espace Numérique de Formation (ENF) : changez-le depuis la page « Mot de passe oublié ? » de l'ENF.";

/** At most this many links per account and per hour, so the form cannot flood a mailbox. */
export const MAX_RESET_REQUESTS_PER_HOUR = 3;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ResetRequestResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<"identifier"> };

/**
 * "Mot de passe oublié ?": the answer is the same whether the account exists or not, and so is
 * the time it takes. The action only checks the identifier's format and enqueues a job (one
 * insert, whatever the identifier); the job looks the account up, makes the link and queues the
 * email (sendPasswordResetLink). Nothing of the account is read while the visitor waits.
 */
export async function requestPasswordReset(rawIdentifier: string, now: Date = new Date()): Promise<ResetRequestResult> {
  const checked = checkIdentifier(rawIdentifier);
  if (!checked.ok) return { ok: false, fieldErrors: { identifier: checked.message } };
  // With the ENF's directory D3 keeps no password: nothing to send (the page links to the ENF's).
  if (!usesLocalPasswords()) return { ok: true };
  await db.$transaction((tx) => enqueue(tx, "send-password-reset", { identifier: checked.identifier, requestedAt: now.toISOString() }, { maxAttempts: 5 }));
  return { ok: true };
}

export type ResetLinkOutcome = "sent" | "no-account" | "limit";

/**
 * The job behind "Mot de passe oublié ?": if the identifier names an active account, a
 * single-use link valid one hour, queued for sending in the same transaction as its token. At
 * most MAX_RESET_REQUESTS_PER_HOUR links per account and hour, counted under the account's row
 * lock (SELECT … FOR UPDATE), so that jobs running at once cannot pass the limit together.
 */
export async function sendPasswordResetLink(identifier: string, now: Date = new Date()): Promise<ResetLinkOutcome> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE identifier = ${identifier} AND active FOR UPDATE`;
    if (!locked) return "no-account";
    const user = await tx.user.findUniqueOrThrow({ where: { id: locked.id }, select: { id: true, displayName: true, email: true, profile: { select: { email: true } } } });
    const recent = await tx.passwordResetToken.count({ where: { userId: user.id, createdAt: { gte: new Date(now.getTime() - 60 * 60_000) } } });
    if (recent >= MAX_RESET_REQUESTS_PER_HOUR) return "limit";
    const token = randomBytes(32).toString("base64url");
    const link = `${appUrl()}/mot-de-passe/nouveau?jeton=${token}`;
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry(now), createdAt: now } });
    await enqueueEmail(tx, passwordResetEmail(user.profile?.email ?? user.email, user.displayName, link));
    return "sent";
  });
}

export async function findResetToken(token: string, now: Date = new Date()): Promise<{ status: ResetTokenStatus; identifier?: string }> {
  if (!token) return { status: "unknown" };
  const record = await db.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { expiresAt: true, usedAt: true, user: { select: { identifier: true } } } });
  return { status: resetTokenStatus(record, now), identifier: record?.user.identifier };
}

export type ResetPasswordResult =
  | { ok: true }
  | { ok: false; message: string }
  | { ok: false; fieldErrors: FieldErrors<"password" | "confirmation"> };

/**
 * Sets the new password, consumes the link (a conditional update, so two concurrent uses cannot
 * both succeed), and ends every session of the account: the old password and sessions stop working.
 */
export async function resetPassword(input: { token: string; password: string; confirmation: string }, now: Date = new Date()): Promise<ResetPasswordResult> {
  if (!usesLocalPasswords()) return { ok: false, message: RESET_IN_ENF };
  const tokenHash = hashResetToken(input.token ?? "");
  const record = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { identifier: true } } } });
  const status = resetTokenStatus(record, now);
  if (status !== "valid" || !record) return { ok: false, message: RESET_TOKEN_MESSAGES[status as Exclude<ResetTokenStatus, "valid">] };

  const parsed = newPasswordSchema(record.user.identifier).safeParse({ password: input.password, confirmation: input.confirmation });
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  }

  const passwordHash = await hashPassword(parsed.data.password);
  const consumed = await db.$transaction(async (tx) => {
    const claim = await tx.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claim.count !== 1) return false;
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash } });
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: record.userId } });
    return true;
  });
  return consumed ? { ok: true } : { ok: false, message: RESET_TOKEN_MESSAGES.used };
}
