import type { Role } from "../../auth/domain/policy";
import type { RequestState } from "./request-lifecycle";

/**
 * Who may see a request. A learner sees only their own requests (drafts included); a centre agent
 * only the submitted requests of their own centre; the national level the requests a centre has
 * forwarded. The administrator manages accounts and the catalogue, not requests.
 */
export type Viewer = { id: string; role: Role; centreCode: string | null };
export type RequestScope = { learnerId: string; centreCode: string; state: RequestState; forwardedAt: Date | null };

export function canViewRequest(viewer: Viewer, request: RequestScope): boolean {
  switch (viewer.role) {
    case "AUDITEUR":
      return request.learnerId === viewer.id;
    case "AGENT_CENTRE":
      return request.state !== "DRAFT" && viewer.centreCode !== null && request.centreCode === viewer.centreCode;
    case "AGENT_NATIONAL":
      return request.state !== "DRAFT" && request.forwardedAt !== null;
    case "ADMIN":
      return false;
  }
}

/** Only the learner who owns a request acts on it as a learner (edit a draft, submit, withdraw). */
export function isOwner(viewer: Viewer, request: Pick<RequestScope, "learnerId">): boolean {
  return viewer.role === "AUDITEUR" && request.learnerId === viewer.id;
}

/** A learner may change the content (experiences, documents) of a draft, or while a correction is asked. */
export function isEditableByLearner(state: RequestState): boolean {
  return state === "DRAFT" || state === "CORRECTION_REQUESTED";
}

/**
 * May the learner add a document of this category now? Any category while they may change the
 * content; after a favourable opinion under condition, the internship's agreement and report only.
 */
export function learnerMayAddDocument(state: RequestState, category: string): boolean {
  if (isEditableByLearner(state)) return true;
  return state === "FAVOURABLE_WITH_CONDITION" && (INTERNSHIP_PROOF_CATEGORIES as readonly string[]).includes(category);
}

/** What proves the internship a favourable opinion under condition asks for. */
export const INTERNSHIP_PROOF_CATEGORIES = ["INTERNSHIP_AGREEMENT", "INTERNSHIP_REPORT"] as const;

/** D3-2026-000123: the year of submission and a yearly sequence. */
export function formatRequestNumber(year: number, sequence: number): string {
  return `D3-${year}-${String(sequence).padStart(6, "0")}`;
}
