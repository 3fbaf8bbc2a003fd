import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { setTestSession } from "./next-scope";

/**
 * Server actions called as the browser calls them, through the real session gate (requireUser and
 * getCurrentUser of lib/server/session.ts, which read a real Session row): only NextAuth's cookie
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
