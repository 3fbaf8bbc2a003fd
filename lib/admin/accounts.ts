import { randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import type { Transaction } from "@/lib/shared/db/database";
import { hashPassword } from "@/lib/auth/password-hash";
import { usesLocalPasswords } from "@/lib/auth/directory-config";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { queueWelcomeEmail } from "@/lib/auth/welcome";
import { accountChangeRefusal, type AccountChange, type AccountTarget } from "@/lib/requests/domain/staff-policy";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { accountCreateSchema, accountRoleSchema, type AccountCreateValues, type AccountRoleValues } from "./schemas";
import { isUniqueViolation } from "@/lib/shared/db-errors";

export type AccountResult<K extends string> = { ok: true; userId: string; changed: boolean } | { ok: false; message?: string; fieldErrors?: FieldErrors<K> };

const NOT_FOUND = { ok: false as const, message: "Ce compte n'existe pas ou n'est pas un compte de personnel." };

async function centreExists(tx: Transaction, code: string): Promise<boolean> {
  return (await tx.centre.findUnique({ where: { code }, select: { code: true } })) !== null;
}

const UNKNOWN_CENTRE = { ok: false as const, fieldErrors: { centreCode: "Centre : ce centre n'existe pas." } };

/**
 * A staff account without a usable password: its hash is of a random secret nobody knows. The
 * same transaction queues its welcome email, with a single-use link to choose the password valid
 * WELCOME_LINK_DAYS days (or, with the ENF's directory, the advice to log in with the ENF account),
 * so no administrator ever knows or transmits a password.
 */
export async function createStaffAccount(actor: AuditActor, values: unknown): Promise<AccountResult<keyof AccountCreateValues>> {
  const refusal = accountChangeRefusal(actor, null, {});
  if (refusal) return { ok: false, message: refusal };
  const parsed = accountCreateSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { identifier, displayName, email, role } = parsed.data;
  const centreCode = role === "AGENT_CENTRE" ? parsed.data.centreCode : null;

  const taken = { ok: false as const, fieldErrors: { identifier: "Identifiant : un compte porte déjà cet identifiant (ajoutez un chiffre pour un homonyme : prenom.nom2)." } };
  if (await db.user.findUnique({ where: { identifier }, select: { id: true } })) return taken;
  // With the ENF's directory D3 keeps no password: the person logs in with the ENF's.
  const passwordHash = usesLocalPasswords() ? await hashPassword(randomBytes(32).toString("base64url")) : null;

  let created: { id: string } | null;
  try {
    created = await db.$transaction(async (tx) => {
      if (centreCode && !(await centreExists(tx, centreCode))) return null;
      const user = await tx.user.create({ data: { identifier, displayName, email, role, centreCode, passwordHash }, select: { id: true } });
      await recordAudit(tx, actor, { action: "account.create", details: { userId: user.id, identifier, role, centreCode } });
      await queueWelcomeEmail(tx, { id: user.id, identifier, displayName, email, role });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  if (!created) return UNKNOWN_CENTRE;
  return { ok: true, userId: created.id, changed: true };
}

async function loadStaffTarget(tx: Transaction, userId: string): Promise<AccountTarget | null> {
  const target = typeof userId === "string" ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, centreCode: true, active: true } }) : null;
  return target && target.role !== "AUDITEUR" ? target : null;
}

/** The changed fields only, as written to the audit log. */
function diff(target: AccountTarget, change: AccountChange): Record<string, string | boolean | null> {
  const changes: Record<string, string | boolean | null> = {};
  if (change.role !== undefined && change.role !== target.role) changes.role = change.role;
  if (change.centreCode !== undefined && change.centreCode !== target.centreCode) changes.centreCode = change.centreCode;
  if (change.active !== undefined && change.active !== target.active) changes.active = change.active;
  return changes;
}

/** Role and centre of a staff account (the centre only for a centre agent). Never one's own. */
export async function changeStaffRole(actor: AuditActor, userId: string, values: unknown): Promise<AccountResult<keyof AccountRoleValues>> {
  const parsed = accountRoleSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const change = { role: parsed.data.role, centreCode: parsed.data.role === "AGENT_CENTRE" ? parsed.data.centreCode : null };
  return db.$transaction(async (tx): Promise<AccountResult<keyof AccountRoleValues>> => {
    const target = await loadStaffTarget(tx, userId);
    const refusal = accountChangeRefusal(actor, target, change);
    if (refusal) return { ok: false, message: refusal };
    if (!target) return NOT_FOUND;
    const changes = diff(target, change);
    if (Object.keys(changes).length === 0) return { ok: true, userId, changed: false };
    if (change.centreCode && !(await centreExists(tx, change.centreCode))) return UNKNOWN_CENTRE;
    await tx.user.update({ where: { id: userId }, data: change });
    await recordAudit(tx, actor, { action: "account.update", details: { userId, changes } });
    return { ok: true, userId, changed: true };
  });
}

/**
 * Deactivation ends every session of the account at once (the session gate checks the row) and
 * voids its pending password links; the account and its history stay. Never one's own.
 */
export async function setStaffActive(actor: AuditActor, userId: string, active: boolean, now: Date = new Date()): Promise<AccountResult<never>> {
  if (typeof active !== "boolean") return { ok: false, message: "Demande invalide." };
  return db.$transaction(async (tx): Promise<AccountResult<never>> => {
    const target = await loadStaffTarget(tx, userId);
    const refusal = accountChangeRefusal(actor, target, { active });
    if (refusal) return { ok: false, message: refusal };
    if (!target) return NOT_FOUND;
    // Conditional, so that two administrators clicking together log one change, not two.
    const { count } = await tx.user.updateMany({ where: { id: userId, active: !active }, data: { active } });
    if (count === 0) return { ok: true, userId, changed: false };
    if (!active) {
      await tx.session.deleteMany({ where: { userId } });
      await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    }
    await recordAudit(tx, actor, { action: "account.update", details: { userId, changes: { active } } });
    return { ok: true, userId, changed: true };
  });
}
