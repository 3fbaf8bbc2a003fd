import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { db } from "@/lib/shared/db";
import { canViewRequest, type Viewer } from "@/lib/requests/domain/request-access";

/** Suivi de dossiers: the learner's requests, each with its joint analysis, newest first. */
export async function listLearnerRequests(learnerId: string) {
  return db.request.findMany({
    where: { learnerId, diplomaRequestId: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      kind: true,
      mode: true,
      state: true,
      submittedAt: true,
      lastChangeAt: true,
      createdAt: true,
      diploma: { select: { key: true, code: true, title: true } },
      jointAnalysis: { select: { id: true, number: true, state: true } },
      linkedAnalysis: { select: { id: true, number: true, state: true } },
    },
  });
}

export type LearnerRequestSummary = Awaited<ReturnType<typeof listLearnerRequests>>[number];

const detailSelect = {
  id: true,
  number: true,
  kind: true,
  mode: true,
  state: true,
  version: true,
  learnerId: true,
  centreCode: true,
  forwardedAt: true,
  submittedAt: true,
  lastChangeAt: true,
  createdAt: true,
  diplomaRequestId: true,
  // The joint analysis of a diploma request, read with it rather than by a query of its own.
  jointAnalysis: { select: { id: true } },
  experienceRoute: true,
  // A diploma request relying on an anticipated analysis, and the other way round; the request a draft was started again from.
  linkedAnalysis: { select: { id: true, number: true, state: true } },
  linkedDiplomaRequests: { orderBy: { createdAt: "desc" }, select: { id: true, number: true, state: true } },
  restartedFrom: { select: { id: true, number: true } },
  diploma: { select: { key: true, code: true, title: true, definition: true } },
  centre: { select: { code: true, name: true } },
  learner: {
    select: {
      id: true,
      identifier: true,
      email: true,
      profile: { select: { civility: true, firstNames: true, birthName: true, usageName: true, learnerNumber: true, birthDate: true, email: true } },
    },
  },
  assignedAgent: { select: { displayName: true } },
  experiences: {
    orderBy: { position: "asc" },
    select: { id: true, employer: true, jobTitle: true, startDate: true, endDate: true, workingTimePercent: true, inField: true, activities: true },
  },
  // The pièces; files attached to messages are shown with their message.
  documents: {
    where: { messageId: null },
    orderBy: { uploadedAt: "asc" },
    select: { id: true, category: true, originalName: true, mimeType: true, size: true, status: true, statusReason: true, uploadedAt: true },
  },
  events: {
    orderBy: { id: "asc" },
    select: { id: true, at: true, actorRole: true, transition: true, fromState: true, toState: true, comment: true, payload: true, actor: { select: { displayName: true } } },
  },
  messages: {
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { displayName: true, role: true } }, attachment: { select: { id: true, originalName: true, size: true } } },
  },
} as const;

async function loadDetail(requestId: string) {
  const row = await db.request.findUnique({ where: { id: requestId }, select: detailSelect });
  return row ? { ...row, diploma: { ...row.diploma, definition: parseDiplomaDefinition(row.diploma.key, row.diploma.definition) } } : null;
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof loadDetail>>>;

/**
 * A request with everything its page shows, and its joint counterpart (the joint analysis of a
 * diploma request, or the diploma request of a joint analysis) — or null when the viewer may not
 * see it: a guessed id gets the same answer as a missing one.
 */
export async function getRequestForViewer(viewer: Viewer, requestId: string): Promise<{ request: RequestDetail; linked: RequestDetail | null } | null> {
  if (typeof requestId !== "string" || requestId.length > 64) return null;
  const request = await loadDetail(requestId);
  if (!request || !canViewRequest(viewer, request)) return null;
  const linkedId = request.diplomaRequestId ?? request.jointAnalysis?.id;
  const linked = linkedId ? await loadDetail(linkedId) : null;
  return { request, linked: linked && canViewRequest(viewer, linked) ? linked : null };
}

/**
 * The learner's experience analysis under way for a diploma (submitted, not closed; anticipated or
 * joint), if any: the diploma's page then offers no second analysis and says which one serves.
 */
export async function openAnalysisFor(learnerId: string, diplomaKey: string) {
  const analyses = await db.request.findMany({
    where: { learnerId, diplomaKey, kind: "EXPERIENCE", state: { notIn: ["DRAFT", "FAVOURABLE", "UNFAVOURABLE", "REFUSED", "WITHDRAWN"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, mode: true, state: true, diplomaRequestId: true },
    take: 1,
  });
  return analyses[0] ?? null;
}
