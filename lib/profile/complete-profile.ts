import { db } from "@/lib/shared/db";
import { profileSchema, type ProfileData } from "@/lib/profile/domain/profile";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { isUniqueViolation } from "@/lib/shared/db-errors";

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

  const [user, centre, numberTaken] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { role: true, profile: { select: { userId: true } } } }),
    db.centre.findUnique({ where: { code: data.centreCode }, select: { code: true } }),
    db.learnerProfile.findUnique({ where: { learnerNumber: data.learnerNumber }, select: { userId: true } }),
  ]);
  if (!user || user.role !== "AUDITEUR") return { ok: false, message: "Seul un auditeur complète un profil d'auditeur." };
  if (user.profile) return { ok: false, message: "Votre profil est déjà enregistré. Reconnectez-vous pour accéder à vos dossiers." };
  if (!centre) return { ok: false, fieldErrors: { centreCode: "Centre d'inscription : choisissez votre centre dans la liste." } };
  const learnerNumberTaken = { learnerNumber: "Ce numéro d'auditeur est déjà associé à un autre compte : vérifiez-le ou contactez votre centre d'inscription." };
  if (numberTaken && numberTaken.userId !== userId) return { ok: false, fieldErrors: learnerNumberTaken };

  const displayName = `${data.firstNames} ${data.usageName || data.birthName}`;
  try {
    await db.$transaction(async (tx) => {
      await tx.learnerProfile.create({
        data: { ...data, usageName: data.usageName || null, birthDate: new Date(`${data.birthDate}T00:00:00Z`), userId, createdAt: now },
      });
      await tx.user.update({ where: { id: userId }, data: { displayName } });
      await tx.session.deleteMany({ where: { userId } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: learnerNumberTaken };
    throw error;
  }
  return { ok: true };
}
