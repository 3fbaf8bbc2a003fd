import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";

/**
 * Server actions called as the browser calls them, through the real session gate (requireUser and
 * getCurrentUser of lib/server/session.ts, which read a real Session row): only NextAuth's cookie
 * decoding and Next's request scope are replaced. A test file mocks "next-auth", "next/headers" and
 * "next/navigation" with the factories below (jest.mock is hoisted per file).
 */
let currentSid: string | null = null;

/** Opens a real session row for this user; the next actions run as them. */
export async function signIn(userId: string): Promise<void> {
  const id = randomUUID();
  await db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  currentSid = id;
}

export function signOut(): void {
  currentSid = null;
}

/** What NextAuth's getServerSession answers for the current test. */
export function testSession(): { sid: string } | null {
  return currentSid ? { sid: currentSid } : null;
}

/** Next's navigation signals as errors the tests can recognise. */
export const navigation = {
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;${url}`, url });
  },
  forbidden: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;403"), { digest: "NEXT_HTTP_ERROR_FALLBACK;403", forbidden: true });
  },
  unstable_rethrow: (error: unknown) => {
    if (typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_")) throw error;
  },
};

export const requestScope = {
  headers: async () => new Headers({ "x-d3-path": "/espace", "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({ has: () => false, delete: () => undefined, get: () => undefined }),
};
