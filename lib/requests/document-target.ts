import { db } from "@/lib/shared/db";
import { isOwner } from "@/lib/requests/domain/request-access";
import type { Actor } from "./transition";
import { findOwnedAnalysis } from "./learner-requests";

/**
 * The request a learner's pièce goes to. A diploma request sent back for correction receives the
 * pieces its centre named on itself (an attestation, a transcript: they are not experience
 * proofs, and the diploma request may have no analysis at all); otherwise the analysis holds them
 * (the request itself, or the diploma request's joint analysis).
 */
export async function findDocumentTarget(learner: Actor, requestId: string) {
  if (typeof requestId !== "string" || requestId.length > 64) return null;
  const request = await db.request.findUnique({ where: { id: requestId }, select: { id: true, kind: true, state: true, learnerId: true } });
  if (!request || !isOwner(learner, request)) return null;
  if (request.kind === "DIPLOMA" && request.state === "CORRECTION_REQUESTED") return { id: request.id, state: request.state };
  return findOwnedAnalysis(learner, requestId);
}
