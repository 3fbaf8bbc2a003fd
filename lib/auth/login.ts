import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import type { DirectoryUser, IdentityDirectory } from "@/lib/auth/identity";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import type { DirectoryPerson, GroupRoles } from "@/lib/auth/domain/directory";
import { DIRECTORY_UNAVAILABLE, INVALID_CREDENTIALS, STAFF_NOT_OPENED, TOO_MANY_FROM_ADDRESS } from "@/lib/auth/domain/login-messages";
import { LOOKBACK_MS, lockState, lockedMessage, type Attempt } from "@/lib/auth/domain/lockout";
import { accountFor } from "./accounts";
import { passwordDirectory } from "./directories";
import { identityProvider, ldapSettings, maxAttemptsPerIp } from "./directory-config";
import { countIpAttempt } from "./ip-limit";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export type LoginFailureCode = "INVALID_FORMAT" | "INVALID_CREDENTIALS" | "LOCKED" | "UNAVAILABLE" | "RATE_LIMITED" | "NOT_OPENED" | "OTHER_PROVIDER";

export type LoginResult =
  | { ok: true; user: DirectoryUser & { profileComplete: boolean }; sessionId: string }
  | { ok: false; code: LoginFailureCode; message: string };

export type LoginOptions = {
  /** Who checks the password; by default the one IDENTITY_PROVIDER names. */
  directory?: IdentityDirectory | null;
  /** External directories: names and email kept up to date, staff roles from groups. */
  external?: boolean;
  groupRoles?: GroupRoles;
  maxPerIp?: number;
};

function defaults(options: LoginOptions) {
  const provider = identityProvider();
  return {
    directory: options.directory === undefined ? passwordDirectory() : options.directory,
    external: options.external ?? provider !== "local",
    groupRoles: options.groupRoles ?? (provider === "ldap" ? ldapSettings().groupRoles : []),
    maxPerIp: options.maxPerIp ?? maxAttemptsPerIp(),
  };
}

/** A 64-bit key for pg_advisory_xact_lock, from the identifier (a hash collision only serialises two identifiers). */
function lockKey(identifier: string): bigint {
  return createHash("sha256").update(`login:${identifier}`).digest().readBigInt64BE(0);
}

type Claim = { locked: true; until: Date } | { locked: false; attemptId: number; at: Date; history: Attempt[] };

/**
 * Serialises the attempts on one identifier (issue 14): under a transaction-scoped advisory lock,
 * the recent attempts are read and, unless the identifier is locked, this attempt is recorded as
 * a FAILURE before its password is checked; it becomes a SUCCESS (or UNAVAILABLE) only after. So
 * however many attempts run at once, each sees every earlier one as a failure, and no more than
 * MAX_FAILURES passwords are ever checked in the window. A process that dies mid-check leaves a
 * failure, never a free attempt.
 */
