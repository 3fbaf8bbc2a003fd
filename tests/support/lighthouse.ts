/**
 * Lighthouse's performance score of six pages, with Debian's Chromium, against a production build:
 *   npm run lighthouse
 *   npm run lighthouse -- --port 3900 --no-build --preset mobile
 *   BENCH_POSTGRES_URL=postgresql://… npm run lighthouse     that database is wiped
 * Without BENCH_POSTGRES_URL, database d3_lighthouse of the embedded test server (wiped too).
 *
 * The pages: home, login, Aide (anonymous); Suivi de dossiers and a request page (a learner with a
 * submitted diploma request and its joint analysis); the centre queue (an agent of that centre).
 * Signed-in pages are loaded with the session cookie of a login made over HTTP.
 * --preset desktop (default) is Lighthouse's desktop configuration; mobile is its default one
 * (simulated slow 4G and a 4× slower CPU). Goal (issue 15): ≥ 95 on every page, on an idle machine.
 * Exit 1 when missed, 2 when it could not run. Writes .data/bench/lighthouse.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchDatabase, cleanUp, cleanups, ensurePortFree, logIn, preparedBuilds, resetDatabase, runBench, startServer, stopServer, waitForServer } from "./bench-server";

const GOAL = 95;
const RESULTS_FILE = path.join(".data", "bench", "lighthouse.json");

type Page = { label: string; pathname: string; cookie: string | null };
type Score = { label: string; pathname: string; score: number; metrics: Record<string, number | null>; layoutShifts: { selector: string; snippet: string; score: number }[] };

function parseOptions() {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "3900" }, "no-build": { type: "boolean", default: false }, preset: { type: "string", default: "desktop" } },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535 || !["desktop", "mobile"].includes(values.preset)) {
    console.error("Usage : npm run lighthouse -- [--port 3900] [--no-build] [--preset desktop|mobile]");
    process.exit(2);
  }
  return { port, build: !values["no-build"], preset: values.preset as "desktop" | "mobile" };
}

async function main(): Promise<number> {
  const options = parseOptions();
  await ensurePortFree(options.port);
  await preparedBuilds(options.build);

  const url = await benchDatabase("d3_lighthouse");
  await resetDatabase(url);
  const app = startServer({ port: options.port, databaseUrl: url, logFile: path.join(".data", "logs", "lighthouse-app.log") });
  cleanups.push(() => stopServer(app));
  await waitForServer(app);

  process.env.DATABASE_URL = url;
  const { submitJointDiplomaRequest } = await import("./requests");
  const { createUser } = await import("./factories");
  const { db } = await import("../../lib/shared/db");
  const submitted = await submitJointDiplomaRequest({ centreCode: "PARIS" });
  const staff = await createUser({ role: "AGENT_CENTRE", centreCode: "PARIS" });
  await db.$disconnect();
  const learner = await logIn(app.base, { identifier: submitted.user.identifier, password: submitted.user.password, role: "AUDITEUR", requestIds: [] });
  const agent = await logIn(app.base, { identifier: staff.identifier, password: staff.password, role: "AGENT_CENTRE", requestIds: [] });

  const pages: Page[] = [
    { label: "Accueil", pathname: "/", cookie: null },
    { label: "Connexion", pathname: "/connexion", cookie: null },
    { label: "Aide", pathname: "/aide", cookie: null },
    { label: "Suivi de dossiers", pathname: "/auditeur", cookie: learner.cookie },
    { label: "Demande", pathname: `/demandes/${submitted.requestId}`, cookie: learner.cookie },
    { label: "File du centre", pathname: "/centre", cookie: agent.cookie },
  ];

  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  cleanups.push(() => chrome.kill());

  const load1 = loadavg()[0]!;
  const scores: Score[] = [];
  for (const page of pages) {
    const flags = { port: chrome.port, output: "json" as const, logLevel: "error" as const, onlyCategories: ["performance"], extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined };
    const result = await lighthouse(app.base + page.pathname, flags, options.preset === "desktop" ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${page.pathname}.`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${page.pathname} : ${lhr.runtimeError.message}`);
    const final = new URL(lhr.finalDisplayedUrl).pathname;
    if (final !== page.pathname) throw new Error(`${page.pathname} a mené à ${final} : la mesure porterait sur une autre page.`);
    const metric = (id: string) => (typeof lhr.audits[id]?.numericValue === "number" ? Math.round(lhr.audits[id].numericValue!) : null);
    scores.push({
      label: page.label,
      pathname: page.pathname,
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      metrics: { fcpMs: metric("first-contentful-paint"), lcpMs: metric("largest-contentful-paint"), tbtMs: metric("total-blocking-time"), cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? null },
      // What moved, when something did: the element and its share of the shift (JSON report only).
      layoutShifts: layoutShiftsOf(lhr.audits["layout-shifts"]?.details),
    });
    console.log(`${page.label.padEnd(20)} ${String(scores.at(-1)!.score).padStart(3)}   ${JSON.stringify(scores.at(-1)!.metrics)}`);
  }
  await cleanUp();

  const misses = scores.filter((score) => score.score < GOAL).map((score) => `${score.label} : ${score.score}`);
  const report = { date: new Date().toISOString(), preset: options.preset, loadAverage1mBefore: Math.round(load1 * 100) / 100, scores, verdict: { goal: `performance ≥ ${GOAL} sur chaque page`, met: misses.length === 0, misses } };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nObjectif : ${report.verdict.goal} (préréglage ${options.preset}, charge 1 min avant : ${report.loadAverage1mBefore}).`);
  if (report.verdict.met) console.log("Verdict : ✓ atteint");
  else console.error(`Verdict : ✗ manqué (${misses.join(" ; ")})`);
  console.log(`Résultats : ${RESULTS_FILE}`);
  return report.verdict.met ? 0 : 1;
}

runBench(main);

type ShiftItem = { score?: number; node?: { selector?: string; snippet?: string } };

function layoutShiftsOf(details: unknown): { selector: string; snippet: string; score: number }[] {
  const items = ((details as { items?: ShiftItem[] } | undefined)?.items ?? []).filter((item) => typeof item.score === "number" && item.score > 0);
  return items.map((item) => ({ selector: item.node?.selector ?? "?", snippet: (item.node?.snippet ?? "").slice(0, 200), score: Math.round(item.score! * 1000) / 1000 }));
}
