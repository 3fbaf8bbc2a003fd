import { randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import { localDirectory, type DirectoryUser, type IdentityDirectory } from "@/lib/auth/identity";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import { LOOKBACK_MS, lockState, lockedMessage } from "@/lib/auth/domain/lockout";
import { INVALID_CREDENTIALS } from "./schemas";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export type LoginResult =
  | { ok: true; user: DirectoryUser & { profileComplete: boolean }; sessionId: string }
  | { ok: false; code: "INVALID_FORMAT" | "INVALID_CREDENTIALS" | "LOCKED"; message: string };

export async function logIn(
  input: { identifier: string; password: string; ip?: string | null },
  now: Date = new Date(),
  directory: IdentityDirectory = localDirectory,
): Promise<LoginResult> {
  const checked = checkIdentifier(input.identifier);
  if (!checked.ok) return { ok: false, code: "INVALID_FORMAT", message: checked.message };
  const identifier = checked.identifier;
  const ip = input.ip ?? null;

  const recent = await db.loginAttempt.findMany({
    where: { identifier, at: { gte: new Date(now.getTime() - LOOKBACK_MS) } },
    select: { at: true, outcome: true },
  });
  const before = lockState(recent, now);
  if (before.locked) {
    await db.loginAttempt.create({ data: { identifier, outcome: "REFUSED", at: now, ip } });
    return { ok: false, code: "LOCKED", message: lockedMessage(before.until) };
  }

  const user = await directory.authenticate(identifier, input.password);
  if (!user) {
    await db.loginAttempt.create({ data: { identifier, outcome: "FAILURE", at: now, ip } });
    const after = lockState([...recent, { at: now, outcome: "FAILURE" }], now);
    if (after.locked) return { ok: false, code: "LOCKED", message: lockedMessage(after.until) };
    return { ok: false, code: "INVALID_CREDENTIALS", message: INVALID_CREDENTIALS };
  }

  const sessionId = randomBytes(32).toString("base64url");
  const [, , profile] = await db.$transaction([
    db.loginAttempt.create({ data: { identifier, outcome: "SUCCESS", at: now, ip } }),
    db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
    db.learnerProfile.findUnique({ where: { userId: user.id }, select: { userId: true } }),
  ]);
  return { ok: true, user: { ...user, profileComplete: user.role !== "AUDITEUR" || profile !== null }, sessionId };
}

/** Ends one session for real: the JWT that carries its id is worthless from now on. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
