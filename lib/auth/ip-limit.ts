import { db } from "@/lib/shared/db";
import { FAILURE_WINDOW_MS } from "@/lib/auth/domain/lockout";

/**
 * Login attempts per client address: at most `max` per 15-minute window, over every identifier,
 * counted before any password is checked. The count is one atomic upsert in PostgreSQL, so that
 * it holds across app instances and under any concurrency. Windows older than a day are removed
 * as we go. Returns false when this attempt is over the limit.
 */
export async function countIpAttempt(ip: string, max: number, now: Date = new Date()): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / FAILURE_WINDOW_MS) * FAILURE_WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "LoginIpWindow" (ip, "windowStart", count) VALUES (${ip}, ${windowStart}, 1)
    ON CONFLICT (ip, "windowStart") DO UPDATE SET count = "LoginIpWindow".count + 1
    RETURNING count`;
  await db.loginIpWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } });
  return (row?.count ?? 0) <= max;
}
