/**
 * Benchmark of the staff queues with 100 000 requests over the 18 centres of the catalogue:
 *   npx tsx tests/support/bench-queue.ts        (database d3_bench on the embedded test server)
 *   BENCH_POSTGRES_URL=postgresql://… npx tsx tests/support/bench-queue.ts
 * The database is wiped. Each database is migrated with
 * `prisma migrate deploy`, filled with createMany, then every measure is the median of 5 runs.
 * Exits non-zero when the median of a first page exceeds 200 ms.
 *
 * lib/server/db reads DATABASE_URL once, when it is first imported: each database is measured in a
 * child process of this script (BENCH_DATABASE_URL), which imports the application code only then.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { prisma } from "../../prisma/scripts/prisma-cli";
import { searchKey } from "../../lib/domain/text";
import { siblingDatabase, startTestPostgres } from "./test-postgres";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const LEARNERS = Math.ceil(REQUESTS / 3);
const RUNS = 5;
const FIRST_PAGE_BUDGET_MS = 200;

if (process.env.BENCH_DATABASE_URL) {
  void measure(process.env.BENCH_DATABASE_URL).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
} else {
  void orchestrate();
}

// ——— Parent: fresh databases, one child per database ———

async function orchestrate(): Promise<void> {
  const server = process.env.BENCH_POSTGRES_URL ? null : await startTestPostgres();
  const url = process.env.BENCH_POSTGRES_URL ?? (await siblingDatabase(server!.url, "d3_bench"));
  await wipePostgres(url);
  prisma(["migrate", "deploy"], { url });
  const child = spawnSync("npx", ["tsx", __filename], { stdio: "inherit", env: { ...process.env, BENCH_DATABASE_URL: url, DATABASE_URL: url } });
  await server?.stop();
  process.exit(child.status === 0 ? 0 : 1);
}

async function wipePostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

// ——— Child: seed, then time ———

async function measure(url: string): Promise<boolean> {
  const provider = url.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  const { db } = await import("../../lib/server/db");
  const { importCatalogue } = await import("../../lib/catalogue/import-catalogue");
  const queries = await import("../../lib/requests/staff-queries");

  const seedStart = performance.now();
  const report = await importCatalogue(db, JSON.parse(readFileSync("prisma/data/cnam-catalogue.json", "utf8")));
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  const { centreAgent, national, busiestCentre } = await seed(db);
  console.log(`\n${provider} : ${REQUESTS.toLocaleString("fr-FR")} demandes insérées en ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const f = (params: Record<string, string> = {}) => queries.parseQueueFilters(params);
  const deep = await walk(queries, national, f(), 100);

  const cases: { name: string; run: () => Promise<unknown>; budget?: number }[] = [
    { name: "Première page, centre (lignes + comptes)", run: () => queries.queueFor(centreAgent, f()), budget: FIRST_PAGE_BUDGET_MS },
    { name: "Première page, national (lignes + comptes)", run: () => queries.queueFor(national, f()), budget: FIRST_PAGE_BUDGET_MS },
    { name: "Page filtrée, centre (diplôme, En instruction)", run: () => queries.queueFor(centreAgent, f({ kind: "DIPLOMA", state: "IN_REVIEW" })) },
    { name: "Page filtrée, national (centre, Validée)", run: () => queries.queueFor(national, f({ centre: busiestCentre, state: "VALIDATED" })) },
    { name: "Page filtrée, national (non attribuées, 2025)", run: () => queries.queueFor(national, f({ assigned: "none", from: "2025-01-01", to: "2025-12-31" })) },
    { name: "Recherche, centre « lefevre »", run: () => queries.queueFor(centreAgent, f({ q: "lefevre" })) },
    { name: "Recherche, national « Bérénice Lefèvre »", run: () => queries.queueFor(national, f({ q: "Bérénice Lefèvre" })) },
    { name: "Tri par dernière étape, national", run: () => queries.queueFor(national, f({ sort: "changed" })) },
    { name: `Page ${deep.page} par curseur, national`, run: () => queries.queueFor(national, f(deep.cursor ? { after: deep.cursor } : {})) },
    { name: `Page ${deep.page} par curseur, lignes seules`, run: () => queries.queueRows(national, f(deep.cursor ? { after: deep.cursor } : {})) },
    { name: "Comptes par état seuls, national", run: () => queries.queueCounts(national, f()) },
    { name: "Diplômes présents (filtre), national", run: () => queries.queueDiplomas(national) },
    { name: "Export CSV complet, centre", run: () => drain(queries.exportQueueCsv(centreAgent, f())) },
    { name: "Export CSV complet, national", run: () => drain(queries.exportQueueCsv(national, f())) },
  ];

  const results: { name: string; median: number; min: number; max: number; note: string; over: boolean }[] = [];
  for (const { name, run, budget } of cases) {
    const times: number[] = [];
    let note = "";
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const outcome = await run();
      times.push(performance.now() - start);
      note = describe(outcome);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)]!;
    results.push({ name, median, min: times[0]!, max: times.at(-1)!, note, over: budget !== undefined && median > budget });
  }

  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"Mesure".padEnd(width)} | médiane ms |  min ms |  max ms | résultat`);
  console.log(`${"-".repeat(width)}-|------------|---------|---------|---------`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)} | ${r.median.toFixed(1).padStart(10)} | ${r.min.toFixed(1).padStart(7)} | ${r.max.toFixed(1).padStart(7)} | ${r.note}${r.over ? `  ✗ > ${FIRST_PAGE_BUDGET_MS} ms` : ""}`);
  }
  await db.$disconnect();
  const over = results.filter((r) => r.over);
  if (over.length) console.error(`\n${provider} : première page au-delà de ${FIRST_PAGE_BUDGET_MS} ms (${over.map((r) => r.name).join(", ")}).`);
  return over.length === 0;
}

type Queries = typeof import("../../lib/requests/staff-queries");
type Viewer = { id: string; role: "AGENT_CENTRE" | "AGENT_NATIONAL"; centreCode: string | null };

/** The cursor of page `pages + 1` (or of the last page), followed as a user clicking "Page suivante" would. */
async function walk(queries: Queries, viewer: Viewer, filters: ReturnType<Queries["parseQueueFilters"]>, pages: number): Promise<{ page: number; cursor?: string }> {
  let cursor: string | undefined;
  let page = 1;
  while (page <= pages) {
    const next = (await queries.queueFor(viewer, { ...filters, after: cursor })).nextCursor;
    if (!next) break;
    cursor = next;
    page += 1;
  }
  return { page, cursor };
}

