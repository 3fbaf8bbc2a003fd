import type { Readable } from "node:stream";
import { db } from "@/lib/server/db";
import { recordAudit } from "@/lib/audit/log";
import { deleteFile, openFile, saveFile, StorageUnavailableError } from "@/lib/shared/storage";
import { log } from "@/lib/shared/log";
import { canViewRequest, isEditableByLearner, type Viewer } from "@/lib/domain/request-access";
import { checkUploadedFile, cleanFileName, DOCUMENT_CATEGORIES, MAX_DOCUMENTS_PER_REQUEST, type DocumentCategory } from "@/lib/domain/documents";
import { NOT_FOUND, type Actor } from "./transition";
import { NOT_EDITABLE, findOwnedAnalysis } from "./learner-requests";

/**
 * Pièces justificatives of an experience analysis: the learner adds and removes them while the
 * request is a draft or sent back for correction; whoever may see the request may download them.
 */

export type DocumentField = "category" | "file";
export type DocumentFailure = { ok: false; message: string; fieldErrors?: Partial<Record<DocumentField, string>> };

const notFound: DocumentFailure = { ok: false, message: NOT_FOUND.message };
// Not the file's fault: the learner keeps it and sends it again later.
const storageUnavailable: DocumentFailure = { ok: false, message: "Enregistrement impossible pour le moment, réessayez plus tard." };
const onField = (field: DocumentField, message: string): DocumentFailure => ({ ok: false, message: "La pièce n'a pas été ajoutée.", fieldErrors: { [field]: message } });

function isCategory(value: unknown): value is DocumentCategory {
  return typeof value === "string" && (DOCUMENT_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Adds one document. The file's type is read from its first bytes (neither its name nor the
 * browser's claim is trusted); it is stored under a generated name, then recorded. A file whose
 * row could not be written is removed again; a storage that cannot write is a failure to retry.
 */
export async function addDocument(
  learner: Actor,
  requestId: string,
  input: { category: unknown; file: File | null },
): Promise<{ ok: true; documentId: string } | DocumentFailure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return notFound;
  if (!isEditableByLearner(analysis.state)) return NOT_EDITABLE;
  if (!isCategory(input.category)) return onField("category", "Type de pièce : choisissez-le dans la liste.");
  const { file } = input;
  if (!file || (file.size === 0 && file.name === "")) return onField("file", "Choisissez le fichier à joindre.");

  const count = await db.requestDocument.count({ where: { requestId: analysis.id } });
  if (count >= MAX_DOCUMENTS_PER_REQUEST) {
    return onField("file", `${MAX_DOCUMENTS_PER_REQUEST} pièces au plus par demande : regroupez plusieurs pages dans un même PDF, ou supprimez une pièce.`);
  }

  const originalName = cleanFileName(file.name);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const check = checkUploadedFile(originalName, file.size, head);
  if (!check.ok) return onField("file", check.message);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength !== file.size) return onField("file", `« ${originalName} » n'a pas été reçu en entier : envoyez-le à nouveau.`);

  const saved = await saveFile(bytes).catch((error: unknown) => {
    if (!(error instanceof StorageUnavailableError)) throw error;
    log.error({ err: error, requestId: analysis.id }, "document not stored: storage unavailable");
    return null;
  });
  if (!saved) return storageUnavailable;
  const { storageKey, sha256 } = saved;
  try {
    const row = await db.requestDocument.create({
      data: {
        requestId: analysis.id,
        category: input.category,
        originalName,
        storageKey,
        mimeType: check.type.mimeType,
        size: bytes.byteLength,
        sha256,
        uploadedById: learner.id,
      },
      select: { id: true },
    });
    return { ok: true, documentId: row.id };
  } catch (error) {
    await deleteFile(storageKey);
    throw error;
  }
}

/** Removes one document of a request the learner may still change: the row first, then the file. */
export async function removeDocument(learner: Actor, requestId: string, documentId: string): Promise<{ ok: true } | DocumentFailure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return notFound;
  if (!isEditableByLearner(analysis.state)) return NOT_EDITABLE;
  if (typeof documentId !== "string" || documentId.length > 64) return notFound;
  const document = await db.requestDocument.findFirst({ where: { id: documentId, requestId: analysis.id }, select: { storageKey: true } });
  if (!document) return notFound;
  const deleted = await db.requestDocument.deleteMany({ where: { id: documentId, requestId: analysis.id } });
  if (deleted.count !== 1) return notFound;
  // The row is what counts: a file left behind is only disk space, logged for the operator.
  await deleteFile(document.storageKey).catch((error) => log.error({ err: error, documentId, storageKey: document.storageKey }, "document removed, stored file not removed"));
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
