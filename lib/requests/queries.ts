import { Prisma } from "@/generated/prisma/client";
import { diplomaDefinitionFromText } from "@/lib/catalogue/definition";
import type { Diploma } from "@/lib/catalogue/domain/model";
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

/**
 * What a request's page reads, as a Prisma select: it gives RequestDetail its type, and it is the
 * reference that loadDetails' single statement is checked against
 * (tests/integration/requests/request-detail.test.ts): a field added here must be added there.
 */
export const detailSelect = {
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
} as const satisfies Prisma.RequestSelect;

type DetailRow = Prisma.RequestGetPayload<{ select: typeof detailSelect }>;
export type RequestDetail = Omit<DetailRow, "diploma"> & { diploma: Omit<DetailRow["diploma"], "definition"> & { definition: Diploma } };

/** A timestamp column (UTC, without time zone) as JSON text with its offset, which `new Date` reads whatever the process's zone. */
const utc = (column: string) => `(${column} AT TIME ZONE 'UTC')`;

/**
 * detailSelect in SQL, one JSON object per request "r": Prisma compiles a select of this size into
 * a plan on every call, which cost more CPU than everything else on the request page (≈ 4 ms a
 * request, against ≈ 0.5 ms for this statement). Orders as detailSelect's, with the id as tie-breaker.
 */
const DETAIL_JSON = `json_build_object(
  'id', r.id, 'number', r.number, 'kind', r.kind, 'mode', r.mode, 'state', r.state, 'version', r.version,
  'learnerId', r."learnerId", 'centreCode', r."centreCode",
  'forwardedAt', ${utc('r."forwardedAt"')}, 'submittedAt', ${utc('r."submittedAt"')},
  'lastChangeAt', ${utc('r."lastChangeAt"')}, 'createdAt', ${utc('r."createdAt"')},
  'diplomaRequestId', r."diplomaRequestId", 'experienceRoute', r."experienceRoute",
  'jointAnalysis', (SELECT json_build_object('id', j.id) FROM "Request" j WHERE j."diplomaRequestId" = r.id),
  'linkedAnalysis', (SELECT json_build_object('id', la.id, 'number', la.number, 'state', la.state) FROM "Request" la WHERE la.id = r."linkedAnalysisId"),
  'linkedDiplomaRequests', coalesce((
    SELECT json_agg(json_build_object('id', ld.id, 'number', ld.number, 'state', ld.state) ORDER BY ld."createdAt" DESC, ld.id)
    FROM "Request" ld WHERE ld."linkedAnalysisId" = r.id), '[]'),
  'restartedFrom', (SELECT json_build_object('id', rf.id, 'number', rf.number) FROM "Request" rf WHERE rf.id = r."restartedFromId"),
  'diploma', (SELECT json_build_object('key', d.key, 'code', d.code, 'title', d.title, 'definition', d.definition::text) FROM "Diploma" d WHERE d.key = r."diplomaKey"),
  'centre', (SELECT json_build_object('code', c.code, 'name', c.name) FROM "Centre" c WHERE c.code = r."centreCode"),
  'learner', (
    SELECT json_build_object('id', u.id, 'identifier', u.identifier, 'email', u.email, 'profile', (
      SELECT json_build_object('civility', p.civility, 'firstNames', p."firstNames", 'birthName', p."birthName", 'usageName', p."usageName",
                               'learnerNumber', p."learnerNumber", 'birthDate', ${utc('p."birthDate"')}, 'email', p.email)
      FROM "LearnerProfile" p WHERE p."userId" = u.id))
    FROM "User" u WHERE u.id = r."learnerId"),
  'assignedAgent', (SELECT json_build_object('displayName', ag."displayName") FROM "User" ag WHERE ag.id = r."assignedAgentId"),
  'experiences', coalesce((
    SELECT json_agg(json_build_object('id', x.id, 'employer', x.employer, 'jobTitle', x."jobTitle", 'startDate', x."startDate", 'endDate', x."endDate",
                                      'workingTimePercent', x."workingTimePercent", 'inField', x."inField", 'activities', x.activities) ORDER BY x.position, x.id)
    FROM "Experience" x WHERE x."requestId" = r.id), '[]'),
  'documents', coalesce((
    SELECT json_agg(json_build_object('id', doc.id, 'category', doc.category, 'originalName', doc."originalName", 'mimeType', doc."mimeType", 'size', doc.size,
                                      'status', doc.status, 'statusReason', doc."statusReason", 'uploadedAt', ${utc('doc."uploadedAt"')}) ORDER BY doc."uploadedAt", doc.id)
    FROM "RequestDocument" doc WHERE doc."requestId" = r.id AND doc."messageId" IS NULL), '[]'),
  'events', coalesce((
    SELECT json_agg(json_build_object('id', e.id, 'at', ${utc("e.at")}, 'actorRole', e."actorRole", 'transition', e.transition, 'fromState', e."fromState",
                                      'toState', e."toState", 'comment', e.comment, 'payload', e.payload,
                                      'actor', (SELECT json_build_object('displayName', a."displayName") FROM "User" a WHERE a.id = e."actorId")) ORDER BY e.id)
    FROM "RequestEvent" e WHERE e."requestId" = r.id), '[]'),
  'messages', coalesce((
    SELECT json_agg(json_build_object('id', m.id, 'body', m.body, 'createdAt', ${utc('m."createdAt"')},
                                      'author', (SELECT json_build_object('displayName', au."displayName", 'role', au.role) FROM "User" au WHERE au.id = m."authorId"),
                                      'attachment', (SELECT json_build_object('id', f.id, 'originalName', f."originalName", 'size', f.size) FROM "RequestDocument" f WHERE f."messageId" = m.id))
                    ORDER BY m."createdAt", m.id)
    FROM "RequestMessage" m WHERE m."requestId" = r.id), '[]')
)`;

