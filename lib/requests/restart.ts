import { db } from "@/lib/shared/db";
import { deleteFile, openFile, saveFile } from "@/lib/shared/storage";
import { log } from "@/lib/shared/log";
import { isOwner } from "@/lib/requests/domain/request-access";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import { NOT_FOUND, type Actor } from "./transition";
import { startRequest, type Failure } from "./learner-requests";

/** A request the learner may start again from: closed without success. */
const RESTARTABLE: ReadonlySet<RequestState> = new Set(["REFUSED", "WITHDRAWN", "UNFAVOURABLE"]);

export function isRestartable(state: RequestState): boolean {
  return RESTARTABLE.has(state);
}

type Source = { id: string | null; experiences: number; documents: number };

/**
 * What a new request started from `requestId` would carry over: the analysis holding the
 * experiences and documents (the request itself, or its joint analysis) and how many of each. The
 * learner sees these numbers before confirming, on the request's page: in one statement there.
 */
export async function restartPreview(learner: Actor, requestId: string): Promise<Source | null> {
  const [closed] = await db.$queryRaw<
    { id: string; learnerId: string; state: RequestState; diplomaRequestId: string | null; analysisId: string | null; experiences: number; documents: number }[]
  >`
    SELECT r.id, r."learnerId", r.state::text AS state, r."diplomaRequestId", a.id AS "analysisId",
           (SELECT count(*)::int FROM "Experience" x WHERE x."requestId" = a.id) AS experiences,
           (SELECT count(*)::int FROM "RequestDocument" d WHERE d."requestId" = a.id AND d.status <> 'REFUSED') AS documents
    FROM "Request" r
    LEFT JOIN "Request" a ON a.id = CASE WHEN r.kind = 'EXPERIENCE' THEN r.id ELSE (SELECT j.id FROM "Request" j WHERE j."diplomaRequestId" = r.id) END
    WHERE r.id = ${requestId}`;
  if (!closed || !isOwner(learner, closed) || closed.diplomaRequestId || !isRestartable(closed.state)) return null;
  if (!closed.analysisId) return { id: null, experiences: 0, documents: 0 };
  return { id: closed.analysisId, experiences: closed.experiences, documents: closed.documents };
}

/**
 * "Faire une nouvelle demande à partir de celle-ci": a new draft of the same kind for the same
 * diploma (with the same checks as any new request), prefilled with the closed request's
 * experiences and documents (a copy of each file; refused pieces are left behind). The learner
 * checks them on the draft, changes what they want, and submits. An existing draft for the
 * diploma is returned as it is, never overwritten.
 */
export async function restartRequest(learner: Actor, requestId: string): Promise<{ ok: true; requestId: string; copied: { experiences: number; documents: number } } | Failure> {
  if (typeof requestId !== "string" || requestId.length > 64) return NOT_FOUND;
  const closed = await db.request.findUnique({ where: { id: requestId }, select: { id: true, kind: true, learnerId: true, diplomaKey: true, state: true, diplomaRequestId: true } });
  if (!closed || !isOwner(learner, closed) || closed.diplomaRequestId) return NOT_FOUND;
  if (!isRestartable(closed.state)) return { ok: false, message: "Seule une demande refusée, abandonnée ou ayant reçu un avis défavorable peut servir de point de départ à une nouvelle demande." };
  const source = await restartPreview(learner, closed.id);
  const started = await startRequest(learner, closed.diplomaKey, closed.kind, closed.id);
  if (!started.ok) return started;
  const draft = await db.request.findUnique({
    where: { id: started.requestId },
    select: { id: true, kind: true, restartedFromId: true, jointAnalysis: { select: { id: true } } },
  });
  const targetId = draft?.kind === "EXPERIENCE" ? draft.id : draft?.jointAnalysis?.id;
  // A draft that already existed keeps what the learner put in it.
  if (!draft || draft.restartedFromId !== closed.id || !targetId || !source?.id) {
    return { ok: true, requestId: started.requestId, copied: { experiences: 0, documents: 0 } };
  }
  return { ok: true, requestId: started.requestId, copied: await copyAnalysis(source.id, targetId, learner.id) };
}

async function copyAnalysis(fromId: string, toId: string, learnerId: string): Promise<{ experiences: number; documents: number }> {
  const [experiences, documents] = await Promise.all([
    db.experience.findMany({
      where: { requestId: fromId },
      orderBy: { position: "asc" },
      select: { position: true, employer: true, jobTitle: true, startDate: true, endDate: true, workingTimePercent: true, inField: true, activities: true },
    }),
    db.requestDocument.findMany({
      where: { requestId: fromId, status: { not: "REFUSED" } },
      orderBy: { uploadedAt: "asc" },
      select: { category: true, originalName: true, storageKey: true, mimeType: true, size: true, sha256: true },
    }),
  ]);
  await db.experience.createMany({ data: experiences.map((experience) => ({ ...experience, requestId: toId })) });
  // The access route the learner had chosen (the licence's), with the experiences it applies to.
  const source = await db.request.findUnique({ where: { id: fromId }, select: { experienceRoute: true } });
  if (source?.experienceRoute) await db.request.update({ where: { id: toId }, data: { experienceRoute: source.experienceRoute } });
  let copiedDocuments = 0;
  for (const document of documents) {
    const file = await openFile(document.storageKey).catch(() => null);
    if (!file) {
      log.warn({ storageKey: document.storageKey, requestId: fromId }, "document not carried over to the restarted request: file missing");
      continue;
    }
    const saved = await saveFile(file.stream);
    try {
      await db.requestDocument.create({
        data: { requestId: toId, category: document.category, originalName: document.originalName, storageKey: saved.storageKey, mimeType: document.mimeType, size: saved.size, sha256: saved.sha256, uploadedById: learnerId },
      });
      copiedDocuments += 1;
    } catch (error) {
      await deleteFile(saved.storageKey).catch(() => undefined);
      throw error;
    }
  }
  return { experiences: experiences.length, documents: copiedDocuments };
}
