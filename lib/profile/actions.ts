"use server";

import { revalidatePath } from "next/cache";
import { asFormState, defineAction } from "@/lib/auth/define-action";
import { fromOutcome } from "@/lib/shared/result";
import { clearSessionCookie } from "@/lib/auth/session";
import { completeProfile } from "./complete-profile";
import { completeProfileInput, confirmLearnerNumberInput, updateProfileInput } from "./schemas";
import { confirmLearnerNumber } from "./learner-number";
import { updateProfile } from "./update-profile";

/** The learner's profile: completed at the first connection, changed later on "Mon profil". */

export const completeProfileAction = defineAction({
  name: "profile.complete",
  input: completeProfileInput,
  access: { space: "auditeur", allowIncompleteProfile: true },
  handler: async (values, { user }) => {
    const result = fromOutcome(await completeProfile(user.id, values));
    // The use case ended every session of the account: the browser forgets its cookie too.
    if (result.ok) await clearSessionCookie();
    return result;
  },
});

export const updateProfileAction = defineAction({
  name: "profile.update",
  input: updateProfileInput,
  access: { space: "auditeur" },
  handler: async (input, { user }) => {
    const result = fromOutcome(await updateProfile(user.id, input));
    if (result.ok) {
      revalidatePath("/auditeur/profil");
      revalidatePath("/auditeur");
    }
    return result;
  },
});

/** Espace centre › Numéros à confirmer: an agent of the learner's centre confirms the declared number. */
export const confirmLearnerNumberAction = defineAction({
  name: "profile.confirmLearnerNumber",
  input: confirmLearnerNumberInput,
  access: { space: "centre" },
  // The row stays on screen with « Numéro confirmé » (no revalidation): the list drops it at the next visit.
  handler: async (input, { actor }) => fromOutcome(await confirmLearnerNumber(actor, input)),
});

export const confirmLearnerNumberFormAction = asFormState(confirmLearnerNumberAction);
