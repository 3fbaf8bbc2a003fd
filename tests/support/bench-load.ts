/**
 * Load benchmark of the pages people read most, against a production build (`next start`):
 *   npm run bench:load                                     50 learners, 10 agents, 60 s, think 1000 ms
 *   npm run bench:load -- --learners 5 --agents 2 --seconds 10 --think-ms 1000 --port 3300 --no-build
 *   BENCH_POSTGRES_URL=postgresql://… npm run bench:load   that database is wiped
 * Without BENCH_POSTGRES_URL, database d3_load of the embedded test server (wiped too).
 *
 * What it simulates, reads only (no form is submitted, nothing is written but the login rows):
 * - N learners (centre PARIS, every unit of the licence, one submitted joint diploma request each)
 *   open « Suivi de dossiers » (/auditeur), then one of their requests linked from it
 *   (/demandes/<id>), and again;
 * - M AGENT_CENTRE agents of PARIS open the queue (/centre), then a request linked from it
 *   (/centre/demandes/<id>), and again.
 * Each virtual user is one async loop that waits for each answer, then "thinks" for a uniform
 * 0.5×–1.5× of --think-ms before the next page (a closed loop, as people are: when the server
 * slows down they ask less often). The default 1000 ms is a pessimistic peak, not a day's average:
 * 60 people reading a page a second is about 60 requests/s offered, what a centre's whole
 * population does right after a deadline or a mass email, on one instance.
 * Only the HTML documents are requested (no JS/CSS chunks, no live-update stream): they are what
 * the server renders; static files are served from cache in real life.
 *
 * Everyone logs in over HTTP like a browser before the timed window (argon2 is slow on purpose);
 * the check of each login (its home page answers 200) warms the server up. Latency is measured
 * from sending a request to reading its whole body; errors are non-2xx answers (redirects
 * included: a session lost is a redirect to /connexion), timeouts (30 s) and network errors.
 * Prints p50/p95/p99 per page kind and overall, requests/s and errors; writes .data/bench/load.json.
 * Goal (on 2 cores, 50 learners, 10 agents): p95 ≤ 1 s for every page kind and overall, and no
 * error. Exit code 1 when missed, 2 when the benchmark itself could not run.
 *
 * The server listens on 127.0.0.1 only. The script holds the lock /tmp/d3-build.lock (flock, when
 * installed) while it builds and while the server runs, so that another `next build` in the same
 * checkout cannot replace .next under the running server: do not wrap it in flock yourself.
 * The server runs with JOBS_IN_PROCESS=false and no SMTP: the benchmark measures the pages, not
 * the job queue. DATABASE_POOL_SIZE, when set, is passed on to it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { benchDatabase, cleanUp, cleanups, ensurePortFree, get, inBatches, logInAll, percentile, preparedBuilds, range, resetDatabase, runBench, sleep, startServer, stopServer, TIMEOUT_MS, waitForServer, type Account, type User } from "./bench-server";

const P95_GOAL_MS = 1000;
const GOAL = { learners: 50, agents: 10, cores: 2 };
const RESULTS_FILE = path.join(".data", "bench", "load.json");
const SERVER_LOG = path.join(".data", "logs", "bench-load-server.log");

type Options = { learners: number; agents: number; seconds: number; thinkMs: number; port: number; build: boolean };
type Kind = "suivi" | "learnerRequest" | "queue" | "centreRequest";
type Sample = { kind: Kind; ms: number; error?: string };

const KIND_LABELS: Record<Kind, string> = {
  suivi: "Suivi de dossiers (/auditeur)",
  learnerRequest: "Demande, auditeur (/demandes/:id)",
  queue: "File du centre (/centre)",
  centreRequest: "Demande, centre (/centre/demandes/:id)",
};

// ——— Command line ———

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      learners: { type: "string", default: String(GOAL.learners) },
      agents: { type: "string", default: String(GOAL.agents) },
      seconds: { type: "string", default: "60" },
      "think-ms": { type: "string", default: "1000" },
      port: { type: "string", default: "3300" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const int = (name: string, raw: string, min: number) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min) usage(`--${name} : un entier ≥ ${min} est attendu (reçu « ${raw} »).`);
    return value;
  };
  const options = {
    learners: int("learners", values.learners, 0),
    agents: int("agents", values.agents, 0),
    seconds: int("seconds", values.seconds, 1),
    thinkMs: int("think-ms", values["think-ms"], 0),
    port: int("port", values.port, 1),
    build: !values["no-build"],
  };
  if (options.learners + options.agents === 0) usage("Au moins un auditeur ou un agent.");
  if (options.port > 65535) usage("--port : 65535 au plus.");
  return options;
}

function usage(message: string): never {
  console.error(`${message}\nUsage : npm run bench:load -- [--learners 50] [--agents 10] [--seconds 60] [--think-ms 1000] [--port 3300] [--no-build]`);
  process.exit(2);
}

// ——— Orchestration ———

async function main(): Promise<number> {
  const options = parseOptions();
  await ensurePortFree(options.port);

  await preparedBuilds(options.build);

  const url = await benchDatabase("d3_load");
  const prepared = performance.now();
  await resetDatabase(url);

  const server = startServer({ port: options.port, databaseUrl: url, logFile: SERVER_LOG });
  const { base } = server;
  cleanups.push(() => stopServer(server));
  await waitForServer(server);
  // After the server's start, which creates what it needs beside the migrations (the job queue's
  // schema, where submissions enqueue their emails).
  const accounts = await createAccounts(url, options);
  console.log(`Base prête (${options.learners} auditeurs, ${options.agents} agents) en ${((performance.now() - prepared) / 1000).toFixed(1)} s`);

  const loginStart = performance.now();
  const users = await logInAll(base, accounts);
  console.log(`${users.length} connexions vérifiées en ${((performance.now() - loginStart) / 1000).toFixed(1)} s`);

  console.log(`Mesure : ${options.learners} auditeurs + ${options.agents} agents pendant ${options.seconds} s, réflexion ${options.thinkMs / 2}–${options.thinkMs * 1.5} ms…`);
  const load1 = loadavg()[0]!;
  const run = await runLoad(base, users, options);
  const report = summarise(run, options, load1);
  await cleanUp();
  printReport(report);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRésultats : ${RESULTS_FILE}`);
  return report.verdict.met ? 0 : 1;
}

// ——— Data ———

/** The virtual users, made through the real use cases (tests/support/requests.ts). */
async function createAccounts(url: string, options: Options): Promise<Account[]> {
  process.env.DATABASE_URL = url;
  const { submitJointDiplomaRequest } = await import("./requests");
  const { createUser } = await import("./factories");
  const { db } = await import("../../lib/shared/db");
  const accounts: Account[] = [];
  // Four at a time: argon2 hashes and the yearly number counter make more pointless.
  await inBatches(range(options.learners), 4, async () => {
    const learner = await submitJointDiplomaRequest({ centreCode: "PARIS" });
    accounts.push({ identifier: learner.user.identifier, password: learner.user.password, role: "AUDITEUR", requestIds: [learner.requestId, learner.analysisId] });
  });
  // Agents after the submissions: the benchmark is about reading, not about their notifications.
  await inBatches(range(options.agents), 4, async () => {
    const agent = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
    accounts.push({ identifier: agent.identifier, password: agent.password, role: "AGENT_CENTRE", requestIds: [] });
  });
  await db.$disconnect();
  return accounts;
}

