import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/shared/db";
import { deliveryJobKey } from "@/lib/shared/mail/outbox";

export type QueuedJob = { id: string; task_identifier: string; payload: unknown; run_at: Date; attempts: number; key: string | null; locked_by: string | null; locked_at: Date | null };

/** The jobs in graphile-worker's queue (its public view), optionally of one task. */
export function queuedJobs(task?: string): Promise<QueuedJob[]> {
  // The public view has no payload: read it from the table behind.
  return db.$queryRaw<QueuedJob[]>`SELECT j.id::text, j.task_identifier, p.payload, j.run_at, j.attempts, j.key, j.locked_by, j.locked_at
    FROM graphile_worker.jobs j JOIN graphile_worker._private_jobs p ON p.id = j.id
    WHERE ${task ?? null}::text IS NULL OR j.task_identifier = ${task ?? null}::text ORDER BY j.id`;
}

/** The delivery jobs of one outbox row (at most one is pending at any time). */
export async function deliveryJobs(outboxEmailId: string): Promise<QueuedJob[]> {
  return (await queuedJobs("deliver-email")).filter((job) => job.key === deliveryJobKey(outboxEmailId) || (job.payload as { outboxEmailId?: string }).outboxEmailId === outboxEmailId);
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Délai dépassé : ${what}`);
    await sleep(100);
  }
}