async function claimAttempt(identifier: string, ip: string | null, now: Date): Promise<Claim> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKey(identifier)})`;
    const history = await tx.loginAttempt.findMany({
      where: { identifier, at: { gte: new Date(now.getTime() - LOOKBACK_MS) } },
      select: { at: true, outcome: true },
    });
    // `now` was read before waiting for the lock: an attempt that got it first may carry a later
    // time. Counted from the latest of the two, so that no earlier attempt is ever left out.
    const at = new Date(Math.max(now.getTime(), ...history.map((a) => a.at.getTime())));
    const state = lockState(history, at);
    if (state.locked) {
      await tx.loginAttempt.create({ data: { identifier, outcome: "REFUSED", at, ip } });
      return { locked: true, until: state.until };
    }
    const attempt = await tx.loginAttempt.create({ data: { identifier, outcome: "FAILURE", at, ip }, select: { id: true } });
    return { locked: false, attemptId: attempt.id, at, history: [...history, { at, outcome: "FAILURE" }] };
  });
}

/**
 * The login form's check (IDENTITY_PROVIDER local or ldap): the per-address limit, then the
 * identifier's lockout, then the directory, then the D3 account (provisioned at the first login
 * with an external directory), then a session row of ours.
 */
export async function logIn(input: { identifier: string; password: string; ip?: string | null }, now: Date = new Date(), options: LoginOptions = {}): Promise<LoginResult> {
  const checked = checkIdentifier(input.identifier);
  if (!checked.ok) return { ok: false, code: "INVALID_FORMAT", message: checked.message };
  const identifier = checked.identifier;
  const ip = input.ip ?? null;
  const settings = defaults(options);
  if (!settings.directory) {
    return { ok: false, code: "OTHER_PROVIDER", message: "Connectez-vous avec le bouton « Se connecter avec mon compte ENF »." };
  }

  if (ip && !(await countIpAttempt(ip, settings.maxPerIp, now))) return { ok: false, code: "RATE_LIMITED", message: TOO_MANY_FROM_ADDRESS };

  const claim = await claimAttempt(identifier, ip, now);
  if (claim.locked) return { ok: false, code: "LOCKED", message: lockedMessage(claim.until, checked.kind) };

  const authentication = await settings.directory.authenticate(identifier, input.password);
  if (authentication.status === "unavailable") {
    await db.loginAttempt.update({ where: { id: claim.attemptId }, data: { outcome: "UNAVAILABLE" } });
    return { ok: false, code: "UNAVAILABLE", message: DIRECTORY_UNAVAILABLE };
  }
  const refused = (code: "INVALID_CREDENTIALS" | "NOT_OPENED", message: string): LoginResult => {
    const after = lockState(claim.history, claim.at);
    if (after.locked) return { ok: false, code: "LOCKED", message: lockedMessage(after.until, checked.kind) };
    return { ok: false, code, message };
  };
  if (authentication.status === "rejected") return refused("INVALID_CREDENTIALS", INVALID_CREDENTIALS);

  const account = await accountFor(authentication.person, { external: settings.external, groupRoles: settings.groupRoles });
  // Disabled in D3: refused even though the directory accepted the password, with the usual message.
  if (!account.ok) return account.reason === "disabled" ? refused("INVALID_CREDENTIALS", INVALID_CREDENTIALS) : refused("NOT_OPENED", STAFF_NOT_OPENED);

  const opened = await openSession(account.user, now, claim.attemptId);
  return { ok: true, user: { ...account.user, profileComplete: opened.profileComplete }, sessionId: opened.sessionId };
}

/**
 * Our session row, for every provider: the JWT only carries its id, and lib/auth/session.ts checks
 * the row on each request (logout, a new password, a disabled account end it).
 */
export async function openSession(user: DirectoryUser, now: Date, attemptId?: number): Promise<{ sessionId: string; profileComplete: boolean }> {
  const sessionId = randomBytes(32).toString("base64url");
  const [, , profile] = await db.$transaction([
    attemptId === undefined
      ? db.loginAttempt.create({ data: { identifier: user.identifier, outcome: "SUCCESS", at: now } })
      : db.loginAttempt.update({ where: { id: attemptId }, data: { outcome: "SUCCESS" } }),
    db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
    db.learnerProfile.findUnique({ where: { userId: user.id }, select: { userId: true } }),
  ]);
  return { sessionId, profileComplete: user.role !== "AUDITEUR" || profile !== null };
}

/**
 * OpenID Connect: the ENF's provider has checked the password on its own page (with PKCE and
 * state, auth-options.ts); the same account rules then apply, and the same session row.
 */
export async function logInFromProvider(person: DirectoryPerson, groupRoles: GroupRoles, now: Date = new Date()): Promise<LoginResult> {
  const checked = checkIdentifier(person.identifier);
  if (!checked.ok) return { ok: false, code: "INVALID_FORMAT", message: `Le compte ENF transmis n'a pas un identifiant attendu par D3. ${checked.message}` };
  const account = await accountFor({ ...person, identifier: checked.identifier }, { external: true, groupRoles });
  if (!account.ok) {
    await db.loginAttempt.create({ data: { identifier: checked.identifier, outcome: "FAILURE", at: now } });
    return account.reason === "disabled"
      ? { ok: false, code: "INVALID_CREDENTIALS", message: "Ce compte est désactivé dans D3. Adressez-vous à votre centre ou à l'administrateur de D3." }
      : { ok: false, code: "NOT_OPENED", message: STAFF_NOT_OPENED };
  }
  const opened = await openSession(account.user, now);
  return { ok: true, user: { ...account.user, profileComplete: opened.profileComplete }, sessionId: opened.sessionId };
}

/** Ends one session for real: the JWT that carries its id is worthless from now on. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
