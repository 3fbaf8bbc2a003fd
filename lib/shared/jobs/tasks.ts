import { parseCronItems, type ParsedCronItem, type Task, type TaskList } from "graphile-worker";
import { deliverOutboxEmail, requeueOverdueEmails } from "@/lib/shared/mail/outbox";
// eslint-disable-next-line import/no-restricted-paths -- the job registry is the worker's composition root: it names each feature's task
import { notifyRequestChangeNow } from "@/lib/notifications/request-notifications";
// eslint-disable-next-line import/no-restricted-paths -- the job registry is the worker's composition root: it names each feature's task
import { purgeIdleDrafts, reminderSettingsOrThrow, sendReminders } from "@/lib/notifications/reminders";
// eslint-disable-next-line import/no-restricted-paths -- the job registry is the worker's composition root: it names each feature's task
import { sendDepositDigests } from "@/lib/notifications/deposit-digest";
// eslint-disable-next-line import/no-restricted-paths -- the job registry is the worker's composition root: it names each feature's task
import { sendPasswordResetLink } from "@/lib/auth/password-reset";
import { log } from "@/lib/shared/log";
import type { JobName, JobPayloads } from "./queue";

/** A task with its payload type; a task that throws is retried by graphile-worker with backoff. */
function task<T extends JobName>(run: (payload: JobPayloads[T]) => Promise<unknown>): Task {
  return async (payload) => {
    await run(payload as JobPayloads[T]);
  };
}

export const taskList: Record<JobName, Task> & TaskList = {
  "deliver-email": task<"deliver-email">(async ({ outboxEmailId }) => {
    const outcome = await deliverOutboxEmail(outboxEmailId);
    log.info({ component: "jobs", outboxEmailId, outcome }, "email delivery");
  }),
  "notify-request-change": task<"notify-request-change">(async ({ eventId }) => {
    const written = await notifyRequestChangeNow(eventId);
    log.info({ component: "jobs", eventId, written }, "request change notified");
  }),
  "requeue-overdue-emails": task<"requeue-overdue-emails">(async () => {
    const requeued = await requeueOverdueEmails();
    if (requeued > 0) log.warn({ component: "jobs", requeued }, "overdue emails queued again");
  }),
  // The settings are read at each run: a wrong one fails the run (logged, retried), not the server.
  "send-reminders": task<"send-reminders">(async () => {
    log.info({ component: "jobs", ...(await sendReminders(reminderSettingsOrThrow())) }, "reminders sent");
  }),
  // The identifier stays out of the log: only whether a link went out.
  "send-password-reset": task<"send-password-reset">(async ({ identifier, requestedAt }) => {
    // The link is valid one hour from when it was asked for, and counts toward that hour's limit.
    const outcome = await sendPasswordResetLink(identifier, new Date(requestedAt));
    log.info({ component: "jobs", outcome: outcome === "limit" ? "limit" : "done" }, "password reset request handled");
  }),
  // The day listed follows the scheduled time, so that a run made up after an outage lists the same day.
  "send-deposit-digests": task<"send-deposit-digests">(async (payload) => {
    const at = payload._cron?.ts ? new Date(payload._cron.ts) : new Date();
    log.info({ component: "jobs", ...(await sendDepositDigests(at)) }, "deposit digests sent");
  }),
  "purge-drafts": task<"purge-drafts">(async () => {
    const report = await purgeIdleDrafts(reminderSettingsOrThrow());
    log[report.filesNotDeleted > 0 ? "error" : "info"]({ component: "jobs", ...report }, "idle drafts purged");
  }),
};

/**
 * The periodic tasks. graphile-worker's crontab is safe with several runners: each period is
 * scheduled once (recorded in its `known_crontabs` table), whichever runner sees it first. A
 * period missed while no runner ran is made up at the next start if it is less than an hour old.
 */
export const cronItems: ParsedCronItem[] = parseCronItems([
  { task: "send-reminders", identifier: "send-reminders", match: "0 * * * *", options: { backfillPeriod: 60 * 60_000, maxAttempts: 5 } },
  { task: "purge-drafts", identifier: "purge-drafts", match: "30 * * * *", options: { backfillPeriod: 60 * 60_000, maxAttempts: 5 } },
  { task: "requeue-overdue-emails", identifier: "requeue-overdue-emails", match: "15 * * * *", options: { backfillPeriod: 60 * 60_000, maxAttempts: 5 } },
  // Crontab times are UTC: 05:00 is 6 a.m. in Paris in winter, 7 a.m. in summer. Made up within 12 hours.
  { task: "send-deposit-digests", identifier: "send-deposit-digests", match: "0 5 * * *", options: { backfillPeriod: 12 * 60 * 60_000, maxAttempts: 5 } },
]);
