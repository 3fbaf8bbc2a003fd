"use server";

import { redirect } from "next/navigation";
import { startRequest, type StartKind } from "@/lib/requests/learner-requests";
import { requireUser } from "@/lib/server/session";

export type StartState = { message: string; missing?: string[] } | null;

export async function startRequestAction(_previous: StartState, formData: FormData): Promise<StartState> {
  const user = await requireUser({ space: "auditeur" });
  const kind = formData.get("kind");
  const diplomaKey = String(formData.get("diplomaKey") ?? "");
  if (kind !== "DIPLOMA" && kind !== "EXPERIENCE") return { message: "Type de demande inconnu." };
  const result = await startRequest(user, diplomaKey, kind satisfies StartKind);
  if (!result.ok) return { message: result.message, missing: result.missing };
  redirect(`/demandes/${result.requestId}`);
}
