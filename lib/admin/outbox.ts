import { db } from "@/lib/shared/db";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { scheduleDelivery } from "@/lib/shared/mail/outbox";

/**
 * The emails that could not be delivered yet (at least one failed attempt), for administrators:
 * recipient, subject, attempts, last error, next try. The recipient's address is shown, never
 * the body.
 */
export async function undeliveredEmails(take = 100) {
  const [rows, pending, failing] = await Promise.all([
    db.outboxEmail.findMany({
      where: { status: "PENDING", attempts: { gt: 0 } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, to: true, subject: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true },
    }),
    db.outboxEmail.count({ where: { status: "PENDING" } }),
    db.outboxEmail.count({ where: { status: "PENDING", attempts: { gt: 0 } } }),
  ]);
  return { rows, pending, failing };
}

/**
 * "Réessayer maintenant": the failed emails become due at once, their delivery jobs too (the runner
 * picks them up). An email being sent (claimed) keeps its claim: made due, it could go out twice.
 */
export async function retryNow(actor: AuditActor, now: Date = new Date()): Promise<number> {
  if (actor.role !== "ADMIN") return 0;
  return db.$transaction(async (tx) => {
    const failing = await tx.outboxEmail.findMany({ where: { status: "PENDING", attempts: { gt: 0 }, claimedAt: null }, select: { id: true } });
    await tx.outboxEmail.updateMany({ where: { id: { in: failing.map((e) => e.id) } }, data: { nextAttemptAt: now } });
    for (const { id } of failing) await scheduleDelivery(tx, id, { runAt: now });
    await recordAudit(tx, actor, { action: "outbox.retry", details: { emails: failing.length } }, now);
    return failing.length;
  });
}
