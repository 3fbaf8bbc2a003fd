import { NextResponse } from "next/server";
import { roleLabelFor } from "@/lib/auth/domain/role-label";
import { db } from "@/lib/shared/db";
import { unreadCount } from "@/lib/notifications/inbox";
import { getCurrentUser } from "@/lib/auth/session";
import { sessionSecondsLeft } from "@/lib/auth/session-expiry";

export const dynamic = "force-dynamic";

async function civilityOf(userId: string, role: string) {
  if (role !== "AUDITEUR") return null;
  const profile = await db.learnerProfile.findUnique({ where: { userId }, select: { civility: true } });
  return profile?.civility ?? null;
}

/**
 * Who is logged in, for the header: the pages themselves stay static where they can (the Aide),
 * and the header asks for this small piece once the page is shown. The role chooses the tabs;
 * the seconds left (not a date: the browser's clock may be wrong) time the expiry warning.
 */
export async function GET() {
  const user = await getCurrentUser();
  const body = user
    ? { displayName: user.displayName, role: user.role, roleLabel: roleLabelFor(user.role, await civilityOf(user.id, user.role)), unread: await unreadCount(user.id), sessionSecondsLeft: await sessionSecondsLeft(user.sessionId) }
    : null;
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
