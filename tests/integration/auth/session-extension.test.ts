/**
 * @jest-environment node
 *
 * « Prolonger ma session » (lib/auth/session-actions.ts): the action goes through the real session
 * gate; a valid session gets a full duration again, an ended one is not revived.
 */
import { db } from "@/lib/shared/db";
import { SESSION_MAX_AGE_S } from "@/lib/auth/login";
import { extendSessionAction } from "@/lib/auth/session-actions";
import { secondsLeft } from "@/lib/auth/domain/session-expiry";
import { extendSession } from "@/lib/auth/session-expiry";
import { signInAs, signOut } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);

/** What is left of a session, as its row says (the pages read it with the session: currentMe). */
async function sessionSecondsLeft(sessionId: string): Promise<number> {
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { expiresAt: true } });
  return row ? secondsLeft(row.expiresAt, new Date()) : 0;
}

async function sessionOf(userId: string) {
  return db.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
}

test("a session about to end gets the full duration again, counted from now", async () => {
  const userId = await signInAs("AUDITEUR");
  const session = await sessionOf(userId);
  await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 120_000) } });
  expect(await sessionSecondsLeft(session.id)).toBeLessThanOrEqual(120);

  const result = await extendSessionAction({});
  expect(result).toMatchObject({ ok: true, value: { secondsLeft: SESSION_MAX_AGE_S } });
  expect(await sessionSecondsLeft(session.id)).toBeGreaterThan(SESSION_MAX_AGE_S - 60);
});

test("an expired session is not revived: the action sends to the login page", async () => {
  const userId = await signInAs("AGENT_CENTRE");
  const session = await sessionOf(userId);
  await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await extendSession(session.id)).toBeNull();
  await expect(extendSessionAction({})).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\/connexion\?callbackUrl=/) });
  expect(await sessionSecondsLeft(session.id)).toBe(0);
});

test("without any session, nothing to extend", async () => {
  signOut();
  await expect(extendSessionAction({})).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\/connexion/) });
  expect(await sessionSecondsLeft("no-such-session")).toBe(0);
});