/** A request as DETAIL_JSON gives it: its dates as text, its diploma's definition as the column's text. */
type DetailJson = Omit<DetailRow, "forwardedAt" | "submittedAt" | "lastChangeAt" | "createdAt" | "diploma" | "learner" | "documents" | "events" | "messages"> & {
  diploma: Omit<DetailRow["diploma"], "definition"> & { definition: string };
  forwardedAt: string | null;
  submittedAt: string | null;
  lastChangeAt: string;
  createdAt: string;
  learner: Omit<DetailRow["learner"], "profile"> & { profile: (Omit<NonNullable<DetailRow["learner"]["profile"]>, "birthDate"> & { birthDate: string }) | null };
  documents: (Omit<DetailRow["documents"][number], "uploadedAt"> & { uploadedAt: string })[];
  events: (Omit<DetailRow["events"][number], "at"> & { at: string })[];
  messages: (Omit<DetailRow["messages"][number], "createdAt"> & { createdAt: string })[];
};

const date = (text: string) => new Date(text);
const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

function toDetail(row: DetailJson): RequestDetail {
  const { profile } = row.learner;
  const definition = diplomaDefinitionFromText(row.diploma.key, row.diploma.definition);
  return {
    ...row,
    forwardedAt: dateOrNull(row.forwardedAt),
    submittedAt: dateOrNull(row.submittedAt),
    lastChangeAt: date(row.lastChangeAt),
    createdAt: date(row.createdAt),
    diploma: { ...row.diploma, definition },
    learner: { ...row.learner, profile: profile && { ...profile, birthDate: date(profile.birthDate) } },
    documents: row.documents.map((document) => ({ ...document, uploadedAt: date(document.uploadedAt) })),
    events: row.events.map((event) => ({ ...event, at: date(event.at) })),
    messages: row.messages.map((message) => ({ ...message, createdAt: date(message.createdAt) })),
  };
}

/**
 * A request and its joint counterpart (the diploma request of a joint analysis, or the joint
 * analysis of a diploma request), in one statement: [request, counterpart], each null when missing.
 */
async function loadDetails(requestId: string): Promise<[RequestDetail | null, RequestDetail | null]> {
  const rows = await db.$queryRaw<{ k: number; detail: DetailJson }[]>`
    WITH asked AS (SELECT id, "diplomaRequestId" FROM "Request" WHERE id = ${requestId}),
    wanted AS (
      SELECT id, 0 AS k FROM asked
      UNION ALL
      SELECT coalesce(a."diplomaRequestId", (SELECT j.id FROM "Request" j WHERE j."diplomaRequestId" = a.id)), 1 FROM asked a
    )
    SELECT w.k, ${Prisma.raw(DETAIL_JSON)} AS detail FROM wanted w JOIN "Request" r ON r.id = w.id ORDER BY w.k`;
  const of = (k: number) => {
    const row = rows.find((candidate) => candidate.k === k);
    return row ? toDetail(row.detail) : null;
  };
  return [of(0), of(1)];
}

/**
 * A request with everything its page shows, and its joint counterpart (the joint analysis of a
 * diploma request, or the diploma request of a joint analysis) — or null when the viewer may not
 * see it: a guessed id gets the same answer as a missing one. One database round trip.
 */
export async function getRequestForViewer(viewer: Viewer, requestId: string): Promise<{ request: RequestDetail; linked: RequestDetail | null } | null> {
  if (typeof requestId !== "string" || requestId.length > 64) return null;
  const [request, linked] = await loadDetails(requestId);
  if (!request || !canViewRequest(viewer, request)) return null;
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
