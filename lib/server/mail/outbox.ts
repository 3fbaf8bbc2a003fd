import { db } from "@/lib/server/db";
import type { Transaction } from "@/lib/server/database";
import { nextAttemptDelay } from "@/lib/domain/backoff";
import { mailSender, type MailSender, type OutgoingEmail } from "./transport";

/** While one worker sends an email, others leave it alone for this long. */
const CLAIM_MS = 5 * 60_000;

/** Queues an email in the caller's transaction: it exists if and only if the change commits. */
export async function enqueueEmail(tx: Transaction, email: OutgoingEmail): Promise<void> {
  await tx.outboxEmail.create({ data: email });
}

export type DeliveryReport = { sent: number; failed: number };

/**
 * Sends the emails that are due. Safe with several instances: each email is claimed by a
 * conditional update before it is sent. A failure is recorded and retried later with backoff.
 */
export async function deliverDueEmails(options: { now?: Date; limit?: number; sender?: MailSender } = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const sender = options.sender ?? mailSender();
  const due = await db.outboxEmail.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 50,
  });
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const email of due) {
    const claim = await db.outboxEmail.updateMany({
      where: { id: email.id, status: "PENDING", nextAttemptAt: email.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claim.count !== 1) continue;
    try {
      await sender.send({ to: email.to, subject: email.subject, text: email.text, html: email.html });
      await db.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      report.sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { attempts, lastError: String((error as Error).message ?? error).slice(0, 500), nextAttemptAt: new Date(now.getTime() + nextAttemptDelay(attempts)) },
      });
      report.failed++;
    }
  }
  return report;
}
