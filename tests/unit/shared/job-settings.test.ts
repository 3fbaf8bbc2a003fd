import { jobSettingsFrom } from "@/lib/shared/jobs/settings";

test("jobs run in the server, two at a time, unless told otherwise", () => {
  expect(jobSettingsFrom({})).toEqual({ ok: true, settings: { inProcess: true, concurrency: 2 } });
  expect(jobSettingsFrom({ JOBS_IN_PROCESS: "false", JOBS_CONCURRENCY: "8" })).toEqual({ ok: true, settings: { inProcess: false, concurrency: 8 } });
});

test.each([{ JOBS_IN_PROCESS: "non" }, { JOBS_CONCURRENCY: "0" }, { JOBS_CONCURRENCY: "2.5" }, { JOBS_CONCURRENCY: "beaucoup" }])("%j is refused with a message naming the setting", (env) => {
  const parsed = jobSettingsFrom(env);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.message).toContain(Object.keys(env)[0]);
});
