"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteDraft, deleteExperience, resubmitRequest, saveExperience, submitRequest, withdrawRequest } from "@/lib/requests/learner-requests";
import { deleteFile } from "@/lib/shared/storage";
import { requireUser } from "@/lib/server/session";

/** Learner actions on one request: each one checks the session, then ownership in the use case. */
const learner = () => requireUser({ space: "auditeur" });
const refresh = (requestId: string) => revalidatePath(`/demandes/${requestId}`);

export async function saveExperienceAction(requestId: string, values: unknown, experienceId?: string) {
  const result = await saveExperience(await learner(), String(requestId), values, experienceId ? String(experienceId) : undefined);
  if (result.ok) refresh(requestId);
  return result;
}

export async function deleteExperienceAction(requestId: string, experienceId: string) {
  const result = await deleteExperience(await learner(), String(requestId), String(experienceId));
  if (result.ok) refresh(requestId);
  return result;
}

export async function submitRequestAction(requestId: string, expectedVersion: number) {
  const result = await submitRequest(await learner(), String(requestId), Number(expectedVersion));
  refresh(requestId);
  return result;
}

export async function withdrawRequestAction(requestId: string, expectedVersion: number, reason: string) {
  const result = await withdrawRequest(await learner(), String(requestId), Number(expectedVersion), String(reason ?? ""));
  refresh(requestId);
  return result;
}

export async function resubmitRequestAction(requestId: string, expectedVersion: number, comment: string) {
  const result = await resubmitRequest(await learner(), String(requestId), Number(expectedVersion), String(comment ?? ""));
  refresh(requestId);
  return result;
}

export async function deleteDraftAction(requestId: string) {
  const result = await deleteDraft(await learner(), String(requestId));
  if (!result.ok) return result;
  await Promise.all(result.storageKeys.map((key) => deleteFile(key).catch(() => undefined)));
  redirect("/auditeur");
}
