import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/shared/db";
import { appUrl } from "@/lib/shared/env";
import { log } from "@/lib/shared/log";
import type { Transaction } from "@/lib/shared/db/database";
import { nextAttemptDelay } from "@/lib/shared/mail/backoff";
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
 * The Message-ID of an outbox row: the same at every attempt, so that should an email be sent twice
 * (see deliverOutboxEmail) the mail servers and clients that deduplicate by Message-ID show it once.
 */
export function outboxMessageId(outboxEmailId: string): string {
  return `<${outboxEmailId}@d3.${new URL(appUrl()).hostname}>`;
}

/**
 * How long the outcome of a sending is retried when the database does not answer (an outage, a
 * failover): well under a claim, so that no other worker takes the row meanwhile.
 */
const OUTCOME_RETRY_MS = 2 * 60_000;
const OUTCOME_RETRY_FIRST_DELAY_MS = 250;
const OUTCOME_RETRY_MAX_DELAY_MS = 10_000;

/** Runs `write` until it succeeds, with backoff, for OUTCOME_RETRY_MS at most (then throws its error). */
async function persistently<T>(what: string, outboxEmailId: string, write: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + OUTCOME_RETRY_MS;
  for (let delay = OUTCOME_RETRY_FIRST_DELAY_MS; ; delay = Math.min(delay * 2, OUTCOME_RETRY_MAX_DELAY_MS)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + delay > deadline) throw error;
      log.warn({ component: "mail", outboxEmailId, err: error, retryInMs: delay }, `${what} not recorded; retrying`);
      await sleep(delay);
    }
  }
}

/**
 * The `deliver-email` task: sends one outbox row. Idempotent: a row already sent (or gone) is
 * skipped. The row is claimed by a conditional update before it is sent, so that a second job for
 * it (queued again while this one ran, or run again after its worker was thought dead) sends
 * nothing; a row not due yet, claimed or waiting for its retry, gets its job back for that time.
 * Each claim lasts CLAIM_MS from the moment it is taken. Once sent, the SENT mark is retried for a
 * while if the database is unreachable: a row is sent twice only if the database stays out of
 * reach longer than that, or the worker dies between sending and marking; the next claim then
 * finds `claimedAt` still set, and the email goes again with the same Message-ID. A failure is
 * recorded on the row, and the retry queued, in one transaction.
 */
export async function deliverOutboxEmail(outboxEmailId: string, options: { now?: Date; sender?: MailSender } = {}): Promise<DeliveryOutcome> {
  const clock = () => options.now ?? new Date();
  const email = await db.outboxEmail.findUnique({ where: { id: outboxEmailId } });
  if (!email || email.status === "SENT") return "already-sent";
  const claimedAt = clock();
  const claim =
    email.nextAttemptAt <= claimedAt
      ? await db.outboxEmail.updateMany({
          where: { id: email.id, status: "PENDING", nextAttemptAt: email.nextAttemptAt },
          data: { nextAttemptAt: new Date(claimedAt.getTime() + CLAIM_MS), claimedAt },
        })
      : { count: 0 };
  if (claim.count !== 1) {
    // Taken meanwhile, or not due: come back when the claim or the retry delay ends (or find it sent then).
    const current = await db.outboxEmail.findUnique({ where: { id: email.id }, select: { status: true, nextAttemptAt: true } });
    if (!current || current.status === "SENT") return "already-sent";
    await db.$transaction((tx) => scheduleDelivery(tx, email.id, { runAt: current.nextAttemptAt }));
    return "later";
  }
  if (email.claimedAt) log.warn({ component: "mail", outboxEmailId, previousClaim: email.claimedAt }, "previous sending unconfirmed: sent again with the same Message-ID");
  const sender = options.sender ?? mailSender();
  try {
    await sender.send({ to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: outboxMessageId(email.id) });
  } catch (error) {
    const attempts = email.attempts + 1;
    const nextAttemptAt = new Date(clock().getTime() + nextAttemptDelay(attempts));
    await persistently("email failure", email.id, () =>
      db.$transaction(async (tx) => {
        await tx.outboxEmail.update({ where: { id: email.id }, data: { attempts, lastError: String((error as Error).message ?? error).slice(0, 500), nextAttemptAt, claimedAt: null } });
        await scheduleDelivery(tx, email.id, { runAt: nextAttemptAt });
      }),
    );
    return "failed";
  }
  await persistently("email sent", email.id, () =>
    db.outboxEmail.updateMany({ where: { id: email.id }, data: { status: "SENT", sentAt: clock(), attempts: email.attempts + 1, lastError: null, claimedAt: null } }),
  );
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
