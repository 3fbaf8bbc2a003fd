import { db } from "@/lib/shared/db";
import { learnerNumberStatus, type LearnerNumberStatus } from "@/lib/profile/domain/learner-number";

export type LearnerIdentity = {
  civility: "MADAME" | "MONSIEUR";
  firstNames: string;
  birthName: string;
  usageName: string | null;
  learnerNumber: string;
  /** pending until the directory or the centre confirms it: results attach only then. */
  learnerNumberStatus: LearnerNumberStatus;
  email: string;
  centre: { code: string; name: string; region: string; contactEmail: string | null };
};

/** The learner's own identity card for Suivi de dossiers; only ever loaded for the session's user. */
export async function learnerIdentity(userId: string): Promise<LearnerIdentity | null> {
  const profile = await db.learnerProfile.findUnique({
    where: { userId },
    select: {
      civility: true,
      firstNames: true,
      birthName: true,
      usageName: true,
      learnerNumber: true,
      email: true,
      centre: { select: { code: true, name: true, region: true, contactEmail: true } },
      user: { select: { confirmedLearnerNumber: { select: { learnerNumber: true } } } },
    },
  });
  if (!profile) return null;
  const { user, ...identity } = profile;
  return { ...identity, learnerNumberStatus: learnerNumberStatus(profile.learnerNumber, user.confirmedLearnerNumber?.learnerNumber) };
}
