import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type AuthOptions } from "next-auth";
import { authOptions } from "./auth-options";
import { db } from "../shared/db";
import { canEnter, type Role, type Space } from "@/lib/auth/domain/policy";
import { roleLabelFor, type Civility } from "@/lib/auth/domain/role-label";
import { secondsLeft } from "@/lib/auth/domain/session-expiry";
import type { Me } from "@/lib/auth/domain/me";
import { decodeSessionToken } from "@/lib/auth/session-token";

export type CurrentUser = {
  id: string;
  sessionId: string;
  identifier: string;
  displayName: string;
  role: Role;
  centreCode: string | null;
  profileComplete: boolean;
};

/**
 * The user behind this request, checked against the database: the session row must still exist
 * and not be expired, the account must be active. Cached for the duration of one request.
 */
/**
 * The options of the server's own reading of the session: the same, but the session carries the
 * session row's id (sid), which authOptions' session callback keeps out of /api/auth/session. The
 * cookie is decrypted once per token (decodeSessionToken), and no new one is encrypted: NextAuth
 * renews the cookie on each reading, but getServerSession drops cookies where the server reads it.
 */
const serverSessionOptions: AuthOptions = {
  ...authOptions,
  jwt: { decode: decodeSessionToken, encode: async () => "" },
  callbacks: { ...authOptions.callbacks, session: ({ session, token }) => Object.assign(session, { sid: token.sid, role: token.role }) },
};

type SessionRow = {
  expiresAt: Date;
  id: string;
  identifier: string;
  displayName: string;
  role: Role;
  centreCode: string | null;
  active: boolean;
  hasProfile: boolean;
  civility: Civility | null;
  unread: number;
};

/**
 * The session row behind this request, with its user and their unread notifications, once per
 * request (getCurrentUser, currentMe), in one statement: Prisma's query planning cost more CPU than
 * the page it guards. `unread` is lib/notifications/inbox.ts's unreadCount, counted here so that
 * the header needs no round trip of its own.
 */
const currentSession = cache(async () => {
  const session = await getServerSession(serverSessionOptions);
  if (!session?.sid) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", u.id, u.identifier, u."displayName", u.role::text AS role, u."centreCode", u.active,
           p."userId" IS NOT NULL AS "hasProfile", p.civility::text AS civility,
           (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread
    FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "LearnerProfile" p ON p."userId" = u.id
    WHERE s.id = ${session.sid}`;
  if (!row || row.expiresAt.getTime() <= Date.now() || !row.active) return null;
  return { sessionId: session.sid, ...row };
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSession();
  if (!session) return null;
  return {
    id: session.id,
    sessionId: session.sessionId,
    identifier: session.identifier,
    displayName: session.displayName,
    role: session.role,
    centreCode: session.centreCode,
    profileComplete: session.role !== "AUDITEUR" || session.hasProfile,
  };
});

/**
 * Who is logged in, as the header shows it (components/layout/CurrentUser.tsx): rendered with the
 * page by the root layout, and asked again by the browser at each navigation (/api/moi), from the
 * session's statement (the unread notifications included). The seconds left (not a date: the
 * browser's clock may be wrong) time the expiry warning.
 */
export const currentMe = cache(async (): Promise<Me | null> => {
  const session = await currentSession();
  if (!session) return null;
  return {
    displayName: session.displayName,
    role: session.role,
    roleLabel: roleLabelFor(session.role, session.civility),
    unread: session.unread,
    sessionSecondsLeft: secondsLeft(session.expiresAt, new Date()),
  };
});

/** The path asked for, as recorded by proxy.ts, to come back to it after logging in. */
async function requestedPath(): Promise<string> {
  return (await headers()).get("x-d3-path") ?? "/espace";
}

/**
 * The gate of every protected page and server action: anonymous → login page (and back),
 * wrong role → 403, learner without a profile → "Compléter mon profil".
 */
export async function requireUser(options: { space?: Space; allowIncompleteProfile?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?callbackUrl=${encodeURIComponent(await requestedPath())}`);
  if (options.space && !canEnter(user.role, options.space)) forbidden();
  if (!user.profileComplete && !options.allowIncompleteProfile) redirect("/profil/completer");
  return user;
}

/** Removes the NextAuth cookie once its session row is gone, so the browser forgets it too. */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
    if (jar.has(name)) jar.delete(name);
  }
}
