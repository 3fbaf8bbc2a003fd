import { db } from "@/lib/server/db";
import type { Transaction } from "@/lib/server/database";
import { nextAttemptDelay } from "@/lib/domain/backoff";
import { enqueue, type EnqueueOptions } from "@/lib/shared/jobs/queue";
import { mailSender, type MailSender, type OutgoingEmail } from "./transport";

/** While one worker sends an email, others leave it alone for this long. */
const CLAIM_MS = 5 * 60_000;

/** An email whose delivery job should have run this long ago is queued again by the hourly sweep. */
const OVERDUE_MS = 15 * 60_000;

/**
 * graphile-worker's own retries only cover a task that throws (the database lost mid-delivery):
 * an SMTP failure is recorded on the outbox row and retried with the outbox's backoff, never given
 * up. Should those 25 attempts (about four days) run out, the hourly sweep queues the email again.
 */
const DELIVERY_MAX_ATTEMPTS = 25;

/** One pending delivery job per outbox row. */
export const deliveryJobKey = (outboxEmailId: string) => `deliver-email:${outboxEmailId}`;

/** Queues the delivery of an outbox row, in the caller's transaction. */
export function scheduleDelivery(tx: Transaction, outboxEmailId: string, options: Pick<EnqueueOptions, "runAt" | "jobKeyMode"> = {}): Promise<void> {
  return enqueue(tx, "deliver-email", { outboxEmailId }, { ...options, jobKey: deliveryJobKey(outboxEmailId), maxAttempts: DELIVERY_MAX_ATTEMPTS });
}

/** Queues an email in the caller's transaction: the email and its delivery job exist if and only if the change commits. */
export async function enqueueEmail(tx: Transaction, email: OutgoingEmail): Promise<void> {
  const { id } = await tx.outboxEmail.create({ data: email, select: { id: true } });
  await scheduleDelivery(tx, id);
}

export type DeliveryOutcome = "sent" | "failed" | "already-sent" | "later";

/**
 * The `deliver-email` task: sends one outbox row. Idempotent: a row already sent (or gone) is
 * skipped. The row is claimed by a conditional update before it is sent, so that a second job for
 * it (queued again while this one ran, or run again after its worker was thought dead) sends
 * nothing; a row not due yet, claimed or waiting for its retry, gets its job back for that time.
 * A failure is recorded on the row, and the retry queued, in one transaction.
 */
export async function deliverOutboxEmail(outboxEmailId: string, options: { now?: Date; sender?: MailSender } = {}): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const email = await db.outboxEmail.findUnique({ where: { id: outboxEmailId } });
  if (!email || email.status === "SENT") return "already-sent";
  const claim =
    email.nextAttemptAt <= now
      ? await db.outboxEmail.updateMany({
          where: { id: email.id, status: "PENDING", nextAttemptAt: email.nextAttemptAt },
          data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
        })
      : { count: 0 };
  if (claim.count !== 1) {
    // Taken meanwhile, or not due: come back when the claim or the retry delay ends (or find it sent then).
    const current = await db.outboxEmail.findUnique({ where: { id: email.id }, select: { status: true, nextAttemptAt: true } });
    if (!current || current.status === "SENT") return "already-sent";
    await db.$transaction((tx) => scheduleDelivery(tx, email.id, { runAt: current.nextAttemptAt }));
    return "later";
  }
  const sender = options.sender ?? mailSender();
  try {
    await sender.send({ to: email.to, subject: email.subject, text: email.text, html: email.html });
  } catch (error) {
    const attempts = email.attempts + 1;
    const nextAttemptAt = new Date(now.getTime() + nextAttemptDelay(attempts));
    await db.$transaction(async (tx) => {
      await tx.outboxEmail.update({ where: { id: email.id }, data: { attempts, lastError: String((error as Error).message ?? error).slice(0, 500), nextAttemptAt } });
      await scheduleDelivery(tx, email.id, { runAt: nextAttemptAt });
    });
    return "failed";
  }
  await db.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  return "sent";
}

/**
 * The hourly `requeue-overdue-emails` task: a pending email whose delivery should have happened a
 * while ago gets a delivery job (its pending job, if any, keeps its time). Covers emails queued
 * before the job queue existed and jobs whose attempts ran out.
 */
export async function requeueOverdueEmails(now: Date = new Date()): Promise<number> {
  const overdue = await db.outboxEmail.findMany({
    where: { status: "PENDING", nextAttemptAt: { lt: new Date(now.getTime() - OVERDUE_MS) } },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 1000,
  });
  await db.$transaction(async (tx) => {
    for (const { id } of overdue) await scheduleDelivery(tx, id, { jobKeyMode: "preserve_run_at" });
  });
  return overdue.length;
}
