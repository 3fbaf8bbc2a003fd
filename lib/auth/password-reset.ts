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

/** At most this many links per account and per hour, so the form cannot flood a mailbox. */
export const MAX_RESET_REQUESTS_PER_HOUR = 3;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ResetRequestResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<"identifier"> };

/**
 * "Mot de passe oublié ?": the answer is the same whether the account exists or not. If it does,
 * a single-use link valid one hour is queued for sending in the same transaction as the token.
 */
export async function requestPasswordReset(rawIdentifier: string, now: Date = new Date()): Promise<ResetRequestResult> {
  const checked = checkIdentifier(rawIdentifier);
  if (!checked.ok) return { ok: false, fieldErrors: { identifier: checked.message } };

  const user = await db.user.findUnique({
    where: { identifier: checked.identifier },
    select: { id: true, active: true, displayName: true, email: true, profile: { select: { email: true } } },
  });
  if (!user || !user.active) return { ok: true };

  const recent = await db.passwordResetToken.count({ where: { userId: user.id, createdAt: { gte: new Date(now.getTime() - 60 * 60_000) } } });
  if (recent >= MAX_RESET_REQUESTS_PER_HOUR) return { ok: true };

  const token = randomBytes(32).toString("base64url");
  const link = `${appUrl()}/mot-de-passe/nouveau?jeton=${token}`;
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry(now), createdAt: now } });
    await enqueueEmail(tx, passwordResetEmail(user.profile?.email ?? user.email, user.displayName, link));
  });
  return { ok: true };
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
