import { db } from "@/lib/shared/db";
import { profileSchema, type ProfileData } from "@/lib/profile/domain/profile";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { syncLearnerNumberConfirmation } from "./learner-number";

export type ProfileField = keyof ProfileData;
export type CompleteProfileResult = { ok: true } | { ok: false; message?: string; fieldErrors?: FieldErrors<ProfileField> };

/**
 * First connection: saves the learner's profile, then ends every session of the account so that
 * the learner logs in again (their new session then carries the completed profile).
 */
export async function completeProfile(userId: string, input: unknown, now: Date = new Date()): Promise<CompleteProfileResult> {
  const parsed = profileSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<ProfileField>(parsed.error.issues) };
  const data = parsed.data;

  const [user, centre] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { role: true, directoryLearnerNumber: true, profile: { select: { userId: true } } } }),
    db.centre.findUnique({ where: { code: data.centreCode }, select: { code: true } }),
  ]);
  if (!user || user.role !== "AUDITEUR") return { ok: false, message: "Seul un auditeur complète un profil d'auditeur." };
  if (user.profile) return { ok: false, message: "Votre profil est déjà enregistré. Reconnectez-vous pour accéder à vos dossiers." };
  if (!centre) return { ok: false, fieldErrors: { centreCode: "Centre d'inscription : choisissez votre centre dans la liste." } };
  // The learner number is only declared here, whatever it is: no answer tells whether it is
  // already known. Results attach once it is confirmed (the directory's number, or the centre).

  const displayName = `${data.firstNames} ${data.usageName || data.birthName}`;
  await db.$transaction(async (tx) => {
    await tx.learnerProfile.create({
      data: { ...data, usageName: data.usageName || null, birthDate: new Date(`${data.birthDate}T00:00:00Z`), userId, createdAt: now },
    });
    await syncLearnerNumberConfirmation(tx, userId, data.learnerNumber, user.directoryLearnerNumber);
    await tx.user.update({ where: { id: userId }, data: { displayName } });
    await tx.session.deleteMany({ where: { userId } });
  });
  return { ok: true };
}
