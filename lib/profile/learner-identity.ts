import { db } from "@/lib/shared/db";

export type LearnerIdentity = {
  civility: "MADAME" | "MONSIEUR";
  firstNames: string;
  birthName: string;
  usageName: string | null;
  learnerNumber: string;
  email: string;
  centre: { code: string; name: string; region: string; contactEmail: string | null };
};

/** The learner's own identity card for Suivi de dossiers; only ever loaded for the session's user. */
export async function learnerIdentity(userId: string): Promise<LearnerIdentity | null> {
  return db.learnerProfile.findUnique({
    where: { userId },
    select: {
      civility: true,
      firstNames: true,
      birthName: true,
      usageName: true,
      learnerNumber: true,
      email: true,
      centre: { select: { code: true, name: true, region: true, contactEmail: true } },
    },
  });
}
