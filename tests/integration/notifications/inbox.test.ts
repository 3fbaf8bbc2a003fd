import { db } from "@/lib/shared/db";
import { listNotifications, markRead, unreadCount } from "@/lib/notifications/inbox";
import { createUser } from "../../support/factories";

test("notifications: unread count, newest first with paging, marking read only one's own", async () => {
  const alice = await createUser();
  const bob = await createUser();
  for (let i = 0; i < 35; i++) {
    await db.notification.create({ data: { userId: alice.id, title: `Avis ${i}`, body: "…", createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
  }
  const bobs = await db.notification.create({ data: { userId: bob.id, title: "Pour Bob", body: "…" } });
  expect(await unreadCount(alice.id)).toBe(35);

  const first = await listNotifications(alice.id);
  expect(first.rows).toHaveLength(30);
  expect(first.rows[0]!.title).toBe("Avis 34");
  const second = await listNotifications(alice.id, { before: first.next! });
  expect(second.rows.map((r) => r.title)).toEqual(["Avis 4", "Avis 3", "Avis 2", "Avis 1", "Avis 0"]);
  expect(second.next).toBeNull();

  expect(await markRead(alice.id, [first.rows[0]!.id, bobs.id])).toBe(1);
  expect(await unreadCount(alice.id)).toBe(34);
  expect(await unreadCount(bob.id)).toBe(1);
  expect(await markRead(alice.id, "all")).toBe(34);
  expect(await unreadCount(alice.id)).toBe(0);
  expect(await unreadCount(bob.id)).toBe(1);
});
