/**
 * Runs once when a Next.js server process starts (Next.js convention): checks the configuration
 * and starts what the server runs beside the pages. The code lives in lib/shared.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A wrong setting stops the start, each wrong variable named; not while building, which has no secrets.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { checkEnvironmentAtStart } = await import("@/lib/shared/env");
    checkEnvironmentAtStart();
  }
  // The job queue (emails, reminders, purge): run here unless JOBS_IN_PROCESS=false; never while building.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startJobsWithServer } = await import("@/lib/shared/jobs/in-process");
    await startJobsWithServer();
  }
}
