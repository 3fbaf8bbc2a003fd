import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { db } from "@/lib/shared/db";
import type { Database, Transaction } from "@/lib/shared/db/database";
import { recordAudit } from "@/lib/audit/log";
import { deleteFile, openFile } from "@/lib/shared/storage";
import { storeUpload } from "@/lib/shared/storage/uploads";
import { readVariables, LIMIT_VARIABLES } from "@/lib/shared/env";
import { log } from "@/lib/shared/log";
import { canViewRequest, isEditableByLearner, learnerMayAddDocument, type Viewer } from "@/lib/requests/domain/request-access";
import {
  checkUploadedFile,
  cleanFileName,
  DEFAULT_LEARNER_STORAGE_QUOTA_MB,
  DOCUMENT_CATEGORIES,
  MAX_DOCUMENTS_PER_REQUEST,
  storageQuotaProblem,
  type DocumentCategory,
} from "@/lib/requests/domain/documents";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import { NOT_FOUND, type Actor } from "./transition";
import { findDocumentTarget } from "./document-target";
import { NOT_EDITABLE, editAnalysisWhen } from "./learner-requests";

/**
 * Pièces justificatives of an experience analysis: the learner adds and removes them while the
 * request is a draft or sent back for correction; whoever may see the request may download them.
 */

export type DocumentField = "category" | "file";
export type DocumentFailure = { ok: false; message: string; fieldErrors?: Partial<Record<DocumentField, string>> };

const notFound: DocumentFailure = { ok: false, message: NOT_FOUND.message };
const INTERNSHIP_ONLY = "À cette étape, joignez seulement la convention de stage ou le rapport de stage.";
/** A request whose documents the learner may change now: a draft, a correction, or the internship proofs of a favourable opinion under condition. */
const mayReceiveDocuments = (state: RequestState) => isEditableByLearner(state) || state === "FAVOURABLE_WITH_CONDITION";
const onField = (field: DocumentField, message: string): DocumentFailure => ({ ok: false, message: "La pièce n'a pas été ajoutée.", fieldErrors: { [field]: message } });

