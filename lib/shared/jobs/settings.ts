import { JOB_VARIABLES, readVariables, type Environment } from "@/lib/shared/env";

/** How this process runs jobs: JOBS_IN_PROCESS (default true) and JOBS_CONCURRENCY (default 2). */
export type JobSettings = { inProcess: boolean; concurrency: number };

export function jobSettingsFrom(env: Environment): { ok: true; settings: JobSettings } | { ok: false; message: string } {
  const parsed = readVariables(JOB_VARIABLES, env);
  if (!parsed.ok) return parsed;
  return { ok: true, settings: { inProcess: parsed.values.JOBS_IN_PROCESS !== "false", concurrency: Number(parsed.values.JOBS_CONCURRENCY ?? 2) } };
}

export function jobSettingsOrThrow(env: Environment = process.env): JobSettings {
  const parsed = jobSettingsFrom(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}
