import { canEnter, type Space } from "@/lib/auth/domain/policy";
import { can } from "@/lib/requests/domain/staff-policy";
import { getCurrentUser } from "@/lib/auth/session";
import { searchParamsOf } from "@/lib/shared/params";
import { csvDownload, exportQueueCsv, parseQueueFilters } from "./staff-queries";

/**
 * The route handler of a space's "Exporter en CSV": the queue under the filters of the URL, as a
 * streamed CSV file. Anonymous: 401; another space or no export right: 403.
 */
export function queueExportHandler(space: Extract<Space, "centre" | "national">) {
  return async function GET(request: Request): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return new Response(null, { status: 401 });
    if (!canEnter(user.role, space) || !can(user, "exportQueue")) return new Response(null, { status: 403 });
    const filters = parseQueueFilters(searchParamsOf(request.url));
    return csvDownload(exportQueueCsv(user, filters));
  };
}
