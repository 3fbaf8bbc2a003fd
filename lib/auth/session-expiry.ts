import "server-only";
import { db } from "@/lib/shared/db";
import { SESSION_MAX_AGE_S } from "@/lib/auth/login";
import { secondsLeft } from "@/lib/auth/domain/session-expiry";

/**
 * « Prolonger ma session »: a still valid session gets a full duration again from now. An expired or
 * ended one is not revived (null): the user logs in again.
 */
export async function extendSession(sessionId: string, now: Date = new Date()): Promise<number | null> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  const updated = await db.session.updateMany({ where: { id: sessionId, expiresAt: { gt: now } }, data: { expiresAt } });
  return updated.count === 1 ? secondsLeft(expiresAt, now) : null;
}
