/** How this process runs jobs: JOBS_IN_PROCESS (default true) and JOBS_CONCURRENCY (default 2). */
export type JobSettings = { inProcess: boolean; concurrency: number };

export function jobSettingsFrom(env: Record<string, string | undefined>): { ok: true; settings: JobSettings } | { ok: false; message: string } {
  const inProcess = env.JOBS_IN_PROCESS?.trim().toLowerCase() || "true";
  if (inProcess !== "true" && inProcess !== "false") {
    return { ok: false, message: `JOBS_IN_PROCESS : « true » ou « false » est attendu (reçu « ${env.JOBS_IN_PROCESS} »).` };
  }
  const rawConcurrency = env.JOBS_CONCURRENCY?.trim() || "2";
  const concurrency = Number(rawConcurrency);
  if (!/^\d+$/.test(rawConcurrency) || concurrency < 1 || concurrency > 50) {
    return { ok: false, message: `JOBS_CONCURRENCY : un nombre entier entre 1 et 50 est attendu (reçu « ${env.JOBS_CONCURRENCY} »).` };
  }
  return { ok: true, settings: { inProcess: inProcess === "true", concurrency } };
}

export function jobSettingsOrThrow(env: Record<string, string | undefined> = process.env): JobSettings {
  const parsed = jobSettingsFrom(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}
