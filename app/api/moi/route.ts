import { NextResponse } from "next/server";
import { currentMe } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Who is logged in, for the header after a navigation in the browser (the root layout renders it
 * with the first page: lib/auth/session.ts currentMe) and for the session's expiry warning.
 */
export async function GET() {
  return NextResponse.json(await currentMe(), { headers: { "Cache-Control": "private, no-store" } });
}
