import { db } from "@/lib/shared/db";
import type { Transaction } from "@/lib/shared/db/database";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { log } from "@/lib/shared/log";
import { confirmedByDirectory, learnerNumberStatus, mayConfirmLearnerNumber, type LearnerNumberStatus } from "@/lib/profile/domain/learner-number";

/**
 * Confirmation of learner numbers (see lib/profile/domain/learner-number.ts). The profile keeps the
 * declared number; a ConfirmedLearnerNumber row (one per account, one account per number) is what
 * the results import credits.
 */

/**
 * After a profile's number was declared or changed, in the same transaction: a confirmation of
 * another number goes; the directory's number, when it is the declared one, confirms it. A number
 * already confirmed for another account stays with it (logged, the centre sorts it out): the
 * learner is told nothing either way, so the form never reveals a known number.
 */
export async function syncLearnerNumberConfirmation(tx: Transaction, userId: string, declared: string, directoryNumber: string | null): Promise<void> {
  await tx.confirmedLearnerNumber.deleteMany({ where: { userId, learnerNumber: { not: declared } } });
  if (!confirmedByDirectory(declared, directoryNumber)) return;
  const inserted = await tx.$executeRaw`INSERT INTO "ConfirmedLearnerNumber" ("userId", "learnerNumber", source, "confirmedAt")
    VALUES (${userId}, ${declared}, 'DIRECTORY'::"LearnerNumberSource", now()) ON CONFLICT DO NOTHING`;
  if (inserted === 0) {
    const owner = await tx.confirmedLearnerNumber.findUnique({ where: { learnerNumber: declared }, select: { userId: true } });
    if (owner && owner.userId !== userId) log.warn({ event: "learner_number.directory_conflict", userId, ownerId: owner.userId }, "the directory's learner number is already confirmed for another account");
  }
}

/** The status of a learner's declared number. */
export async function learnerNumberStatusOf(userId: string): Promise<LearnerNumberStatus | null> {
  const profile = await db.learnerProfile.findUnique({ where: { userId }, select: { learnerNumber: true, user: { select: { confirmedLearnerNumber: { select: { learnerNumber: true } } } } } });
  if (!profile) return null;
  return learnerNumberStatus(profile.learnerNumber, profile.user.confirmedLearnerNumber?.learnerNumber);
}

export type PendingLearnerNumber = {
  userId: string;
  name: string;
  birthDate: string;
  birthCity: string;
  email: string;
  learnerNumber: string;
  declaredAt: Date;
  /** Another account already has this number confirmed: the agent should look closer. */
  numberConfirmedElsewhere: boolean;
};

/** The centre's learners whose number waits for confirmation, oldest first (at most `limit`). */
export async function pendingLearnerNumbers(agent: { role: string; centreCode: string | null }, limit = 200): Promise<PendingLearnerNumber[]> {
  if (agent.role !== "AGENT_CENTRE" || !agent.centreCode) return [];
  const rows = await db.learnerProfile.findMany({
    where: { centreCode: agent.centreCode, user: { role: "AUDITEUR", active: true, confirmedLearnerNumber: null } },
    select: { userId: true, firstNames: true, birthName: true, usageName: true, birthDate: true, birthCity: true, email: true, learnerNumber: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  const taken = new Set(
    (await db.confirmedLearnerNumber.findMany({ where: { learnerNumber: { in: rows.map((r) => r.learnerNumber) } }, select: { learnerNumber: true } })).map((r) => r.learnerNumber),
  );
  return rows.map((row) => ({
    userId: row.userId,
    name: `${row.firstNames} ${row.usageName ? `${row.usageName} (née ou né ${row.birthName})` : row.birthName}`,
    birthDate: row.birthDate.toISOString().slice(0, 10),
    birthCity: row.birthCity,
    email: row.email,
    learnerNumber: row.learnerNumber,
    declaredAt: row.updatedAt,
    numberConfirmedElsewhere: taken.has(row.learnerNumber),
  }));
}

export type ConfirmOutcome = { ok: true } | { ok: false; message: string };

const NOT_PENDING = "Ce numéro n'est plus à confirmer : l'auditeur l'a peut-être changé entre-temps. Rechargez la page.";

/**
 * A centre agent confirms, from the centre's records, that the number a learner of the centre
 * declared is theirs. `learnerNumber` is the number the agent saw: if the learner changed it
 * meanwhile, nothing is confirmed. A number confirmed for another account is refused. Audited.
 */
export async function confirmLearnerNumber(agent: AuditActor & { centreCode: string | null }, input: { userId: string; learnerNumber: string }, now: Date = new Date()): Promise<ConfirmOutcome> {
  return db.$transaction(async (tx): Promise<ConfirmOutcome> => {
    // The profile's row lock: a change of number by the learner waits, or happened before.
    const [profile] = await tx.$queryRaw<{ learnerNumber: string; centreCode: string }[]>`
      SELECT "learnerNumber", "centreCode" FROM "LearnerProfile" WHERE "userId" = ${input.userId} FOR UPDATE`;
    if (!profile || !mayConfirmLearnerNumber(agent, profile.centreCode)) return { ok: false, message: "Cet auditeur n'est pas inscrit dans votre centre." };
    if (profile.learnerNumber !== input.learnerNumber) return { ok: false, message: NOT_PENDING };
    const existing = await tx.confirmedLearnerNumber.findUnique({ where: { learnerNumber: input.learnerNumber }, select: { userId: true } });
    if (existing?.userId === input.userId) return { ok: true };
    if (existing) return { ok: false, message: "Ce numéro est déjà confirmé pour un autre compte d'auditeur : vérifiez l'identité de la personne dans vos dossiers, puis contactez l'administration de D3." };
    await tx.confirmedLearnerNumber.deleteMany({ where: { userId: input.userId } });
    await tx.confirmedLearnerNumber.create({ data: { userId: input.userId, learnerNumber: input.learnerNumber, source: "CENTRE", confirmedAt: now, confirmedById: agent.id } });
    await recordAudit(tx, agent, { action: "learner.confirmNumber", details: { userId: input.userId, learnerNumber: input.learnerNumber } }, now);
    return { ok: true };
  });
}
