import { randomUUID } from "node:crypto";
import { db } from "@/lib/shared/db";
import { setTestSession } from "./next-scope";

/**
 * Server actions called as the browser calls them, through the real session gate (requireUser and
 * getCurrentUser of lib/auth/session.ts, which read a real Session row): only NextAuth's cookie
 * decoding and Next's request scope are replaced. A test file mocks "next-auth", "next/headers" and
 * "next/navigation" with the factories of next-scope.ts (jest.mock is hoisted per file).
 */

/** Opens a real session row for this user; the next actions run as them. */
export async function signIn(userId: string): Promise<void> {
  const id = randomUUID();
  await db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  setTestSession(id);
}

export function signOut(): void {
  setTestSession(null);
}

const ROLES = ["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const;
type Role = (typeof ROLES)[number];

/** Opens a session for a new user of this role (a learner with a completed profile, a centre agent of PARIS). */
export async function signInAs(role: Role): Promise<string> {
  const { createLearner, createStaff } = await import("./requests");
  const id = role === "AUDITEUR" ? (await createLearner()).user.id : (await createStaff(role, role === "AGENT_CENTRE" ? "PARIS" : undefined)).id;
  await signIn(id);
  return id;
}

type GatedAction = { allowed: readonly Role[]; run: () => Promise<unknown>; reached?: (result: unknown) => void };

/**
 * One test per action and role: anonymous → login page with the way back; each allowed role gets a
 * Result from the use case (checked by `reached` when given); every other role → 403.
 */
export function describeGates(actions: Record<string, GatedAction>): void {
  describe.each(Object.entries(actions))("%s", (_name, { allowed, run, reached }) => {
    test("anonymous: sent to the login page", async () => {
      signOut();
      await expect(run()).rejects.toMatchObject({ digest: expect.stringContaining("/connexion?callbackUrl=") });
    });

    test.each(allowed.map((role) => [role]))("%s reaches the use case", async (role) => {
      await signInAs(role);
      const result = await run();
      expect(result).toMatchObject({ ok: expect.any(Boolean) });
      reached?.(result);
    });

    const refused = ROLES.filter((role) => !allowed.includes(role));
    if (refused.length > 0) {
      test.each(refused.map((role) => [role]))("%s is refused with 403", async (role) => {
        await signInAs(role);
        await expect(run()).rejects.toMatchObject({ forbidden: true });
      });
    }
  });
}
