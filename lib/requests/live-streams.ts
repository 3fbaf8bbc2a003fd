import { db } from "@/lib/shared/db";
import { LIMIT_VARIABLES, readVariables } from "@/lib/shared/env";

/**
 * The live event streams of request pages (app/api/demandes/[id]/flux): how many one user may
 * keep open, and whether the session that opened one is still valid.
 *
 * A stream is a long request: the session gate ran when it opened, not since. So the stream asks
 * the database again every STREAM_SESSION_CHECK_MS (default 30 s) whether its session row still
 * exists, is not expired and belongs to an active account, and closes once it does not (logout,
 * new password, an account deactivated). And one user may hold at most STREAM_MAX_PER_USER
 * (default 5) streams at once on one instance: more is refused (429), the page then polls.
 */

export const DEFAULT_SESSION_CHECK_MS = 30_000;
export const DEFAULT_MAX_STREAMS_PER_USER = 5;

export function streamSettings(): { sessionCheckMs: number; maxPerUser: number } {
  const parsed = readVariables(LIMIT_VARIABLES);
  const values = parsed.ok ? parsed.values : {};
  return {
    sessionCheckMs: values.STREAM_SESSION_CHECK_MS ? Number(values.STREAM_SESSION_CHECK_MS) : DEFAULT_SESSION_CHECK_MS,
    maxPerUser: values.STREAM_MAX_PER_USER ? Number(values.STREAM_MAX_PER_USER) : DEFAULT_MAX_STREAMS_PER_USER,
  };
}

/** Whether a session row still lets its user in (the same test as getCurrentUser's). */
export async function sessionStillValid(sessionId: string, now: Date = new Date()): Promise<boolean> {
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { expiresAt: true, user: { select: { active: true } } } });
  return row !== null && row.expiresAt.getTime() > now.getTime() && row.user.active;
}

export type StreamSlot = { release(): void };

const globalForStreams = globalThis as unknown as { d3OpenStreams?: Map<string, number> };
const openStreams = (globalForStreams.d3OpenStreams ??= new Map<string, number>());

/**
 * A place for one more stream of this user, or null when the user already holds `max`. Taken and
 * counted synchronously, so parallel openings cannot pass the cap together; release() once closed.
 */
export function admitStream(userId: string, max: number = streamSettings().maxPerUser): StreamSlot | null {
  const open = openStreams.get(userId) ?? 0;
  if (open >= max) return null;
  openStreams.set(userId, open + 1);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const left = (openStreams.get(userId) ?? 1) - 1;
      if (left > 0) openStreams.set(userId, left);
      else openStreams.delete(userId);
    },
  };
}

/** Streams open now for this user on this instance (tests, monitoring). */
export function openStreamCount(userId: string): number {
  return openStreams.get(userId) ?? 0;
}
