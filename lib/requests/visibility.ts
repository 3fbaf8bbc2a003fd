import { db } from "@/lib/shared/db";
import { idParam } from "@/lib/shared/params";
import { canViewRequest, type Viewer } from "@/lib/requests/domain/request-access";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";

const scopeSelect = { learnerId: true, centreCode: true, state: true, forwardedAt: true } as const;

/** Loads what decides visibility; ids that are malformed, missing or not visible all give null. */
export async function findVisibleRequestVersion(viewer: Viewer, requestId: string): Promise<{ version: number; state: RequestState } | null> {
  if (idParam(requestId) === null) return null;
  const request = await db.request.findUnique({ where: { id: requestId }, select: { ...scopeSelect, version: true } });
  if (!request || !canViewRequest(viewer, request)) return null;
  return { version: request.version, state: request.state };
}
