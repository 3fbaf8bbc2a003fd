/**
 * The cost of our pages against the framework's own ceiling, in one run:
 *   npm run bench:pages
 *   npm run bench:pages -- --requests 200 --rounds 5 --concurrency 20 --port 3800 --no-build
 *   BENCH_POSTGRES_URL=postgresql://… npm run bench:pages     that database is wiped
 * Without BENCH_POSTGRES_URL, database d3_pages of the embedded test server (wiped too).
 *
 * Two production servers (`next start`) side by side: the app, and a bare App Router app of the same
 * Next.js version (tests/bench/bare-app: one dynamic page, nothing of ours). Then, interleaved in
 * each round so that the machine's load falls on all alike: the bare page, « Suivi de dossiers »
 * (/auditeur) and a request page (/demandes/:id) of a learner with a submitted diploma request and
 * its joint analysis, the centre queue (/centre) of an agent, the Aide (/aide) for the learner.
 * Each batch sends --requests requests with --concurrency in flight and reads the server's CPU time
 * (process and children, /proc) before and after: CPU per request is what a page costs whatever
 * else the machine does, and the bare page's CPU per request divided by a page's is the share of
 * the framework's throughput that page keeps (the ratio). PostgreSQL's own CPU is not counted.
 *
 * Then, in Debian's Chromium, the JavaScript each page loads before it is usable (first load: the
 * compressed bytes of every script, as served by next start) against the bare page's.
 *
 * Goals (issue 15): Suivi ≥ 40 % and a request page ≥ 30 % of the bare page's throughput; first-load
 * JS ≤ 1.2 × the bare page on every learner page. Exit 1 when one is missed, 2 when the benchmark
 * could not run. Writes .data/bench/pages.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { benchDatabase, cleanUp, cleanups, cpuMsOfTree, ensurePortFree, get, logIn, percentile, preparedBuilds, resetDatabase, runBench, startServer, stopServer, waitForServer, type Server, type User } from "./bench-server";

const BARE_APP = path.join("tests", "bench", "bare-app");
const RESULTS_FILE = path.join(".data", "bench", "pages.json");
const THROUGHPUT_GOALS: Partial<Record<TargetName, number>> = { suivi: 0.4, request: 0.3 };
const FIRST_LOAD_JS_GOAL = 1.2;

type Options = { requests: number; rounds: number; concurrency: number; port: number; build: boolean };
type TargetName = "bare" | "suivi" | "request" | "queue" | "aide";
type Target = { name: TargetName; label: string; server: Server; user: User | null; pathname: string };
type Batch = { times: number[]; wallMs: number; cpuMs: number; errors: string[] };

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "200" },
      rounds: { type: "string", default: "5" },
      concurrency: { type: "string", default: "20" },
      port: { type: "string", default: "3800" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const int = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      console.error(`--${name} : un entier entre ${min} et ${max} est attendu (reçu « ${raw} »).\nUsage : npm run bench:pages -- [--requests 200] [--rounds 5] [--concurrency 20] [--port 3800] [--no-build]`);
      process.exit(2);
    }
    return value;
  };
  return {
    requests: int("requests", values.requests, 1, 100_000),
    rounds: int("rounds", values.rounds, 1, 1000),
    concurrency: int("concurrency", values.concurrency, 1, 1000),
    port: int("port", values.port, 1, 65534),
    build: !values["no-build"],
  };
}

async function main(): Promise<number> {
  const options = parseOptions();
  await ensurePortFree(options.port);
  await ensurePortFree(options.port + 1);

  await preparedBuilds(options.build, [BARE_APP]);

  const url = await benchDatabase("d3_pages");
  await resetDatabase(url);

  const app = startServer({ port: options.port, databaseUrl: url, logFile: path.join(".data", "logs", "bench-pages-app.log") });
  cleanups.push(() => stopServer(app));
  const bare = startServer({ port: options.port + 1, folder: BARE_APP, logFile: path.join(".data", "logs", "bench-pages-bare.log") });
  cleanups.push(() => stopServer(bare));
  await Promise.all([waitForServer(app), waitForServer(bare, "/")]);

  const users = await createUsers(app.base, url);
  const { learner, agent, requestId } = users;
  const targets: Target[] = [
    { name: "bare", label: "Page nue Next.js (référence)", server: bare, user: null, pathname: "/" },
    { name: "suivi", label: "Suivi de dossiers (/auditeur)", server: app, user: learner, pathname: "/auditeur" },
    { name: "request", label: "Demande, auditeur (/demandes/:id)", server: app, user: learner, pathname: `/demandes/${requestId}` },
    { name: "queue", label: "File du centre (/centre)", server: app, user: agent, pathname: "/centre" },
    { name: "aide", label: "Aide, connecté (/aide)", server: app, user: learner, pathname: "/aide" },
  ];
  for (const target of targets) await checkPage(target);

  const load1 = loadavg()[0]!;
  console.log(`Échauffement, puis ${options.rounds} tours × ${options.requests} requêtes par page, ${options.concurrency} en parallèle…`);
  for (const target of targets) await batch(target, Math.min(50, options.requests), options.concurrency);
  const batches = new Map<TargetName, Batch[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    // A different order each round: no page always runs right after another.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order) batches.get(target.name)!.push(await batch(target, options.requests, options.concurrency));
  }

  console.log("Premier chargement dans Chromium…");
  const firstLoad = await measureFirstLoad(app, bare, users);
  const report = summarise(targets, batches, firstLoad, options, load1);
  await cleanUp();
  printReport(report);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRésultats : ${RESULTS_FILE}`);
  return report.verdict.met ? 0 : 1;
}

/** A learner with a submitted diploma request and its joint analysis, and an agent of their centre. */
type Users = { learner: User; agent: User; requestId: string; drafter: User; draftId: string };

