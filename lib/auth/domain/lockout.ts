import { formatTime } from "../../shared/dates";

/**
 * Login throttling: 5 failed attempts within 15 minutes for one identifier lock it for 15 minutes
 * from the fifth failure. While locked, attempts are refused without checking the password (so a
 * right password cannot get in either) and are not counted as failures. A success resets the count.
 */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;
/** History needed to evaluate the rule: a lock can only be in force if its failures are this recent. */
export const LOOKBACK_MS = FAILURE_WINDOW_MS + LOCK_DURATION_MS;

/**
 * REFUSED: refused while locked, nothing checked. UNAVAILABLE: the directory could not be reached,
 * nothing checked. Neither counts as a failure.
 */
export type Attempt = { at: Date; outcome: "SUCCESS" | "FAILURE" | "REFUSED" | "UNAVAILABLE" };

export type LockState = { locked: false } | { locked: true; until: Date };

export function lockState(attempts: readonly Attempt[], now: Date): LockState {
  const sorted = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures: number[] = [];
  let lockedUntil = 0;
  for (const attempt of sorted) {
    const t = attempt.at.getTime();
    if (t > now.getTime()) break;
    if (attempt.outcome === "SUCCESS") {
      failures = [];
      continue;
    }
    if (attempt.outcome !== "FAILURE" || t < lockedUntil) continue;
    failures = failures.filter((f) => f > t - FAILURE_WINDOW_MS);
    failures.push(t);
    if (failures.length >= MAX_FAILURES) {
      lockedUntil = t + LOCK_DURATION_MS;
      failures = [];
    }
  }
  return now.getTime() < lockedUntil ? { locked: true, until: new Date(lockedUntil) } : { locked: false };
}

/** What a locked staff member is told in addition: whom to ask. */
export const STAFF_LOCKED_HELP =
  "Personnel du Cnam : si vous n'êtes pas à l'origine de ces tentatives, ou si le blocage continue, demandez de l'aide à l'administrateur de D3 de votre établissement.";

export function lockedMessage(until: Date, kind: "learner" | "staff" = "learner"): string {
  const message = `Trop de tentatives de connexion ont échoué : la connexion à ce compte est bloquée pendant 15 minutes, jusqu'à ${formatTime(until)}. Vous pouvez aussi choisir un nouveau mot de passe avec « Mot de passe oublié ? ».`;
  return kind === "staff" ? `${message} ${STAFF_LOCKED_HELP}` : message;
}
