import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type AuthOptions } from "next-auth";
import { authOptions } from "./auth-options";
import { db } from "../shared/db";
import { canEnter, type Role, type Space } from "@/lib/auth/domain/policy";
import { roleLabelFor } from "@/lib/auth/domain/role-label";
import { secondsLeft } from "@/lib/auth/domain/session-expiry";
import type { Me } from "@/lib/auth/domain/me";
import { unreadCount } from "@/lib/notifications/inbox";

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
 * session row's id (sid), which authOptions' session callback keeps out of /api/auth/session.
 */
const serverSessionOptions: AuthOptions = {
  ...authOptions,
  callbacks: { ...authOptions.callbacks, session: ({ session, token }) => Object.assign(session, { sid: token.sid, role: token.role }) },
};

/** The session row behind this request, with its user, once per request (getCurrentUser, currentMe). */
const currentSession = cache(async () => {
  const session = await getServerSession(serverSessionOptions);
  if (!session?.sid) return null;
  const row = await db.session.findUnique({
    where: { id: session.sid },
    select: {
      expiresAt: true,
      user: { select: { id: true, identifier: true, displayName: true, role: true, centreCode: true, active: true, profile: { select: { userId: true, civility: true } } } },
    },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || !row.user.active) return null;
  return { sessionId: session.sid, ...row };
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSession();
  if (!session) return null;
  const { user } = session;
  return {
    id: user.id,
    sessionId: session.sessionId,
    identifier: user.identifier,
    displayName: user.displayName,
    role: user.role,
    centreCode: user.centreCode,
    profileComplete: user.role !== "AUDITEUR" || user.profile !== null,
  };
});

/**
 * Who is logged in, as the header shows it (components/layout/CurrentUser.tsx): rendered with the
 * page by the root layout, and asked again by the browser at each navigation (/api/moi). One
 * query beyond the session's: the unread notifications. The seconds left (not a date: the
 * browser's clock may be wrong) time the expiry warning.
 */
export const currentMe = cache(async (): Promise<Me | null> => {
  const session = await currentSession();
  if (!session) return null;
  const { user } = session;
  return {
    displayName: user.displayName,
    role: user.role,
    roleLabel: roleLabelFor(user.role, user.role === "AUDITEUR" ? (user.profile?.civility ?? null) : null),
    unread: await unreadCount(user.id),
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