function isCategory(value: unknown): value is DocumentCategory {
  return typeof value === "string" && (DOCUMENT_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The limit of documents per request, or null while there is room. Counted again under the
 * request's lock before a row is added, so that parallel uploads cannot pass it together.
 */
async function documentLimitReached(client: Pick<Database | Transaction, "requestDocument">, analysisId: string): Promise<DocumentFailure | null> {
  const count = await client.requestDocument.count({ where: { requestId: analysisId } });
  if (count < MAX_DOCUMENTS_PER_REQUEST) return null;
  return onField("file", `${MAX_DOCUMENTS_PER_REQUEST} pièces au plus par demande : regroupez plusieurs pages dans un même PDF, ou supprimez une pièce.`);
}

/** The storage quota of one learner, in bytes (LEARNER_STORAGE_QUOTA_MB, default 200). */
export function learnerStorageQuotaBytes(): number {
  const parsed = readVariables(LIMIT_VARIABLES);
  const mb = parsed.ok && parsed.values.LEARNER_STORAGE_QUOTA_MB ? Number(parsed.values.LEARNER_STORAGE_QUOTA_MB) : DEFAULT_LEARNER_STORAGE_QUOTA_MB;
  return mb * 1024 * 1024;
}

/**
 * The learner's storage quota, or null while `adding` bytes fit. With `lock`, inside a transaction,
 * the learner's User row is locked first (SELECT … FOR UPDATE), so that uploads to several of the
 * learner's requests at once are counted one after the other and cannot pass the quota together.
 * Every file the learner uploaded counts (pièces and message attachments are RequestDocument rows).
 */
export async function learnerQuotaReached(client: Database | Transaction, learnerId: string, adding: number, lock: boolean): Promise<DocumentFailure | null> {
  if (lock) await client.$queryRaw`SELECT id FROM "User" WHERE id = ${learnerId} FOR UPDATE`;
  const [row] = await client.$queryRaw<{ used: bigint | null }[]>`
    SELECT sum(size)::bigint AS used FROM "RequestDocument" WHERE "uploadedById" = ${learnerId}`;
  const problem = storageQuotaProblem(Number(row?.used ?? 0), adding, learnerStorageQuotaBytes());
  return problem ? onField("file", problem) : null;
}

/** A stored file no row points to any more (or never will): removing it is tidying, not a failure of the caller. */
async function discardFile(storageKey: string, context: Record<string, string>, reason: string): Promise<void> {
  await deleteFile(storageKey).catch((error: unknown) => log.error({ err: error, storageKey, ...context }, `${reason}, stored file not removed (left to npm run storage:orphans)`));
}

/**
 * Adds one document. The file's type is read from its first bytes (neither its name nor the
 * browser's claim is trusted). The file is stored first, under a generated name, then its row is
 * written under the request's lock (see editAnalysis), so that a row never points to a missing
 * file and no upload slips into a request being submitted. A file whose row was refused or could
 * not be written is removed again; a storage that cannot write is a failure to retry.
 */
export async function addDocument(
  learner: Actor,
  requestId: string,
  input: { category: unknown; file: File | null },
): Promise<{ ok: true; documentId: string } | DocumentFailure> {
  const analysis = await findDocumentTarget(learner, requestId);
  if (!analysis) return notFound;
  // Early answers, before any byte is stored; editability and the limit are decided again under the lock.
  if (!isEditableByLearner(analysis.state) && analysis.state !== "FAVOURABLE_WITH_CONDITION") return NOT_EDITABLE;
  if (!isCategory(input.category)) return onField("category", "Type de pièce : choisissez-le dans la liste.");
  const category = input.category;
  // After a favourable opinion under condition, only the internship's agreement and report.
  if (!learnerMayAddDocument(analysis.state, category)) return onField("category", INTERNSHIP_ONLY);
  const { file } = input;
  if (!file || (file.size === 0 && file.name === "")) return onField("file", "Choisissez le fichier à joindre.");
  const full = await documentLimitReached(db, analysis.id);
  if (full) return full;

  const originalName = cleanFileName(file.name);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const check = checkUploadedFile(originalName, file.size, head);
  if (!check.ok) return onField("file", check.message);
  const overQuota = await learnerQuotaReached(db, learner.id, file.size, false);
  if (overQuota) return overQuota;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength !== file.size) return onField("file", `« ${originalName} » n'a pas été reçu en entier : envoyez-le à nouveau.`);

  // Scanned for malware, then stored: an infected file is never written anywhere.
  const context = { requestId: analysis.id };
  const stored = await storeUpload(bytes, originalName, context);
  if (!stored.ok) {
    if (stored.reason === "infected") {
      await recordAudit(db, learner, {
        action: "upload.infected",
        requestId: analysis.id,
        details: { signature: stored.signature, fileName: originalName, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") },
      });
    }
    // The draft is untouched: the learner keeps the form and sends the file again (or a clean copy).
    // Infected: the file is at fault, said next to it; scanner or storage down: nothing is wrong with it.
    return stored.reason === "infected" ? onField("file", stored.message) : { ok: false, message: stored.message };
  }
  const { storageKey, sha256 } = stored.saved;
  let result: { ok: true; documentId: string } | DocumentFailure;
  try {
    result = await editAnalysisWhen(analysis.id, mayReceiveDocuments, async (tx): Promise<{ ok: true; documentId: string } | DocumentFailure> => {
      const limit = await documentLimitReached(tx, analysis.id);
      if (limit) return limit;
      const state = (await tx.request.findUnique({ where: { id: analysis.id }, select: { state: true } }))?.state;
      if (!state || !learnerMayAddDocument(state, category)) return NOT_EDITABLE;
      // Under the learner's row lock: parallel uploads to any of the learner's requests are counted in turn.
      const quota = await learnerQuotaReached(tx, learner.id, bytes.byteLength, true);
      if (quota) return quota;
      const row = await tx.requestDocument.create({
        data: { requestId: analysis.id, category, originalName, storageKey, mimeType: check.type.mimeType, size: bytes.byteLength, sha256, uploadedById: learner.id },
        select: { id: true },
      });
      return { ok: true, documentId: row.id };
    });
  } catch (error) {
    await discardFile(storageKey, context, "document row not written");
    throw error;
  }
  if (!result.ok) await discardFile(storageKey, context, "document refused under the lock");
  return result;
}

/**
 * Removes one document of a request the learner may still change, under the request's lock (a
 * submission in another tab either sees the document or waits for its removal and refuses). The
 * file goes after the commit: if that fails, an orphan file is left, never a row without its file.
 */
export async function removeDocument(learner: Actor, requestId: string, documentId: string): Promise<{ ok: true } | DocumentFailure> {
  const analysis = await findDocumentTarget(learner, requestId);
  if (!analysis) return notFound;
  if (!mayReceiveDocuments(analysis.state)) return NOT_EDITABLE;
  if (typeof documentId !== "string" || documentId.length > 64) return notFound;
  const removed = await editAnalysisWhen(analysis.id, mayReceiveDocuments, async (tx): Promise<{ ok: true; storageKey: string } | DocumentFailure> => {
    const document = await tx.requestDocument.findFirst({ where: { id: documentId, requestId: analysis.id }, select: { storageKey: true, category: true, status: true } });
    if (!document) return notFound;
    // Under condition: only the internship pieces not reviewed yet; what the jury decided on stays.
    if (!isEditableByLearner(analysis.state) && (!learnerMayAddDocument(analysis.state, document.category) || document.status !== "TRANSMITTED")) return NOT_EDITABLE;
    await tx.requestDocument.delete({ where: { id: documentId } });
    return { ok: true, storageKey: document.storageKey };
  });
  if (!removed.ok) return removed;
  await discardFile(removed.storageKey, { requestId: analysis.id, documentId }, "document removed");
  return { ok: true };
}

export type OpenedDocument = { stream: Readable; size: number; mimeType: string; fileName: string };

const EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};

/** The name offered for download ends with the extension of the real type (a PDF named x.png opens as a PDF). */
function downloadName(originalName: string, mimeType: string): string {
  const name = cleanFileName(originalName);
  const extensions = EXTENSIONS[mimeType] ?? [];
  return extensions.some((extension) => name.toLowerCase().endsWith(extension)) || !extensions[0] ? name : `${name}${extensions[0]}`;
}

/**
 * A document's content for whoever may see its request (the learner, the centre, the national
 * level once forwarded); null when it is missing or not visible, so ids cannot be probed.
 */
export async function openDocument(viewer: Viewer & { ip?: string | null }, documentId: string): Promise<OpenedDocument | null> {
  if (typeof documentId !== "string" || documentId.length > 64) return null;
  const document = await db.requestDocument.findUnique({
    where: { id: documentId },
    select: { storageKey: true, mimeType: true, originalName: true, requestId: true, request: { select: { learnerId: true, centreCode: true, state: true, forwardedAt: true } } },
  });
  if (!document || !canViewRequest(viewer, document.request)) return null;
  const file = await openFile(document.storageKey);
  if (!file) {
    log.error({ documentId, storageKey: document.storageKey }, "document: stored file is missing");
    return null;
  }
  // Staff reading a learner's document is a staff action: it goes to the audit log.
  if (viewer.role !== "AUDITEUR") {
    await recordAudit(db, { id: viewer.id, role: viewer.role, ip: viewer.ip ?? null }, { action: "document.download", requestId: document.requestId, details: { documentId } });
  }
  return { ...file, mimeType: document.mimeType, fileName: downloadName(document.originalName, document.mimeType) };
}
