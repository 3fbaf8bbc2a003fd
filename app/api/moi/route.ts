import { NextResponse } from "next/server";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { unreadCount } from "@/lib/notifications/inbox";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Who is logged in, for the header: the pages themselves stay static where they can (the Aide),
 * and the header asks for this small piece once the page is shown.
 */
export async function GET() {
  const user = await getCurrentUser();
  const body = user ? { displayName: user.displayName, roleLabel: ROLE_LABELS[user.role], unread: await unreadCount(user.id) } : null;
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
