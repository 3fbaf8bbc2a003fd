/**
 * What the learner reads of each pièce: a piece joined since the request was last sent to the
 * centre (a draft's pieces, or those joined while completing it) is « Pas encore transmis » until
 * the learner sends the request; then « Transmis », and « Validé » or « Refusé » once reviewed.
 */

export type StoredDocumentStatus = "TRANSMITTED" | "VALIDATED" | "REFUSED";
export type ShownDocumentStatus = "NOT_SENT" | StoredDocumentStatus;

/** The commands by which the learner hands the request, with the pieces joined so far, to the centre. */
const SENDING_TRANSITIONS: ReadonlySet<string> = new Set(["submit", "resubmit", "sendInternshipProof"]);

/** When the learner last sent the request (deposit, return after a correction, internship proofs); null for a draft. */
export function lastSentAt(events: readonly { transition: string; at: Date }[]): Date | null {
  return events.findLast((event) => SENDING_TRANSITIONS.has(event.transition))?.at ?? null;
}

export function shownDocumentStatus(document: { status: StoredDocumentStatus; uploadedAt: Date }, sentAt: Date | null): ShownDocumentStatus {
  if (document.status !== "TRANSMITTED") return document.status;
  return sentAt !== null && document.uploadedAt.getTime() <= sentAt.getTime() ? "TRANSMITTED" : "NOT_SENT";
}

/** The request's pieces with the status the learner reads. */
export function withShownStatus<D extends { status: StoredDocumentStatus; uploadedAt: Date }>(
  documents: readonly D[],
  events: readonly { transition: string; at: Date }[],
): (Omit<D, "status"> & { status: ShownDocumentStatus })[] {
  const sentAt = lastSentAt(events);
  return documents.map((document) => ({ ...document, status: shownDocumentStatus(document, sentAt) }));
}