async function drain(lines: AsyncGenerator<string>): Promise<{ lines: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for await (const line of lines) {
    count += 1;
    bytes += Buffer.byteLength(line);
  }
  return { lines: count - 1, bytes };
}

function describe(outcome: unknown): string {
  if (Array.isArray(outcome)) return `${outcome.length} diplômes`;
  const value = outcome as { rows?: unknown[]; counts?: { total: number }; total?: number; lines?: number; bytes?: number };
  if (value.rows) return value.counts ? `${value.rows.length} lignes / ${value.counts.total.toLocaleString("fr-FR")}` : `${value.rows.length} lignes`;
  if (value.lines !== undefined) return `${value.lines.toLocaleString("fr-FR")} lignes, ${(value.bytes! / 1e6).toFixed(1)} Mo`;
  if (value.total !== undefined) return `${value.total.toLocaleString("fr-FR")} demandes`;
  return "";
}

// ——— Realistic data ———

const FIRST_NAMES = ["Zoé", "Bérénice", "Hélène", "Jérôme", "François", "Anaïs", "Noël", "Léa", "Hugo", "Camille", "Inès", "Mathéo", "Chloé", "Théo", "Maëlle", "Gaël", "Sophie", "Karim", "Nadia", "Jean", "Marie", "Lucas", "Emma", "Yasmine", "Océane", "Raphaël", "Clément", "Agnès", "Loïc", "Éloïse"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Nguyen", "Haddad", "Benoît", "Chevalier", "Gauthier", "Perrin", "Rousseau", "Faure", "Blanc", "Guérin"];

/** A deterministic pseudo-random sequence, so that two runs measure the same data. */
function random(seed = 20260517) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

type Db = Awaited<typeof import("../../lib/server/db")>["db"];
type State = "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "CORRECTION_REQUESTED" | "FORWARDED" | "FAVOURABLE" | "FAVOURABLE_WITH_CONDITION" | "UNFAVOURABLE" | "VALIDATED" | "EDITED" | "SENT_TO_CENTRE" | "HANDED_OVER" | "REFUSED" | "WITHDRAWN";

const DIPLOMA_STATES: [State, number][] = [
  ["DRAFT", 3], ["SUBMITTED", 8], ["IN_REVIEW", 10], ["CORRECTION_REQUESTED", 4], ["FORWARDED", 8], ["VALIDATED", 6],
  ["EDITED", 5], ["SENT_TO_CENTRE", 5], ["HANDED_OVER", 40], ["REFUSED", 6], ["WITHDRAWN", 5],
];
const EXPERIENCE_STATES: [State, number][] = [
  ["DRAFT", 3], ["SUBMITTED", 8], ["IN_REVIEW", 10], ["CORRECTION_REQUESTED", 5], ["FORWARDED", 10],
  ["FAVOURABLE", 40], ["FAVOURABLE_WITH_CONDITION", 8], ["UNFAVOURABLE", 6], ["REFUSED", 5], ["WITHDRAWN", 5],
];
/** States only reached through the national level. */
const FORWARDED_STATES = new Set<State>(["FORWARDED", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER", "FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"]);

function pick<T>(next: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = next() * total;
  for (const [value, weight] of weighted) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return weighted.at(-1)![0];
}

async function seed(db: Db) {
  const next = random();
  const centres = (await db.centre.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((c) => c.code);
  const diplomas = (await db.diploma.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((d) => d.key);
  // Paris and the big regions get more learners than the small centres.
  const centreWeights: [string, number][] = centres.map((code, i) => [code, i % 5 === 0 ? 4 : i % 3 === 0 ? 2 : 1]);

  const agents = new Map<string, string[]>();
  type StaffRow = { id: string; identifier: string; displayName: string; email: string; passwordHash: string; role: "AGENT_CENTRE" | "AGENT_NATIONAL"; centreCode: string | null };
  const staff = centres.flatMap((centreCode) =>
    [1, 2, 3].map((n): StaffRow => {
      const id = randomUUID();
      agents.set(centreCode, [...(agents.get(centreCode) ?? []), id]);
      return { id, identifier: `agent${n}.${centreCode.toLowerCase()}`, displayName: `${FIRST_NAMES[n]} ${LAST_NAMES[n]} (${centreCode})`, email: `agent${n}.${centreCode.toLowerCase()}@example.fr`, passwordHash: "x", role: "AGENT_CENTRE", centreCode };
    }),
  );
  const nationalId = randomUUID();
  staff.push({ id: nationalId, identifier: "agent.national", displayName: "Claire Moreau", email: "national@example.fr", passwordHash: "x", role: "AGENT_NATIONAL", centreCode: null });
  await db.user.createMany({ data: staff });

  const learners: { id: string; centreCode: string; searchText: string }[] = [];
  for (let start = 0; start < LEARNERS; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, LEARNERS - start) }, (_, i) => {
      const n = start + i;
      const firstNames = FIRST_NAMES[Math.floor(next() * FIRST_NAMES.length)]!;
      const birthName = LAST_NAMES[Math.floor(next() * LAST_NAMES.length)]!;
      const usageName = next() < 0.15 ? LAST_NAMES[Math.floor(next() * LAST_NAMES.length)]! : null;
      const learnerNumber = String(100_000_000 + n);
      return { id: randomUUID(), n, firstNames, birthName, usageName, learnerNumber, centreCode: pick(next, centreWeights) };
    });
    await db.user.createMany({
      data: batch.map((l) => ({ id: l.id, identifier: `learner${l.n}.auditeur`, displayName: `${l.firstNames} ${l.usageName ?? l.birthName}`, email: `learner${l.n}@example.fr`, passwordHash: "x", role: "AUDITEUR" as const })),
    });
    await db.learnerProfile.createMany({
      data: batch.map((l) => ({
        userId: l.id,
        civility: next() < 0.5 ? ("MADAME" as const) : ("MONSIEUR" as const),
        birthName: l.birthName,
        usageName: l.usageName,
        firstNames: l.firstNames,
        birthDate: new Date(Date.UTC(1970 + Math.floor(next() * 35), 0, 1)),
        birthCity: "Lyon",
        birthCountry: "FR",
        nationality: "FR",
        addressLine: "1 rue de la République",
        postalCode: "69001",
        city: "Lyon",
        country: "FR",
        email: `learner${l.n}@example.fr`,
        phone: "06 12 34 56 78",
        learnerNumber: l.learnerNumber,
        centreCode: l.centreCode,
      })),
    });
    learners.push(...batch.map((l) => ({ id: l.id, centreCode: l.centreCode, searchText: searchKey([l.firstNames, l.birthName, l.usageName, l.learnerNumber].filter(Boolean).join(" ")) })));
  }

  const twoYears = 730 * 86_400_000;
  const origin = Date.UTC(2024, 6, 1);
  const perYear = new Map<number, number>();
  for (let start = 0; start < REQUESTS; start += 1000) {
    const data = Array.from({ length: Math.min(1000, REQUESTS - start) }, () => {
      const learner = learners[Math.floor(next() * learners.length)]!;
      const kind = next() < 0.6 ? ("DIPLOMA" as const) : ("EXPERIENCE" as const);
      const state = pick(next, kind === "DIPLOMA" ? DIPLOMA_STATES : EXPERIENCE_STATES);
      // Whole minutes: many requests share a submission instant, as after a batch import.
      const submitted = new Date(Math.floor((origin + next() * twoYears) / 60_000) * 60_000);
      const year = submitted.getUTCFullYear();
      const sequence = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, sequence);
      const number = state === "DRAFT" ? null : `D3-${year}-${String(sequence).padStart(6, "0")}`;
      const forwarded = FORWARDED_STATES.has(state) || (state === "REFUSED" && next() < 0.3);
      const centreAgents = agents.get(learner.centreCode)!;
      return {
        number,
        kind,
        mode: kind === "EXPERIENCE" ? (next() < 0.5 ? ("ANTICIPEE" as const) : ("CONJOINTE" as const)) : null,
        state,
        learnerId: learner.id,
        centreCode: learner.centreCode,
        diplomaKey: diplomas[Math.floor(next() * diplomas.length)]!,
        assignedAgentId: state === "DRAFT" || state === "SUBMITTED" || next() < 0.1 ? null : centreAgents[Math.floor(next() * centreAgents.length)]!,
        submittedAt: state === "DRAFT" ? null : submitted,
        forwardedAt: forwarded ? new Date(submitted.getTime() + 20 * 86_400_000) : null,
        lastChangeAt: new Date(submitted.getTime() + Math.floor(next() * 90) * 86_400_000),
        searchText: state === "DRAFT" ? "" : `${number!.toLowerCase()} ${learner.searchText}`,
      };
    });
    await db.request.createMany({ data });
  }

  const busiest = await db.request.groupBy({ by: ["centreCode"], _count: { _all: true }, orderBy: { _count: { centreCode: "desc" } }, take: 1 });
  const busiestCentre = busiest[0]!.centreCode;
  const centreAgent: Viewer = { id: agents.get(busiestCentre)![0]!, role: "AGENT_CENTRE", centreCode: busiestCentre };
  const national: Viewer = { id: nationalId, role: "AGENT_NATIONAL", centreCode: null };
  return { centreAgent, national, busiestCentre };
}
