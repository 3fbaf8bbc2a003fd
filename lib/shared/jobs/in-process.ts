import { databaseUrl } from "@/lib/shared/db/database-url";
import { log } from "@/lib/shared/log";
import { startJobRunner, type JobRunner } from "./runner";
import { ensureJobSchema } from "./schema";
import { jobSettingsOrThrow } from "./settings";

const shared = globalThis as { d3JobRunner?: Promise<JobRunner> };

/**
 * Called by instrumentation.ts when a server starts. With JOBS_IN_PROCESS (the default) the server
 * runs the jobs itself, JOBS_CONCURRENCY at a time; with JOBS_IN_PROCESS=false a separate
 * `npm run worker` does, and the server only makes sure it can enqueue (the job schema exists).
 * No signal handler here: when the server exits, a job cut short is given back to the queue by the
 * next runner's dead-worker check (lib/shared/jobs/runner.ts).
 */
export async function startJobsWithServer(): Promise<void> {
  const settings = jobSettingsOrThrow();
  if (!settings.inProcess) {
    await ensureJobSchema(databaseUrl());
    log.info({ component: "jobs" }, "jobs are run by a separate worker (JOBS_IN_PROCESS=false)");
    return;
  }
  // Once per process, even if the hook ran twice (development reloads).
  shared.d3JobRunner ??= startJobRunner({ concurrency: settings.concurrency });
  await shared.d3JobRunner;
}
