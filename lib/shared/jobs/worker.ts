/**
 * `npm run worker`: runs the jobs (email delivery, reminders, purge of idle drafts) without the web
 * server, for deployments that set JOBS_IN_PROCESS=false on their web instances. Any number of
 * workers may run. SIGTERM or SIGINT: stops taking jobs, finishes those running, exits; a second
 * signal exits at once (the jobs cut short go back to the queue, see runner.ts).
 */
import { log } from "@/lib/shared/log";
import { startJobRunner } from "./runner";
import { jobSettingsOrThrow } from "./settings";

async function main(): Promise<void> {
  const runner = await startJobRunner({ concurrency: jobSettingsOrThrow().concurrency });
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) {
        log.warn({ component: "jobs", signal }, "second signal: exiting without waiting for the running jobs");
        process.exit(1);
      }
      stopping = true;
      log.info({ component: "jobs", signal }, "stopping the job runner");
      runner.stop().then(
        () => process.exit(0),
        (error) => {
          log.error({ component: "jobs", err: error }, "job runner did not stop cleanly");
          process.exit(1);
        },
      );
    });
  }
  await runner.promise;
}

main().catch((error) => {
  log.fatal({ component: "jobs", err: error }, "job runner failed");
  process.exit(1);
});
