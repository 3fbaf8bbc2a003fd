/**
 * Can a flood of wrong logins starve the site? Against a production build:
 *   npm run bench:login-flood
 *   npm run bench:login-flood -- --rate 20 --seconds 30 --port 3950 --no-build
 *   BENCH_POSTGRES_URL=postgresql://… npm run bench:login-flood     that database is wiped
 * Without BENCH_POSTGRES_URL, database d3_flood of the embedded test server (wiped too).
 *
 * The home page (/) is asked 5 times a second throughout (open loop: on time, whatever the answers)
 * and timed, in three phases of --seconds each:
 *   1. idle: nothing else;
 *   2. one address: --rate wrong logins a second from one client, each on another unknown
 *      identifier (the per-address limit must stop them before any password is checked);
 *   3. many addresses: --rate wrong logins a second, each from another address (X-Forwarded-For,
 *      with the server trusting the benchmark as its proxy: TRUSTED_PROXIES=127.0.0.1), on unknown
 *      identifiers — what no per-address nor per-identifier limit stops: bounded password hashing
 *      (lib/auth/password-hash.ts) must leave the pages a core.
 * Goal (issue 15): the home page's p95 in phases 2 and 3 ≤ 2 × its p95 at idle. Exit 1 when missed,
 * 2 when the benchmark could not run. Writes .data/bench/login-flood.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { benchDatabase, cleanUp, cleanups, ensurePortFree, percentile, preparedBuilds, resetDatabase, runBench, sleep, startServer, stopServer, TIMEOUT_MS, waitForServer } from "./bench-server";

const HOME_RATE = 5;
const GOAL_RATIO = 2;
const RESULTS_FILE = path.join(".data", "bench", "login-flood.json");

type Phase = "idle" | "oneAddress" | "manyAddresses";
const PHASE_LABELS: Record<Phase, string> = {
  idle: "Au repos",
  oneAddress: "Connexions erronées, une adresse",
  manyAddresses: "Connexions erronées, adresses multiples",
};

function parseOptions() {
  const { values } = parseArgs({
    options: { rate: { type: "string", default: "20" }, seconds: { type: "string", default: "30" }, port: { type: "string", default: "3950" }, "no-build": { type: "boolean", default: false } },
  });
  const int = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      console.error(`--${name} : un entier entre ${min} et ${max} est attendu.\nUsage : npm run bench:login-flood -- [--rate 20] [--seconds 30] [--port 3950] [--no-build]`);
      process.exit(2);
    }
    return value;
  };
  return { rate: int("rate", values.rate, 1, 1000), seconds: int("seconds", values.seconds, 5, 3600), port: int("port", values.port, 1, 65535), build: !values["no-build"] };
}

async function main(): Promise<number> {
  const options = parseOptions();
  await ensurePortFree(options.port);
  await preparedBuilds(options.build);

  const url = await benchDatabase("d3_flood");
  await resetDatabase(url);
  // The real per-address limit (the other benchmarks raise it), and the benchmark as a trusted proxy.
  const app = startServer({ port: options.port, databaseUrl: url, logFile: path.join(".data", "logs", "bench-login-flood.log"), env: { LOGIN_MAX_ATTEMPTS_PER_IP: undefined, TRUSTED_PROXIES: "127.0.0.1" } });
  cleanups.push(() => stopServer(app));
  await waitForServer(app);

  // One CSRF token and its cookie serve every attempt, as a script would reuse them.
  const csrf = await fetch(`${app.base}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const answers = new Map<string, number>();
  let attempt = 0;
  async function wrongLogin(address: string | null): Promise<void> {
    attempt++;
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", cookie };
    if (address) headers["x-forwarded-for"] = address;
    // Another unknown identifier each time: the per-identifier lockout never applies, only the
    // per-address limit and the bounded hashing can help.
    const identifier = `camille.inconnue${attempt}.auditeur`;
    try {
      const response = await fetch(`${app.base}/api/auth/callback/enf`, {
        method: "POST",
        redirect: "manual",
        headers,
        body: new URLSearchParams({ identifier, password: `faux-${attempt}`, csrfToken, json: "true" }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      // NextAuth answers { url } with the login page's ?error=<code> (json: true).
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      const error = (body.url && new URL(body.url, app.base).searchParams.get("error")) || `HTTP ${response.status}`;
      answers.set(error, (answers.get(error) ?? 0) + 1);
    } catch (error) {
      answers.set(String((error as Error).name), (answers.get(String((error as Error).name)) ?? 0) + 1);
    }
  }

  // Warm-up: the login route's first calls load its modules (NextAuth, argon2); not part of a phase.
  for (let i = 0; i < 5; i++) await wrongLogin(`192.0.2.${i + 1}`);

  const load1 = loadavg()[0]!;
  const phases: { phase: Phase; times: number[]; errors: number; logins: Record<string, number> }[] = [];
  for (const phase of ["idle", "oneAddress", "manyAddresses"] as Phase[]) {
    answers.clear();
    console.log(`${PHASE_LABELS[phase]} : ${options.seconds} s…`);
    const flood =
      phase === "idle"
        ? null
        : (n: number) => wrongLogin(phase === "oneAddress" ? null : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
    const { times, errors } = await runPhase(app.base, options.seconds, options.rate, flood);
    phases.push({ phase, times, errors, logins: Object.fromEntries(answers) });
  }
  await cleanUp();

  const p95 = (times: number[]) => percentile([...times].sort((a, b) => a - b), 0.95)!;
  const idle = p95(phases[0]!.times);
  const rows = phases.map(({ phase, times, errors, logins }) => ({
    phase,
    label: PHASE_LABELS[phase],
    requests: times.length,
    errors,
    p50: Math.round(percentile([...times].sort((a, b) => a - b), 0.5)! * 10) / 10,
    p95: Math.round(p95(times) * 10) / 10,
    ratio: Math.round((p95(times) / idle) * 100) / 100,
    logins,
  }));
  const misses = rows.filter((row) => row.ratio > GOAL_RATIO || row.errors > 0).map((row) => `${row.label} : p95 ${row.p95} ms (${row.ratio} ×)${row.errors ? `, ${row.errors} erreurs` : ""}`);
  const report = { date: new Date().toISOString(), options, loadAverage1mBefore: Math.round(load1 * 100) / 100, rows, verdict: { goal: `p95 de l'accueil ≤ ${GOAL_RATIO} × son p95 au repos pendant ${options.rate} connexions erronées par seconde`, met: misses.length === 0, misses } };

  console.log(`\nAccueil (/) demandé ${HOME_RATE} fois par seconde ; ${options.rate} connexions erronées par seconde ; charge 1 min avant : ${report.loadAverage1mBefore}`);
  for (const row of rows) {
    console.log(`${row.label.padEnd(42)} ${String(row.requests).padStart(4)} requêtes  p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.p95).padStart(7)} ms  ${row.ratio.toFixed(2)} ×  ${row.errors} erreurs`);
    if (Object.keys(row.logins).length) console.log(`${"".padEnd(42)} réponses aux connexions : ${JSON.stringify(row.logins)}`);
  }
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nObjectif : ${report.verdict.goal}.`);
  if (report.verdict.met) console.log("Verdict : ✓ atteint");
  else console.error(`Verdict : ✗ manqué (${misses.join(" ; ")})`);
  return report.verdict.met ? 0 : 1;
}

/** The home page HOME_RATE times a second and `flood` `rate` times a second, on time, for `seconds`. */
async function runPhase(base: string, seconds: number, rate: number, flood: ((n: number) => Promise<void>) | null): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let homes = 0;
  let floods = 0;
  while (performance.now() < end) {
    const elapsed = performance.now() - start;
    while (homes < (elapsed / 1000) * HOME_RATE) {
      homes++;
      pending.push(
        (async () => {
          const sent = performance.now();
          try {
            const response = await fetch(`${base}/`, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
            await response.arrayBuffer();
            if (response.status !== 200) errors++;
          } catch {
            errors++;
          }
          times.push(performance.now() - sent);
        })(),
      );
    }
    while (flood && floods < (elapsed / 1000) * rate) pending.push(flood(floods++));
    await sleep(5);
  }
  await Promise.all(pending);
  return { times, errors };
}

runBench(main);
