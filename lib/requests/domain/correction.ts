import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "./documents";

/**
 * A correction request names the pieces the learner must send (lib/requests/domain/commands.ts,
 * askForCorrection's `pieces`, kept in the history row's payload as `requestedPieces`). The learner
 * sends them on the request itself; the completed file goes back only once each named piece has
 * been added since the request. Pure.
 */

/** The pieces a correction's history row names, in the list's order; none for an older row or free text only. */
export function requestedPiecesOf(payload: unknown): DocumentCategory[] {
  const raw = payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>).requestedPieces : undefined;
  if (typeof raw !== "string" || raw === "") return [];
  const named = new Set(raw.split(","));
  return DOCUMENT_CATEGORIES.filter((category) => named.has(category));
}

/** The named pieces not yet sent: no document of that kind added after the correction was asked. */
export function missingRequestedPieces(requested: readonly DocumentCategory[], askedAt: Date, documents: readonly { category: DocumentCategory; uploadedAt: Date }[]): DocumentCategory[] {
  return requested.filter((category) => !documents.some((document) => document.category === category && document.uploadedAt.getTime() >= askedAt.getTime()));
}

/** The learner's message for each missing piece. */
export function missingPieceMessage(category: DocumentCategory): string {
  return `Joignez la pièce demandée par votre centre : « ${DOCUMENT_CATEGORY_LABELS[category]} ».`;
}