// ——— Server ———

// ——— HTTP, like a browser ———

// ——— Load ———

type Run = { samples: Sample[]; elapsedMs: number };

/**
 * One loop per virtual user; each starts after a random part of a think time, so that they do not
 * all hit the server in the same millisecond. Requests started before the end are awaited and
 * counted; none starts after it.
 */
async function runLoad(base: string, users: User[], options: Options): Promise<Run> {
  const samples: Sample[] = [];
  const start = performance.now();
  const end = start + options.seconds * 1000;
  const think = () => options.thinkMs * (0.5 + Math.random());

  /** GET, timed and recorded; the ids `link` finds in the page, which must have some when given. */
  async function timed(user: User, kind: Kind, pathname: string, link?: RegExp): Promise<string[]> {
    const sent = performance.now();
    try {
      const { status, body, location } = await get(base, user, pathname);
      const ms = performance.now() - sent;
      if (status < 200 || status > 299) {
        samples.push({ kind, ms, error: `HTTP ${status}${location ? ` → ${location}` : ""}` });
        return [];
      }
      const links = link ? [...body.matchAll(link)].map((match) => match[1]!) : [];
      // A 200 without the expected links is the wrong page (or an empty one): not what was asked.
      samples.push(link && !links.length ? { kind, ms, error: `${pathname} sans lien vers une demande` } : { kind, ms });
      return links;
    } catch (error) {
      const ms = performance.now() - sent;
      const name = (error as Error).name;
      samples.push({ kind, ms, error: name === "TimeoutError" ? `délai de ${TIMEOUT_MS / 1000} s dépassé` : `réseau : ${String((error as Error & { cause?: unknown }).cause ?? error)}` });
      return [];
    }
  }

  const pause = async (ms: number) => {
    const left = end - performance.now();
    await sleep(Math.max(0, Math.min(ms, left)));
    return performance.now() < end;
  };

  async function learner(user: User): Promise<void> {
    if (!(await pause(Math.random() * options.thinkMs))) return;
    for (;;) {
      const links = await timed(user, "suivi", "/auditeur", /href="\/demandes\/([A-Za-z0-9_-]+)"/g);
      if (!(await pause(think()))) return;
      // Their own requests, as linked from Suivi (the known ones if the page failed).
      const id = pick(links.length ? links : user.requestIds);
      await timed(user, "learnerRequest", `/demandes/${id}`);
      if (!(await pause(think()))) return;
    }
  }

  async function agent(user: User): Promise<void> {
    if (!(await pause(Math.random() * options.thinkMs))) return;
    for (;;) {
      const links = await timed(user, "queue", "/centre", /href="\/centre\/demandes\/([A-Za-z0-9_-]+)"/g);
      if (!(await pause(think()))) return;
      if (!links.length) continue;
      await timed(user, "centreRequest", `/centre/demandes/${pick(links)}`);
      if (!(await pause(think()))) return;
    }
  }

  await Promise.all(users.map((user) => (user.role === "AUDITEUR" ? learner(user) : agent(user))));
  return { samples, elapsedMs: performance.now() - start };
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

// ——— Results ———

type Stats = { label: string; requests: number; errors: number; p50: number | null; p95: number | null; p99: number | null; max: number | null; perSecond: number };

function stats(label: string, samples: Sample[], elapsedMs: number): Stats {
  // Every answer counts in the latencies, errors too: a timeout is what the user waited.
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    label,
    requests: samples.length,
    errors: samples.filter((s) => s.error).length,
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    p99: round(percentile(times, 0.99)),
    max: round(times.at(-1) ?? null),
    perSecond: Math.round((samples.length / (elapsedMs / 1000)) * 10) / 10,
  };
}

