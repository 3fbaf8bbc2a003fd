/**
 * Runs once when a Next.js server process starts (Next.js convention): checks the configuration
 * and starts what the server runs beside the pages. The code lives in lib/shared.
 */
export async function register(): Promise<void> {
  // Not while building either: a build has no secrets and runs no jobs.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A wrong setting stops the start, each wrong variable named.
  const { checkEnvironmentAtStart } = await import("@/lib/shared/env");
  checkEnvironmentAtStart();
  // Each request carries its connection's address, for the client IP of the audit log (lib/shared/request-ip.ts).
  const { installPeerAddressStamp } = await import("@/lib/shared/request-ip");
  installPeerAddressStamp();
  // The job queue (emails, reminders, purge): run here unless JOBS_IN_PROCESS=false.
  const { startJobsWithServer } = await import("@/lib/shared/jobs/in-process");
  await startJobsWithServer();
}
