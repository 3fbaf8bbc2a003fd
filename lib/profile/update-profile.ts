import { db } from "@/lib/shared/db";
import type { Transaction } from "@/lib/shared/db/database";
import { contactDetailsSchema, profileSchema, type ContactDetails, type ProfileFormValues } from "@/lib/profile/domain/profile";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import type { ProfileField } from "./complete-profile";
import { syncLearnerNumberConfirmation } from "./learner-number";

/**
 * "Mon profil": the learner changes their contact details and their email preference at any
 * time; their civil status (civility, names, birth, nationality, learner number, centre) only
 * until a request is submitted, since it is then written on that request. Every save names the
 * version it started from: a profile changed meanwhile (another tab) is not overwritten.
 */

export type ProfileEditField = ProfileField | "emailOnMessages";
export type UpdateProfileInput = { version: unknown; emailOnMessages: unknown; values: unknown };
export type UpdateProfileResult = { ok: true; version: number } | { ok: false; message?: string; fieldErrors?: FieldErrors<ProfileEditField>; stale?: true };

export const CIVIL_STATUS_LOCKED =
  "Votre état civil figure sur une demande déposée : pour le corriger, adressez-vous à votre centre d'inscription.";
export const STALE_PROFILE =
  "Votre profil a été modifié entre-temps, par exemple dans un autre onglet : rien n'a été enregistré. Rechargez la page pour voir la version à jour, puis refaites vos changements.";

/** Once a request is submitted (even if later withdrawn or refused), the civil status is locked. */
function hasSubmittedRequest(tx: Transaction | typeof db, userId: string): Promise<boolean> {
  return tx.request.count({ where: { learnerId: userId, submittedAt: { not: null } } }).then((count) => count > 0);
}


/** The profile as the form shows it (strings as typed), with its version and lock. */
export async function profileForEditing(userId: string) {
  const [profile, locked] = await Promise.all([
    db.learnerProfile.findUnique({ where: { userId }, include: { centre: { select: { name: true } } } }),
    hasSubmittedRequest(db, userId),
  ]);
  if (!profile) return null;
  const values: ProfileFormValues = {
    civility: profile.civility,
    birthName: profile.birthName,
    usageName: profile.usageName ?? "",
    firstNames: profile.firstNames,
    birthDate: profile.birthDate.toISOString().slice(0, 10),
    birthCity: profile.birthCity,
    birthCountry: profile.birthCountry,
    nationality: profile.nationality,
    addressLine: profile.addressLine,
    postalCode: profile.postalCode,
    city: profile.city,
    country: profile.country,
    email: profile.email,
    phone: profile.phone,
    learnerNumber: profile.learnerNumber,
    centreCode: profile.centreCode,
  };
  return { values, centreName: profile.centre.name, emailOnMessages: profile.emailOnMessages, version: profile.version, locked };
}

type Failure = Extract<UpdateProfileResult, { ok: false }>;

function contactChange(values: unknown): { ok: true; data: ContactDetails; civilStatus: null } | Failure {
  const parsed = contactDetailsSchema().safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<ProfileEditField>(parsed.error.issues) };
  return { ok: true, data: parsed.data, civilStatus: null };
}

async function fullChange(userId: string, values: unknown, now: Date) {
  const parsed = profileSchema(now).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<ProfileEditField>(parsed.error.issues) } satisfies Failure;
  const profile = parsed.data;
  // The number is only declared: no answer tells whether another account has it (see complete-profile).
  const centre = await db.centre.findUnique({ where: { code: profile.centreCode }, select: { code: true } });
  if (!centre) return { ok: false, fieldErrors: { centreCode: "Centre d'inscription : choisissez votre centre dans la liste." } } satisfies Failure;
  return {
    ok: true as const,
    data: { ...profile, usageName: profile.usageName || null, birthDate: new Date(`${profile.birthDate}T00:00:00Z`) },
    civilStatus: { displayName: `${profile.firstNames} ${profile.usageName || profile.birthName}`, centreCode: profile.centreCode, learnerNumber: profile.learnerNumber },
  };
}

export async function updateProfile(userId: string, input: UpdateProfileInput, now: Date = new Date()): Promise<UpdateProfileResult> {
  const version = typeof input?.version === "number" && Number.isSafeInteger(input.version) && input.version > 0 ? input.version : null;
  if (version === null) return { ok: false, message: "Rechargez la page avant d'enregistrer votre profil.", stale: true };
  if (typeof input.emailOnMessages !== "boolean") return { ok: false, fieldErrors: { emailOnMessages: "Indiquez si vous souhaitez recevoir un courriel pour chaque message." } };
  const emailOnMessages = input.emailOnMessages;

  const current = await db.learnerProfile.findUnique({ where: { userId }, select: { user: { select: { role: true, directoryLearnerNumber: true } } } });
  if (!current || current.user.role !== "AUDITEUR") return { ok: false, message: "Seul un auditeur dont le profil est complété peut le modifier." };
  const locked = await hasSubmittedRequest(db, userId);

  const prepared = locked ? contactChange(input.values) : await fullChange(userId, input.values, now);
  if (!prepared.ok) return prepared;
  const { data, civilStatus } = prepared;

  return db.$transaction(async (tx): Promise<UpdateProfileResult> => {
    // A request submitted between the check above and now locks the civil status after all.
    if (!locked && (await hasSubmittedRequest(tx, userId))) return { ok: false, message: CIVIL_STATUS_LOCKED };
    const updated = await tx.learnerProfile.updateMany({ where: { userId, version }, data: { ...data, emailOnMessages, version: { increment: 1 } } });
    if (updated.count !== 1) return { ok: false, message: STALE_PROFILE, stale: true };
    if (civilStatus) {
      await tx.user.update({ where: { id: userId }, data: { displayName: civilStatus.displayName } });
      // A new number waits for its confirmation (the old one's confirmation goes).
      await syncLearnerNumberConfirmation(tx, userId, civilStatus.learnerNumber, current.user.directoryLearnerNumber);
      // Drafts are instructed by the learner's centre: they follow a change of centre (submitted requests keep theirs).
      await tx.request.updateMany({ where: { learnerId: userId, state: "DRAFT" }, data: { centreCode: civilStatus.centreCode } });
    }
    return { ok: true, version: version + 1 };
  });
}
