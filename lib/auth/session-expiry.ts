import "server-only";
import { db } from "@/lib/shared/db";
import { SESSION_MAX_AGE_S } from "@/lib/auth/login";
import { secondsLeft } from "@/lib/auth/domain/session-expiry";

/** What is left of a session, in seconds (0 once gone or expired). */
export async function sessionSecondsLeft(sessionId: string, now: Date = new Date()): Promise<number> {
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { expiresAt: true } });
  return row ? secondsLeft(row.expiresAt, now) : 0;
}

/**
 * « Prolonger ma session »: a still valid session gets a full duration again from now. An expired or
 * ended one is not revived (null): the user logs in again.
 */
export async function extendSession(sessionId: string, now: Date = new Date()): Promise<number | null> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  const updated = await db.session.updateMany({ where: { id: sessionId, expiresAt: { gt: now } }, data: { expiresAt } });
  return updated.count === 1 ? secondsLeft(expiresAt, now) : null;
}
