import type { Transaction } from "@/lib/shared/db/database";
import { closureFor, linkedClosureReason, requestsToClose } from "@/lib/requests/domain/linked-requests";
import type { RequestKind, RequestState } from "@/lib/requests/domain/request-lifecycle";
import type { ApplyTransition } from "./transition";

const relatedSelect = { select: { id: true, kind: true, mode: true, state: true, version: true } } as const;

/** What a use case loads of a request to close the requests that live with it. */
export const linkedSelect = {
  number: true,
  diplomaRequestId: true,
  jointAnalysis: relatedSelect,
  diplomaRequest: relatedSelect,
  linkedAnalysis: relatedSelect,
  linkedDiplomaRequests: relatedSelect,
} as const;

type Related = { id: string } | null;

export type Closable = {
  id: string;
  kind: RequestKind;
  number: string | null;
  jointAnalysis: Related;
  diplomaRequest: Related;
  linkedDiplomaRequests: { id: string }[];
};

export type LinkedClosed = { id: string; from: RequestState; to: RequestState; reason: string };

/**
 * In the caller's transaction, after `closed` reached `to`: closes the requests that live with it
 * (lib/requests/domain/linked-requests.ts), each with a history row under the same actor and a
 * reason the learner reads. Their current state and version are read again here, in the
 * transaction; a change made meanwhile refuses the whole transaction (stale version).
 */
export async function closeLinkedRequests(tx: Transaction, apply: ApplyTransition, closed: Closable, to: RequestState, reason: string | null | undefined): Promise<LinkedClosed[]> {
  const closure = closureFor(to);
  if (!closure) return [];
  const ids = [closed.jointAnalysis, closed.diplomaRequest, ...closed.linkedDiplomaRequests].filter((r): r is { id: string } => r !== null).map((r) => r.id);
  if (ids.length === 0) return [];
  const current = await tx.request.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, mode: true, state: true, version: true }, orderBy: { id: "asc" } });
  const text = linkedClosureReason({ kind: closed.kind, number: closed.number, to }, reason);
  const done: LinkedClosed[] = [];
  for (const linked of requestsToClose(closed, current)) {
    const version = current.find((row) => row.id === linked.id)!.version;
    const changed = await apply({ ...linked, version }, { type: "closeWithLinkedRequest", expectedVersion: version, closure, reason: text });
    done.push({ id: linked.id, from: linked.state, to: changed.state, reason: text });
  }
  return done;
}
