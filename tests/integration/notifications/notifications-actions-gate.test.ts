/**
 * The notifications page's actions through the real session gate: every signed-in role may use
 * them, each marks only their own notifications; anonymous → login page.
 */
import { markAllReadAction, markReadAction } from "@/lib/notifications/actions";
import { db } from "@/lib/shared/db";
import { createUser } from "../../support/factories";
import { describeGates, signIn } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

const EVERYONE = ["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const;

describeGates({
  markAllRead: { allowed: EVERYONE, run: () => markAllReadAction(new FormData()), reached: (result) => expect(result).toEqual({ ok: true, value: { marked: 0 } }) },
  markRead: {
    allowed: EVERYONE,
    run: () => {
      const form = new FormData();
      form.set("id", "no-such-notification");
      return markReadAction(form);
    },
    reached: (result) => expect(result).toEqual({ ok: true, value: { marked: 0 } }),
  },
});

test("one's own notification is marked read, another person's is not; an empty id is refused", async () => {
  const [me, other] = [await createUser({ role: "AGENT_NATIONAL" }), await createUser({ role: "AGENT_NATIONAL" })];
  const mine = await db.notification.create({ data: { userId: me.id, title: "Demande déposée", body: "…" } });
  const theirs = await db.notification.create({ data: { userId: other.id, title: "Demande déposée", body: "…" } });
  await signIn(me.id);
  expect(await markReadAction({ id: "" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  expect(await markReadAction({ id: theirs.id })).toEqual({ ok: true, value: { marked: 0 } });
  expect(await markReadAction({ id: mine.id })).toEqual({ ok: true, value: { marked: 1 } });
  expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  await db.notification.create({ data: { userId: me.id, title: "Message", body: "…" } });
  expect(await markAllReadAction({})).toEqual({ ok: true, value: { marked: 1 } });
});
