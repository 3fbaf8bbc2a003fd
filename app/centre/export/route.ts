import { canEnter } from "@/lib/domain/policy";
import { can } from "@/lib/domain/staff-policy";
import { csvDownload, exportQueueCsv, parseQueueFilters } from "@/lib/requests/staff-queries";
import { getCurrentUser } from "@/lib/server/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The centre's queue under the filters of the URL, as a streamed CSV file. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!canEnter(user.role, "centre") || !can(user, "exportQueue")) return new Response(null, { status: 403 });
  const filters = parseQueueFilters(Object.fromEntries(new URL(request.url).searchParams));
  return csvDownload(exportQueueCsv(user, filters));
}
