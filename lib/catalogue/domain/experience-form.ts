import { z } from "zod";
import { todayIso } from "../../profile/domain/profile";

/**
 * One professional experience as the learner types it in the analysis form. The same schema checks
 * the browser form and the server action; every value is a string as typed.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function hasStrings(value: unknown, ...keys: string[]): boolean {
  return typeof value === "object" && value !== null && keys.every((k) => typeof (value as Record<string, unknown>)[k] === "string");
}

export function experienceFormSchema(now: Date = new Date()) {
  const today = todayIso(now);
  return z
    .object({
      employer: z.string().trim().min(1, "Employeur : ce champ est obligatoire.").max(200, "Employeur : 200 caractères au plus."),
      jobTitle: z.string().trim().min(1, "Intitulé du poste : ce champ est obligatoire.").max(200, "Intitulé du poste : 200 caractères au plus."),
      startDate: z.string().max(10, { error: "Date de début : saisissez une date valide.", abort: true }).refine(isCalendarDate, "Date de début : saisissez une date valide."),
      endDate: z
        .string()
        .max(10, { error: "Date de fin : saisissez une date valide (pour un emploi en cours, la date du jour).", abort: true })
        .refine(isCalendarDate, "Date de fin : saisissez une date valide (pour un emploi en cours, la date du jour).")
        .refine((v) => !isCalendarDate(v) || v <= today, "Date de fin : elle ne peut pas être dans le futur (pour un emploi en cours, mettez la date du jour)."),
      workingTimePercent: z
        .string()
        .max(10, { error: "Temps de travail : un nombre entier de 1 à 100 (100 pour un temps plein).", abort: true })
        .trim()
        .regex(/^\d{1,3}$/, "Temps de travail : un nombre entier de 1 à 100 (100 pour un temps plein).")
        .transform(Number)
        .refine((n) => n >= 1 && n <= 100, "Temps de travail : un nombre entier de 1 à 100 (100 pour un temps plein)."),
      inField: z.enum(["oui", "non"], { error: "Indiquez si cet emploi relève du domaine du diplôme." }).transform((v) => v === "oui"),
      activities: z
        .string()
        .trim()
        .min(30, "Activités : décrivez vos missions en quelques phrases (30 caractères au moins).")
        .max(4000, "Activités : 4 000 caractères au plus."),
    })
    .refine((v) => !isCalendarDate(v.startDate) || !isCalendarDate(v.endDate) || v.endDate >= v.startDate, {
      path: ["endDate"],
      message: "Date de fin : elle précède la date de début.",
      // Checked even when other fields are wrong, so that every error shows at once.
      when: (payload) => hasStrings(payload.value, "startDate", "endDate"),
    });
}

export type ExperienceFormValues = z.input<ReturnType<typeof experienceFormSchema>>;
export type ExperienceFormData = z.output<ReturnType<typeof experienceFormSchema>>;
