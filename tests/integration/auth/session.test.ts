/**
 * lib/auth/session.ts, the gate of every protected page and action: the session row in the
 * database decides, not the cookie alone.
 */
import { db } from "@/lib/shared/db";
import { currentMe, getCurrentUser, requireUser } from "@/lib/auth/session";
import { createUser } from "../../support/factories";
import { signIn, signInAs, signOut } from "../../support/session-gate";
import { setTestSession } from "../../support/next-scope";
import { statementsOf } from "../../support/query-count";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);

// next-scope.ts records /espace as the path asked for.
const toLogin = { digest: "NEXT_REDIRECT;/connexion?callbackUrl=%2Fespace" };

test("no session: sent to the login page, with the way back", async () => {
  signOut();
  expect(await getCurrentUser()).toBeNull();
  await expect(requireUser()).rejects.toMatchObject(toLogin);
});

test("a cookie whose session row is gone, expired, or whose account is deactivated: sent to the login page", async () => {
  setTestSession("no-such-session");
  await expect(requireUser()).rejects.toMatchObject(toLogin);

  const deleted = await signInAs("AGENT_NATIONAL");
  await db.session.deleteMany({ where: { userId: deleted } });
  await expect(requireUser()).rejects.toMatchObject(toLogin);

  const expired = await signInAs("AGENT_NATIONAL");
  await db.session.updateMany({ where: { userId: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expect(requireUser()).rejects.toMatchObject(toLogin);

  const deactivated = await signInAs("AGENT_NATIONAL");
  await db.user.update({ where: { id: deactivated }, data: { active: false } });
  await expect(requireUser()).rejects.toMatchObject(toLogin);
});

test("a signed-in person gets their user from the database; another space is refused with 403", async () => {
  const id = await signInAs("AGENT_CENTRE");
  expect(await requireUser({ space: "centre" })).toMatchObject({ id, role: "AGENT_CENTRE", centreCode: "PARIS", profileComplete: true });
  await expect(requireUser({ space: "national" })).rejects.toMatchObject({ forbidden: true });
  await expect(requireUser({ space: "admin" })).rejects.toMatchObject({ forbidden: true });
  await expect(requireUser({ space: "auditeur" })).rejects.toMatchObject({ forbidden: true });
});

test("a learner without a profile is sent to Compléter mon profil, except where completing it is allowed", async () => {
  const user = await createUser();
  await signIn(user.id);
  await expect(requireUser()).rejects.toMatchObject({ digest: "NEXT_REDIRECT;/profil/completer" });
  await expect(requireUser({ space: "auditeur" })).rejects.toMatchObject({ digest: "NEXT_REDIRECT;/profil/completer" });
  expect(await requireUser({ space: "auditeur", allowIncompleteProfile: true })).toMatchObject({ id: user.id, role: "AUDITEUR", profileComplete: false });
  await expect(requireUser({ space: "centre", allowIncompleteProfile: true })).rejects.toMatchObject({ forbidden: true });
});

test("the header's user (currentMe, also /api/moi): name, role and its label, unread notifications, seconds left; nobody without a live session", async () => {
  signOut();
  expect(await currentMe()).toBeNull();

  const learner = await signInAs("AUDITEUR");
  const { displayName } = await db.user.findUniqueOrThrow({ where: { id: learner }, select: { displayName: true } });
  await db.notification.createMany({
    data: [
      { userId: learner, title: "Lue", body: "…", readAt: new Date() },
      { userId: learner, title: "Non lue 1", body: "…" },
      { userId: learner, title: "Non lue 2", body: "…" },
    ],
  });
  const me = await currentMe();
  // The factory's learner is « Madame »: « Auditrice ».
  expect(me).toMatchObject({ displayName, role: "AUDITEUR", roleLabel: "Auditrice", unread: 2 });
  expect(me!.sessionSecondsLeft).toBeGreaterThan(3500);
  expect(me!.sessionSecondsLeft).toBeLessThanOrEqual(3600);

  const agent = await signInAs("AGENT_CENTRE");
  expect(await currentMe()).toMatchObject({ role: "AGENT_CENTRE", roleLabel: "Gestionnaire de centre", unread: 0 });
  await db.session.updateMany({ where: { userId: agent }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await currentMe()).toBeNull();
});

test("the gate and the header each read the session, its account and the unread count in one database round trip", async () => {
  const learner = await signInAs("AUDITEUR");
  await db.notification.create({ data: { userId: learner, title: "Non lue", body: "…" } });
  const gate = await statementsOf(() => requireUser({ space: "auditeur" }));
  expect(gate.result.id).toBe(learner);
  expect(gate.statements).toHaveLength(1);
  const header = await statementsOf(() => currentMe());
  expect(header.result).toMatchObject({ unread: 1 });
  expect(header.statements).toHaveLength(1);
});
