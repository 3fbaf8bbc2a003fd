import type { Transaction } from "@/lib/shared/db/database";
import type { DocumentCategory } from "@/lib/requests/domain/documents";
import { missingPieceMessage, missingRequestedPieces, requestedPiecesOf } from "@/lib/requests/domain/correction";

/**
 * Checked when the learner sends back a request asked for a correction: each piece the centre named
 * has been added to the request since it asked (lib/requests/domain/correction.ts).
 */
export async function requestedPiecesProblems(tx: Transaction, requestId: string): Promise<string[]> {
  const correction = await tx.requestEvent.findFirst({ where: { requestId, transition: "askForCorrection" }, orderBy: { id: "desc" }, select: { at: true, payload: true } });
  const requested = correction ? requestedPiecesOf(correction.payload) : [];
  if (!correction || requested.length === 0) return [];
  const documents = await tx.requestDocument.findMany({ where: { requestId, messageId: null }, select: { category: true, uploadedAt: true } });
  return missingRequestedPieces(requested, correction.at, documents.map((d) => ({ category: d.category as DocumentCategory, uploadedAt: d.uploadedAt }))).map(missingPieceMessage);
}
