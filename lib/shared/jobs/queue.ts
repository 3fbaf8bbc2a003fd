import type { Transaction } from "@/lib/shared/db/database";

/** The PostgreSQL schema graphile-worker installs its tables and functions in (its default). */
export const JOB_SCHEMA = "graphile_worker";

/** Every task the runner knows, with its payload: `enqueue` refuses anything else at compile time. */
export type JobPayloads = {
  "deliver-email": { outboxEmailId: string };
  "notify-request-change": { eventId: number };
  "requeue-overdue-emails": Record<string, never>;
  "send-reminders": Record<string, never>;
  "purge-drafts": Record<string, never>;
  "send-password-reset": { identifier: string; requestedAt: string };
  /** Periodic: `_cron.ts` is the run's scheduled time (graphile-worker's crontab), absent when run by hand. */
  "send-deposit-digests": { _cron?: { ts: string } };
};
export type JobName = keyof JobPayloads;

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /**
   * At most one pending job per key: enqueueing again updates the pending job (`replace`: new
   * payload and run time; `preserve_run_at`: keeps its run time) instead of adding a second one.
   * A job with this key that is running keeps running and loses the key; the new one runs after.
   */
  jobKey?: string;
  jobKeyMode?: "replace" | "preserve_run_at";
  /** Attempts before graphile-worker stops retrying a job whose task throws (its default: 25). */
  maxAttempts?: number;
};

/**
 * Adds a job in the caller's transaction, with graphile-worker's own SQL function: the job exists
 * if and only if the change that causes it commits, and runners are woken (NOTIFY) at the commit.
 * No graphile-worker code is loaded here, so any server code may enqueue.
 */
export async function enqueue<T extends JobName>(tx: Transaction, task: T, payload: JobPayloads[T], options: EnqueueOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT FROM graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => ${options.jobKeyMode ?? "replace"}::text
  )`;
}
