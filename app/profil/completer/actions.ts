"use server";

import { completeProfile, type CompleteProfileResult } from "@/lib/profile/complete-profile";
import { clearSessionCookie, requireUser } from "@/lib/server/session";

export async function completeProfileAction(values: unknown): Promise<CompleteProfileResult> {
  const user = await requireUser({ space: "auditeur", allowIncompleteProfile: true });
  const result = await completeProfile(user.id, values);
  if (result.ok) await clearSessionCookie();
  return result;
}
