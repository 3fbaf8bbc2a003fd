import { z } from "zod";
import { profileSchema } from "@/lib/profile/domain/profile";

/**
 * The profile forms' inputs. Their fields are the domain's profile schema (lib/profile/domain/profile.ts),
 * which the forms use too; it is built at today's date, so for each call.
 */
export const completeProfileInput = z.lazy(() => profileSchema());

/**
 * "Mon profil": which fields may change (all, or the contact details once a request is submitted)
 * is the use case's decision, so it parses the values; the envelope is checked here.
 */
export const updateProfileInput = z.object({
  version: z.number({ error: "Rechargez la page avant d'enregistrer votre profil." }).int().positive(),
  emailOnMessages: z.boolean({ error: "Indiquez si vous souhaitez recevoir un courriel pour chaque message." }),
  values: z.unknown(),
});
