"use server";

import { revalidatePath } from "next/cache";
import { addDocument, removeDocument } from "@/lib/requests/documents";
import { requireUser } from "@/lib/server/session";

/**
 * Pièces justificatives of one request: each action checks the session, then the use case checks
 * ownership and that the request may still change. Any revalidation also refreshes the page the
 * action was called from.
 */
export async function uploadDocumentAction(requestId: string, formData: FormData) {
  const learner = await requireUser({ space: "auditeur" });
  const file = formData.get("file");
  const result = await addDocument(learner, String(requestId), { category: formData.get("category"), file: file instanceof File ? file : null });
  if (result.ok) revalidatePath(`/demandes/${requestId}`);
  return result;
}

export async function removeDocumentAction(requestId: string, documentId: string) {
  const learner = await requireUser({ space: "auditeur" });
  const result = await removeDocument(learner, String(requestId), String(documentId));
  if (result.ok) revalidatePath(`/demandes/${requestId}`);
  return result;
}
