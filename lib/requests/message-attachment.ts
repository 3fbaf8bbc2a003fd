import { createHash } from "node:crypto";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { db } from "@/lib/shared/db";
import { deleteFile } from "@/lib/shared/storage";
import { storeUpload } from "@/lib/shared/storage/uploads";
import { log } from "@/lib/shared/log";
import { checkUploadedFile, cleanFileName } from "@/lib/requests/domain/documents";

/**
 * A file attached to a message (a learner's answer with the attestation asked for, an agent's
 * form to fill in). It passes the same checks as a pièce justificative — real type read from its
 * first bytes, 10 Mo at most, virus scan — and is stored before the message's row, which names it
 * (RequestDocument with messageId, counted in the request's limit of documents).
 */

export type StoredAttachment = { storageKey: string; sha256: string; mimeType: string; size: number; originalName: string };
export type AttachmentFailure = { ok: false; message: string; fieldErrors: { attachment: string } };

const onAttachment = (message: string): AttachmentFailure => ({ ok: false, message: "Le message n'a pas été envoyé.", fieldErrors: { attachment: message } });

/** No file chosen: an empty file input sends a nameless empty File. */
export function isChosenFile(value: unknown): value is File {
  return value instanceof File && !(value.size === 0 && value.name === "");
}

/** An infected file writes an `upload.infected` audit row for whoever sent it, as a pièce does. */
export async function storeAttachment(file: File, context: { requestId: string }, uploader: AuditActor): Promise<{ ok: true; attachment: StoredAttachment } | AttachmentFailure> {
  const originalName = cleanFileName(file.name);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const check = checkUploadedFile(originalName, file.size, head);
  if (!check.ok) return onAttachment(check.message);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength !== file.size) return onAttachment(`« ${originalName} » n'a pas été reçu en entier : envoyez-le à nouveau.`);
  const stored = await storeUpload(bytes, originalName, context);
  if (!stored.ok) {
    if (stored.reason === "infected") {
      const details = { signature: stored.signature, fileName: originalName, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
      await recordAudit(db, uploader, { action: "upload.infected", requestId: context.requestId, details });
    }
    return onAttachment(stored.message);
  }
  return { ok: true, attachment: { ...stored.saved, mimeType: check.type.mimeType, size: bytes.byteLength, originalName } };
}

/** The file of a message that was not written: tidying, never a failure of the caller. */
export async function discardAttachment(attachment: StoredAttachment, context: Record<string, string>): Promise<void> {
  await deleteFile(attachment.storageKey).catch((error: unknown) =>
    log.error({ err: error, storageKey: attachment.storageKey, ...context }, "message attachment not written, stored file not removed (left to npm run storage:orphans)"),
  );
}
