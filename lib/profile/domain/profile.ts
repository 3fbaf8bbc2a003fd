import { z } from "zod";
import { parisDay } from "../../shared/dates";
import { isCountryCode } from "./countries";

/**
 * The learner's profile ("Compléter mon profil"). One schema for the browser form
 * (react-hook-form) and the server action; every value is a string as typed in the form.
 */
export const MIN_AGE = 15;
export const MAX_AGE = 100;

const PERSON_NAME = /^[\p{L}][\p{L}' -]*$/u;
const FRENCH_PHONE = /^(?:0|\+33)[1-9]\d{8}$/;
// French numbers (+33) must follow the French rule: "+33 (0)6…" is not a valid number.
const INTERNATIONAL_PHONE = /^\+(?!33)[1-9]\d{6,14}$/;
const LEARNER_NUMBER = /^[A-Z0-9]{6,15}$/;

const required = (label: string, max = 100) =>
  z.string().trim().min(1, `${label} : ce champ est obligatoire.`).max(max, `${label} : ${max} caractères au plus.`);

const personName = (label: string) => required(label, 80).regex(PERSON_NAME, `${label} : lettres, espaces, tirets et apostrophes uniquement.`);

const country = (label: string) => z.string().max(2, { error: `${label} : choisissez un pays dans la liste.`, abort: true }).refine(isCountryCode, `${label} : choisissez un pays dans la liste.`);

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s.()-]/g, "");
}

/** Whole years between a birth date and the day of `today` in Paris, both compared as calendar dates. */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso(today).split("-").map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Today's calendar date as the learner lives it: the day in Paris (Europe/Paris), not in UTC, so
 * that an end date of today is accepted between midnight and 1 or 2 a.m. in Paris.
 */
export function todayIso(now: Date): string {
  return parisDay(now);
}

export function profileSchema(now: Date = new Date()) {
  return z
    .object({
      civility: z.enum(["MADAME", "MONSIEUR"], { error: "Civilité : choisissez Madame ou Monsieur." }),
      birthName: personName("Nom de naissance"),
      usageName: z
        .string()
        .trim()
        .max(80, "Nom d'usage : 80 caractères au plus.")
        .refine((v) => v === "" || PERSON_NAME.test(v), "Nom d'usage : lettres, espaces, tirets et apostrophes uniquement."),
      firstNames: personName("Prénom(s)"),
      birthDate: z
        .string()
        .max(10, { error: "Date de naissance : saisissez une date valide (jj/mm/aaaa).", abort: true })
        .refine(isCalendarDate, "Date de naissance : saisissez une date valide (jj/mm/aaaa).")
        .refine((v) => !isCalendarDate(v) || v < todayIso(now), "Date de naissance : la date doit être passée.")
        .refine((v) => {
          if (!isCalendarDate(v) || v >= todayIso(now)) return true;
          const age = ageOn(v, now);
          return age >= MIN_AGE && age <= MAX_AGE;
        }, `Date de naissance : vous devez avoir entre ${MIN_AGE} et ${MAX_AGE} ans.`),
      birthCity: required("Commune de naissance", 100),
      birthCountry: country("Pays de naissance"),
      nationality: country("Nationalité"),
      ...contactFields(),
      learnerNumber: z
        .string()
        .trim()
        .toUpperCase()
        .max(15, { error: "Numéro d'auditeur : 6 à 15 lettres ou chiffres, sans espace (il figure sur votre carte d'auditeur).", abort: true })
        .regex(LEARNER_NUMBER, "Numéro d'auditeur : 6 à 15 lettres ou chiffres, sans espace (il figure sur votre carte d'auditeur)."),
      centreCode: z.string().min(1, "Centre d'inscription : choisissez votre centre dans la liste.").max(40, "Centre d'inscription : choisissez votre centre dans la liste."),
    })
    .refine(isFrenchPostalCodeValid, FRENCH_POSTAL_CODE_ISSUE);
}

/** Address, email and phone: the part of the profile a learner may always change (Mon profil). */
function contactFields() {
  return {
    addressLine: required("Adresse", 200),
    postalCode: required("Code postal", 12).regex(/^[A-Za-z0-9 -]+$/, "Code postal : chiffres, lettres, espaces et tirets uniquement."),
    city: required("Commune", 100),
    country: country("Pays"),
    email: z.string().trim().toLowerCase().pipe(z.email("Adresse électronique invalide (exemple : prenom.nom@exemple.fr).").max(254)),
    phone: z
      .string()
      .max(30, { error: "Téléphone : 30 caractères au plus.", abort: true })
      .transform(normalisePhone)
      .refine((v) => FRENCH_PHONE.test(v) || INTERNATIONAL_PHONE.test(v), "Téléphone : saisissez un numéro français (06 12 34 56 78) ou international (+41 21 123 45 67)."),
  };
}

const isFrenchPostalCodeValid = (v: { country: string; postalCode: string }) => v.country !== "FR" || /^\d{5}$/.test(v.postalCode);

const FRENCH_POSTAL_CODE_ISSUE = {
  path: ["postalCode"],
  message: "Code postal : 5 chiffres pour une adresse en France.",
  // Checked even when other fields are wrong, so that every error shows at once.
  when: (payload: { value: unknown }) => {
    const v = payload.value as { country?: unknown; postalCode?: unknown } | null;
    return typeof v?.country === "string" && typeof v?.postalCode === "string";
  },
};

/**
 * Mon profil, once a request has been submitted: only the contact details can change (the civil
 * status is on the submitted request), with the same rules as the full profile.
 */
export function contactDetailsSchema() {
  return z.object(contactFields()).refine(isFrenchPostalCodeValid, FRENCH_POSTAL_CODE_ISSUE);
}

export type ContactDetailsFormValues = z.input<ReturnType<typeof contactDetailsSchema>>;
export type ContactDetails = z.output<ReturnType<typeof contactDetailsSchema>>;

/** What the form holds (strings, as typed). */
export type ProfileFormValues = z.input<ReturnType<typeof profileSchema>>;
/** What the server stores (trimmed, normalised). */
export type ProfileData = z.output<ReturnType<typeof profileSchema>>;

export const EMPTY_PROFILE: ProfileFormValues = {
  civility: "" as ProfileFormValues["civility"],
  birthName: "",
  usageName: "",
  firstNames: "",
  birthDate: "",
  birthCity: "",
  birthCountry: "FR",
  nationality: "FR",
  addressLine: "",
  postalCode: "",
  city: "",
  country: "FR",
  email: "",
  phone: "",
  learnerNumber: "",
  centreCode: "",
};
