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

/** Espace centre › Numéros à confirmer: the learner and the number the agent saw. */
export const confirmLearnerNumberInput = z.object({
  userId: z.string().min(1, "Auditeur manquant : rechargez la page.").max(64, "Auditeur inconnu : rechargez la page."),
  learnerNumber: z.string().min(1, "Numéro manquant : rechargez la page.").max(30, "Numéro inconnu : rechargez la page."),
});
