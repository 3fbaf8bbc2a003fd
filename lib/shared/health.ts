import type { Database } from "@/lib/shared/db/database";
import { log } from "./log";
import { checkStorage } from "./storage";
import { pingScanner, scannerSettings } from "./storage/virus-scan";

/**
 * The health of this instance, for the load balancer and the monitoring (GET /api/sante): can it
 * reach the database, store files, see the job queue, and have its uploads scanned. Each check has a short time limit, so
 * that a hung dependency makes the answer "degraded" rather than the check itself time out.
 * The answer names no host, path or person: it is public. Causes go to the log.
 */
export type CheckResult = { ok: boolean; ms: number };
export type JobsCheckResult = CheckResult & { installed: boolean; waiting?: number; failed?: number };
export type ScannerCheckResult = CheckResult & { enabled: boolean };
export type Health = { status: "ok" | "degraded"; checks: { database: CheckResult; storage: CheckResult; jobs: JobsCheckResult; scanner: ScannerCheckResult } };

export const CHECK_TIMEOUT_MS = 2_000;

/** What a probe finds; `detail` (a cause, maybe a path or a host) goes to the log only. */
type ProbeResult = { ok: boolean; detail?: string; installed?: boolean; waiting?: number; failed?: number; enabled?: boolean };

async function timed(name: string, probe: () => Promise<ProbeResult>, timeoutMs: number): Promise<CheckResult & Omit<ProbeResult, "detail">> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const { detail, ...result } = await Promise.race([probe(), timeout]);
    if (!result.ok) log.warn({ event: "health.check_failed", check: name, detail }, "health check failed");
    return { ...result, ms: ms() };
  } catch (error) {
    log.warn({ event: "health.check_failed", check: name, err: error }, "health check failed");
    return { ok: false, ms: ms() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The graphile-worker queue (schema `graphile_worker`), once installed: jobs waiting to run and
 * jobs that used all their attempts. Not installed yet is not a failure. Failed jobs do not make
 * the instance unhealthy either: they are for an operator to look at, not a reason to take this
 * instance out of the load balancer.
 */
async function probeJobs(database: Database): Promise<{ ok: boolean; installed: boolean; waiting?: number; failed?: number }> {
  const [schema] = await database.$queryRaw<{ jobs: string | null }[]>`SELECT to_regclass('graphile_worker.jobs')::text AS jobs`;
  if (!schema?.jobs) return { ok: true, installed: false };
  const [counts] = await database.$queryRaw<{ waiting: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL)::int AS waiting,
           count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
    FROM graphile_worker.jobs`;
  return { ok: true, installed: true, waiting: counts?.waiting ?? 0, failed: counts?.failed ?? 0 };
}

/**
 * ClamAV (clamd answers PING), when uploads are scanned (CLAMAV_HOST or CLAMAV_SOCKET). A scanner
 * down refuses every upload, and says so to the user, but it does not make the instance unhealthy:
 * every instance shares it, and taking them out of the load balancer would stop the whole service
 * for a failure of one feature. The monitoring reads `checks.scanner.ok`.
 */
async function probeScanner(): Promise<{ ok: boolean; enabled: boolean; detail?: string }> {
  const settings = scannerSettings();
  if (settings.mode === "off") return { ok: true, enabled: false };
  return (await pingScanner(settings)) ? { ok: true, enabled: true } : { ok: false, enabled: true, detail: "clamd did not answer PONG" };
}

async function probeDatabase(database: Database): Promise<{ ok: boolean }> {
  await database.$queryRaw`SELECT 1`;
  return { ok: true };
}

export async function checkHealth(
  database: Database,
  options: { timeoutMs?: number } = {},
): Promise<Health> {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const [databaseCheck, storageCheck, jobsCheck, scannerCheck] = await Promise.all([
    timed("database", () => probeDatabase(database), timeoutMs),
    // The local folder or the S3 bucket, whichever STORAGE_DRIVER selects.
    timed("storage", checkStorage, timeoutMs),
    timed("jobs", () => probeJobs(database), timeoutMs),
    timed("scanner", probeScanner, timeoutMs),
  ]);
  const jobs: JobsCheckResult = { installed: false, ...jobsCheck };
  // A probe that threw (unreachable, too slow) was about a configured scanner.
  const scanner: ScannerCheckResult = { ok: scannerCheck.ok, ms: scannerCheck.ms, enabled: scannerCheck.enabled ?? true };
  const healthy = databaseCheck.ok && storageCheck.ok && jobs.ok;
  return { status: healthy ? "ok" : "degraded", checks: { database: databaseCheck, storage: storageCheck, jobs, scanner } };
}

/** The HTTP answer: 200 when every check passes, 503 otherwise (the load balancer stops sending traffic). */
export async function healthResponse(database: Database): Promise<Response> {
  const health = await checkHealth(database);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
