import { randomBytes } from "node:crypto";
import type { Transaction } from "@/lib/shared/db/database";
import { appUrl } from "@/lib/shared/env";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import { welcomeEmail } from "@/lib/shared/mail/templates";
import { ROLE_LABELS, type Role } from "@/lib/auth/domain/policy";
import { WELCOME_LINK_DAYS, WELCOME_TOKEN_TTL_MS, resetTokenExpiry } from "@/lib/auth/domain/reset-token";
import { usesLocalPasswords } from "./directory-config";
import { hashResetToken } from "./password-reset";

export type NewStaffAccount = { id: string; identifier: string; displayName: string; email: string; role: Role };

/**
 * A new staff account's welcome email, queued in the transaction that creates the account (the
 * outbox sends it once committed, or neither happens). With D3's own passwords it carries a
 * single-use link to choose the password, valid WELCOME_LINK_DAYS days (the page of « Mot de passe
 * oublié ? » consumes it); with the ENF's directory it tells the person to log in with the ENF account.
 */
export async function queueWelcomeEmail(tx: Transaction, account: NewStaffAccount, now: Date = new Date()): Promise<void> {
  const role = ROLE_LABELS[account.role];
  if (!usesLocalPasswords()) {
    await enqueueEmail(tx, welcomeEmail({ ...account, to: account.email, role, access: { kind: "enf", loginUrl: `${appUrl()}/connexion` } }));
    return;
  }
  const token = randomBytes(32).toString("base64url");
  await tx.passwordResetToken.create({
    data: { userId: account.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry(now, WELCOME_TOKEN_TTL_MS), createdAt: now },
  });
  const link = `${appUrl()}/mot-de-passe/nouveau?jeton=${token}`;
  await enqueueEmail(tx, welcomeEmail({ ...account, to: account.email, role, access: { kind: "choose-password", link, days: WELCOME_LINK_DAYS } }));
}