/** A learner with a submitted diploma request and its joint analysis, an agent of their centre, and another learner with the same pair still in draft (the page with the most forms). */
async function createUsers(base: string, url: string): Promise<Users> {
  process.env.DATABASE_URL = url;
  const { draftJointDiplomaRequest, submitJointDiplomaRequest } = await import("./requests");
  const { createUser } = await import("./factories");
  const { db } = await import("../../lib/shared/db");
  const submitted = await submitJointDiplomaRequest({ centreCode: "PARIS" });
  const draft = await draftJointDiplomaRequest({ centreCode: "PARIS" });
  const staff = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
  await db.$disconnect();
  const learner = await logIn(base, { identifier: submitted.user.identifier, password: submitted.user.password, role: "AUDITEUR", requestIds: [submitted.requestId] });
  const drafter = await logIn(base, { identifier: draft.user.identifier, password: draft.user.password, role: "AUDITEUR", requestIds: [draft.requestId] });
  const agent = await logIn(base, { identifier: staff.identifier, password: staff.password, role: "AGENT_CENTRE", requestIds: [] });
  return { learner, agent, requestId: submitted.requestId, drafter, draftId: draft.requestId };
}

async function checkPage(target: Target): Promise<void> {
  const { status, location } = await get(target.server.base, target.user, target.pathname);
  if (status !== 200) throw new Error(`${target.pathname} répond ${status}${location ? ` (→ ${location})` : ""} : la mesure porterait sur autre chose que la page.`);
}

/** `count` GETs, `concurrency` at a time, each timed; the server's CPU time around the whole batch. */
async function batch(target: Target, count: number, concurrency: number): Promise<Batch> {
  const times: number[] = [];
  const errors: string[] = [];
  const pid = target.server.process.pid!;
  const cpuBefore = cpuMsOfTree(pid);
  const start = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (sent < count) {
        sent++;
        const began = performance.now();
        try {
          const { status } = await get(target.server.base, target.user, target.pathname);
          if (status !== 200) errors.push(`HTTP ${status}`);
        } catch (error) {
          errors.push(String(error));
        }
        times.push(performance.now() - began);
      }
    }),
  );
  const wallMs = performance.now() - start;
  return { times, wallMs, cpuMs: cpuMsOfTree(pid) - cpuBefore, errors };
}

