import { db } from "@/lib/shared/db";

/** In-app notifications: each user reads and marks only their own. */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, options: { before?: string; take?: number } = {}) {
  const take = Math.min(options.take ?? 30, 100);
  const cursor = options.before ? await db.notification.findFirst({ where: { id: options.before, userId }, select: { id: true } }) : null;
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
    select: { id: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
  return { rows: rows.slice(0, take), next: rows.length > take ? rows[take - 1]!.id : null };
}

/** Marks the given notifications (or all) as read; others' ids are silently ignored. */
export async function markRead(userId: string, ids: string[] | "all", now: Date = new Date()): Promise<number> {
  const where = ids === "all" ? { userId, readAt: null } : { userId, readAt: null, id: { in: ids.slice(0, 200) } };
  return (await db.notification.updateMany({ where, data: { readAt: now } })).count;
}
