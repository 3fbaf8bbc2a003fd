"use server";

import { revalidatePath } from "next/cache";
import { updateProfile, type UpdateProfileInput, type UpdateProfileResult } from "@/lib/profile/update-profile";
import { requireUser } from "@/lib/server/session";

export async function updateProfileAction(input: UpdateProfileInput): Promise<UpdateProfileResult> {
  const user = await requireUser({ space: "auditeur" });
  const result = await updateProfile(user.id, input);
  if (result.ok) {
    revalidatePath("/auditeur/profil");
    revalidatePath("/auditeur");
  }
  return result;
}
