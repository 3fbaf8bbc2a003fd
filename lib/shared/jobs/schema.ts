import { Logger, runMigrations } from "graphile-worker";
import { log } from "../log";
import { JOB_SCHEMA } from "./queue";

// graphile-worker's levels (a const enum of strings) to pino's.
const LEVELS: Record<string, "error" | "warn" | "info" | "debug"> = { error: "error", warning: "warn", info: "info", debug: "debug" };

/** graphile-worker's messages in the application's structured log, with the task and job they are about. */
export const jobLogger = new Logger((scope) => (level, message, meta) => {
  log[LEVELS[level] ?? "info"]({ component: "jobs", task: scope.taskIdentifier, jobId: scope.jobId, ...(meta?.error ? { err: meta.error } : {}) }, message);
});

/**
 * Installs or upgrades graphile-worker's schema (idempotent, safe with several processes: it takes
 * an advisory lock). Run by `npm run db:deploy`, by the test template and at every server start,
 * so that `enqueue` works on a fresh database before any runner has started.
 */
export async function ensureJobSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: JOB_SCHEMA, logger: jobLogger });
}
