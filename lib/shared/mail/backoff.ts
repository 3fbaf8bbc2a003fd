/** Email delivery retries: 1 min, 2 min, 4 min… capped at one hour between attempts, never given up. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60_000;

export function nextAttemptDelay(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_MS);
}