// ——— First-load JavaScript, in Chromium ———

type FirstLoad = { label: string; pathname: string; learnerPage: boolean; scripts: number; bytes: number; files: { file: string; bytes: number }[] };

/**
 * The compressed bytes of the scripts a page loads until the load event (Resource Timing's
 * encodedBodySize: the body as sent, gzip by next start), in a fresh context each (no cache).
 */
async function measureFirstLoad(app: Server, bare: Server, { learner, requestId, drafter, draftId }: Users): Promise<FirstLoad[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  cleanups.push(() => browser.close());
  const pages: { label: string; server: Server; pathname: string; user: User | null; learnerPage: boolean }[] = [
    { label: "Page nue Next.js (référence)", server: bare, pathname: "/", user: null, learnerPage: false },
    { label: "Accueil", server: app, pathname: "/", user: null, learnerPage: true },
    { label: "Connexion", server: app, pathname: "/connexion", user: null, learnerPage: true },
    { label: "Aide", server: app, pathname: "/aide", user: null, learnerPage: true },
    { label: "Suivi de dossiers", server: app, pathname: "/auditeur", user: learner, learnerPage: true },
    { label: "Nouvelle demande", server: app, pathname: "/auditeur/nouvelle-demande", user: learner, learnerPage: true },
    { label: "Demande déposée", server: app, pathname: `/demandes/${requestId}`, user: learner, learnerPage: true },
    { label: "Demande en brouillon", server: app, pathname: `/demandes/${draftId}`, user: drafter, learnerPage: true },
    { label: "Profil", server: app, pathname: "/auditeur/profil", user: learner, learnerPage: true },
  ];
  const results: FirstLoad[] = [];
  for (const page of pages) {
    const context = await browser.newContext();
    if (page.user) {
      const host = new URL(page.server.base).hostname;
      await context.addCookies(page.user.cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: host, path: "/" };
      }));
    }
    const tab = await context.newPage();
    const response = await tab.goto(page.server.base + page.pathname, { waitUntil: "load" });
    if (response?.status() !== 200 || new URL(tab.url()).pathname !== page.pathname) throw new Error(`${page.pathname} : ${response?.status()} → ${tab.url()}`);
    // window.performance: in the page (the bare name would be this script's node:perf_hooks import).
    const scripts = await tab.evaluate(() =>
      window.performance
        .getEntriesByType("resource")
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script" || entry.name.endsWith(".js"))
        .map((entry) => ({ file: new URL(entry.name).pathname, bytes: (entry as PerformanceResourceTiming).encodedBodySize })),
    );
    // The files, largest first, go to the JSON report: a miss then names the chunks to look into.
    const files = scripts.sort((a, b) => b.bytes - a.bytes);
    results.push({ label: page.label, pathname: page.pathname, learnerPage: page.learnerPage, scripts: files.length, bytes: files.reduce((sum, { bytes }) => sum + bytes, 0), files });
    await context.close();
  }
  return results;
}

// ——— Results ———

