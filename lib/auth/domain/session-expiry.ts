/**
 * When the user is warned that their session ends, and how the time left is said (RGAA 13.1: a
 * time limit is announced and can be extended). The session itself lasts SESSION_MAX_AGE_S
 * (lib/auth/login.ts) from the login or from the last « Prolonger ». Pure.
 */

/** The warning shows this long before the end: enough to finish a sentence and press the button. */
export const SESSION_WARNING_S = 5 * 60;

export function secondsLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
}

/** How long to wait before warning, for a session with `left` seconds to go (0: warn now). */
export function warningDelayMs(left: number): number {
  return Math.max(0, left - SESSION_WARNING_S) * 1000;
}

/** « 4 minutes », « 1 minute », « moins d'une minute »: rounded down, never promising more than is left. */
export function timeLeftText(left: number): string {
  const minutes = Math.floor(left / 60);
  if (minutes < 1) return "moins d'une minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
