/** The profile's fields the staff see of a learner on a request. */
export type LearnerIdentity = { firstNames: string; birthName: string; usageName: string | null; learnerNumber: string | null };

/**
 * The learner's name as the staff see it on their queues: first names, then the usage name or
 * else the birth name; the account's name for a learner without a profile. A request keeps a copy
 * from its submission (the civil status is locked from then on); the SQL that fills a missing copy
 * says the same (learnerCopySql in lib/requests/staff-queries.ts, and the migration
 * request_learner_copy).
 */
export function learnerDisplayName(profile: Omit<LearnerIdentity, "learnerNumber"> | null, accountName: string): string {
  return profile ? `${profile.firstNames} ${profile.usageName || profile.birthName}` : accountName;
}

/** What a request copies of its learner at submission: the name above and the learner number. */
export function learnerCopy(profile: LearnerIdentity | null, accountName: string): { learnerName: string; learnerNumber: string | null } {
  return { learnerName: learnerDisplayName(profile, accountName), learnerNumber: profile?.learnerNumber || null };
}