function summarise(targets: Target[], batches: Map<TargetName, Batch[]>, firstLoad: FirstLoad[], options: Options, load1: number) {
  const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
  const rows = targets.map((target) => {
    const all = batches.get(target.name)!;
    const times = all.flatMap((b) => b.times).sort((a, b) => a - b);
    const requests = times.length;
    const cpuPerRequest = all.reduce((sum, b) => sum + b.cpuMs, 0) / requests;
    return {
      name: target.name,
      label: target.label,
      requests,
      errors: all.reduce((sum, b) => sum + b.errors.length, 0),
      perSecond: round(requests / (all.reduce((sum, b) => sum + b.wallMs, 0) / 1000))!,
      p50: round(percentile(times, 0.5)),
      p99: round(percentile(times, 0.99)),
      cpuMsPerRequest: round(cpuPerRequest, 2)!,
    };
  });
  const bareCpu = rows.find((row) => row.name === "bare")!.cpuMsPerRequest;
  const bareRate = rows.find((row) => row.name === "bare")!.perSecond;
  const withRatios = rows.map((row) => ({
    ...row,
    cpuRatio: round(bareCpu / row.cpuMsPerRequest, 3)!,
    rateRatio: round(row.perSecond / bareRate, 3)!,
    goal: THROUGHPUT_GOALS[row.name] ?? null,
  }));
  const bareJs = firstLoad.find((page) => !page.learnerPage)!.bytes;
  const js = firstLoad.map((page) => ({ ...page, ratio: round(page.bytes / bareJs, 2)! }));
  const misses = [
    ...withRatios.filter((row) => row.goal !== null && row.cpuRatio < row.goal).map((row) => `${row.label} : ${(row.cpuRatio * 100).toFixed(0)} % < ${row.goal! * 100} %`),
    ...withRatios.filter((row) => row.errors > 0).map((row) => `${row.label} : ${row.errors} erreurs`),
    ...js.filter((page) => page.learnerPage && page.ratio > FIRST_LOAD_JS_GOAL).map((page) => `JS ${page.label} : ${page.ratio} × > ${FIRST_LOAD_JS_GOAL} ×`),
  ];
  return {
    date: new Date().toISOString(),
    options,
    machine: { cores: availableParallelism(), loadAverage1mBefore: round(load1, 2), node: process.version },
    rows: withRatios,
    firstLoadJs: js,
    verdict: {
      goal: `débit (CPU par requête) ≥ ${THROUGHPUT_GOALS.suivi! * 100} % de la page nue pour Suivi, ≥ ${THROUGHPUT_GOALS.request! * 100} % pour une demande ; JS du premier chargement ≤ ${FIRST_LOAD_JS_GOAL} × la page nue sur chaque page auditeur`,
      met: misses.length === 0,
      misses,
    },
  };
}

function printReport(report: ReturnType<typeof summarise>): void {
  const width = Math.max(...report.rows.map((row) => row.label.length));
  const header = ["Page".padEnd(width), "requêtes", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "part du débit nu (CPU)", "(req/s)"];
  console.log(`\n${report.machine.cores} cœurs, charge 1 min avant : ${report.machine.loadAverage1mBefore} ; ${report.options.rounds} tours × ${report.options.requests} requêtes, ${report.options.concurrency} en parallèle`);
  console.log(header.join(" | "));
  for (const row of report.rows) {
    const share = `${(row.cpuRatio * 100).toFixed(0)} %${row.goal !== null ? ` (objectif ≥ ${row.goal * 100} %)` : ""}`;
    console.log([row.label.padEnd(width), String(row.requests).padStart(8), row.perSecond.toFixed(1).padStart(5), String(row.p50).padStart(6), String(row.p99).padStart(6), row.cpuMsPerRequest.toFixed(2).padStart(10), share.padStart(22), `${(row.rateRatio * 100).toFixed(0)} %`.padStart(7)].join(" | "));
  }
  console.log("\nJavaScript du premier chargement (compressé, Chromium) :");
  for (const page of report.firstLoadJs) console.log(`  ${page.label.padEnd(30)} ${(page.bytes / 1024).toFixed(1).padStart(7)} Ko  ${String(page.scripts).padStart(3)} scripts  ${page.ratio.toFixed(2)} ×`);
  console.log(`\nObjectif : ${report.verdict.goal}.`);
  if (report.verdict.met) console.log("Verdict : ✓ atteint");
  else console.error(`Verdict : ✗ manqué (${report.verdict.misses.join(" ; ")})`);
}

runBench(main);