function summarise(run: Run, options: Options, load1: number) {
  const kinds = (Object.keys(KIND_LABELS) as Kind[]).filter((kind) => run.samples.some((s) => s.kind === kind));
  const rows = [...kinds.map((kind) => stats(KIND_LABELS[kind], run.samples.filter((s) => s.kind === kind), run.elapsedMs)), stats("Ensemble", run.samples, run.elapsedMs)];
  const errorKinds = new Map<string, number>();
  for (const { error } of run.samples) if (error) errorKinds.set(error, (errorKinds.get(error) ?? 0) + 1);
  const overall = rows.at(-1)!;
  const slow = rows.filter((row) => row.p95 !== null && row.p95 > P95_GOAL_MS).map((row) => row.label);
  const misses = [...(slow.length ? [`p95 > ${P95_GOAL_MS} ms : ${slow.join(", ")}`] : []), ...(overall.errors ? [`${overall.errors} erreurs`] : [])];
  const cores = availableParallelism();
  const goalConditions = options.learners === GOAL.learners && options.agents === GOAL.agents && cores === GOAL.cores;
  return {
    date: new Date().toISOString(),
    options: { learners: options.learners, agents: options.agents, seconds: options.seconds, thinkMs: options.thinkMs, port: options.port, build: options.build },
    machine: { cores, loadAverage1mBefore: Math.round(load1 * 100) / 100, node: process.version },
    // Passed on to the server: DATABASE_POOL_SIZE=20 npm run bench:load compares pool sizes.
    databasePoolSize: process.env.DATABASE_POOL_SIZE?.trim() || "10 (défaut de pg)",
    elapsedSeconds: Math.round(run.elapsedMs) / 1000,
    rows,
    errors: Object.fromEntries(errorKinds),
    verdict: {
      goal: `p95 ≤ ${P95_GOAL_MS} ms (chaque type de page et ensemble) et 0 erreur, sur ${GOAL.cores} cœurs avec ${GOAL.learners} auditeurs et ${GOAL.agents} agents`,
      goalConditions,
      met: misses.length === 0,
      misses,
    },
  };
}

function printReport(report: ReturnType<typeof summarise>): void {
  const ms = (value: number | null) => (value === null ? "—" : value.toFixed(0));
  const width = Math.max(...report.rows.map((row) => row.label.length));
  const header = ["Page".padEnd(width), "requêtes", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "erreurs"];
  console.log(`\n${report.options.learners} auditeurs + ${report.options.agents} agents, ${report.elapsedSeconds} s, réflexion ${report.options.thinkMs} ms ±50 %, ${report.machine.cores} cœurs (charge 1 min avant : ${report.machine.loadAverage1mBefore}), pool PostgreSQL ${report.databasePoolSize}`);
  console.log(header.join(" | "));
  console.log(header.map((cell) => "-".repeat(cell.length)).join("-|-"));
  for (const row of report.rows) {
    console.log(
      [
        row.label.padEnd(width),
        String(row.requests).padStart(8),
        row.perSecond.toFixed(1).padStart(5),
        ms(row.p50).padStart(6),
        ms(row.p95).padStart(6),
        ms(row.p99).padStart(6),
        ms(row.max).padStart(6),
        String(row.errors).padStart(7),
      ].join(" | "),
    );
  }
  for (const [error, count] of Object.entries(report.errors)) console.log(`  ${count} × ${error}`);
  const { verdict } = report;
  console.log(`\nObjectif : ${verdict.goal}.`);
  if (!verdict.goalConditions) console.log("(Mesure hors des conditions de l'objectif : le verdict s'applique quand même aux chiffres ci-dessus.)");
  if (verdict.met) console.log("Verdict : ✓ atteint");
  else console.error(`Verdict : ✗ manqué (${verdict.misses.join(" ; ")})`);
}

runBench(main);
