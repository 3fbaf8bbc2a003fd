/**
 * Benchmark of the staff queues at national scale:
 *   npm run bench:queue                          100 000 and 1 000 000 requests
 *   npm run bench:queue -- 1000000               one size
 *   BENCH_POSTGRES_URL=postgresql://… npm run bench:queue -- 100000 1000000
 * Each size gets a database of its own next to BENCH_POSTGRES_URL (d3_bench_100000,
 * d3_bench_1000000; without BENCH_POSTGRES_URL, next to d3_bench of the embedded test server),
 * wiped, migrated and filled in SQL (INSERT … SELECT over generate_series, indexes rebuilt once
 * afterwards, as a bulk load would), then VACUUM ANALYZE (the steady state of a table autovacuum
 * looks after). BENCH_KEEP=1 keeps those databases afterwards (for EXPLAIN ANALYZE), otherwise
 * they are dropped.
 *
 * Every size is filled before any timing starts. Then one warm-up round, and BENCH_RUNS (100)
 * timed rounds: in each round every query runs once on each size, one size right after the other
 * (A B, then B A in the next round), so that load from elsewhere on a shared machine falls on both
 * sizes alike and the ratio between them measures the data, not the moment. Goals, checked at the
 * largest size: each queue query's p95 ≤ 150 ms and, when two sizes are given, ≤ 1.3 × its p95 at
 * the smallest. Exits 1 when a goal is missed, 2 when the bench itself fails.
 *
 * lib/shared/db reads DATABASE_URL once, when it is first imported: each size lives in a child
 * process of this script (BENCH_DATABASE_URL), which imports the application code only then and
 * runs the queries the parent asks for, one at a time, over the IPC channel.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { prisma } from "../../prisma/scripts/prisma-cli";
import { searchKey } from "../../lib/shared/text";
import { siblingDatabase, startTestPostgres } from "./test-postgres";

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const P95_BUDGET_MS = 150;
const MAX_RATIO = 1.3;

type Case = { name: string; goal: boolean; runs: number };
type Measure = { name: string; goal: boolean; p50: number; p95: number; note: string };
/** Parent → child: time case `run` (a child leaves when the parent does). Child → parent: filled, or one timing. */
type Order = { run: number };
type Report = { ready: Case[] } | { ms: number; note: string };

if (process.env.BENCH_DATABASE_URL) {
  void serve(process.env.BENCH_DATABASE_URL, Number(process.env.BENCH_REQUESTS)).catch((error) => {
    console.error(error);
    process.exit(2);
  });
} else {
  void orchestrate(process.argv.slice(2).map(Number)).catch((error) => {
    console.error(error);
    process.exit(2);
  });
}

// ——— Parent: one database and one child per size, timings interleaved, then the verdicts ———

async function orchestrate(args: number[]): Promise<void> {
  const sizes = args.length ? args : [100_000, 1_000_000];
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
    console.error("Usage : npm run bench:queue -- [nombre de demandes …] (au moins 100 chacun)");
    process.exit(2);
  }
  const server = process.env.BENCH_POSTGRES_URL ? null : await startTestPostgres();
  const base = process.env.BENCH_POSTGRES_URL ?? (await siblingDatabase(server!.url, "d3_bench"));
  const baseName = new URL(base).pathname.slice(1);
  const urls: string[] = [];
  const children: Sizes = [];
  let passed = false;
  try {
    for (const size of sizes) {
      const url = await siblingDatabase(base, `${baseName}_${size}`);
      urls.push(url);
      await wipePostgres(url);
      prisma(["migrate", "deploy"], { url, stdio: "pipe" });
    }
    // Filled side by side: the small one is done long before the large one.
    const started = sizes.map((size, i) => startChild(size, urls[i]!));
    children.push(...(await Promise.all(started)));
    const measured = await timeInterleaved(children);
    passed = verdicts(measured);
  } finally {
    for (const { child } of children) child.kill();
    if (!process.env.BENCH_KEEP) for (const url of urls) await dropDatabase(base, url);
    await server?.stop();
  }
  process.exit(passed ? 0 : 1);
}

type Sizes = { size: number; child: ChildProcess; cases: Case[] }[];

function startChild(size: number, url: string): Promise<Sizes[number]> {
  const child = fork(__filename, [], { env: { ...process.env, BENCH_DATABASE_URL: url, DATABASE_URL: url, BENCH_REQUESTS: String(size) } });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) => reject(new Error(`Le remplissage à ${size} demandes a échoué (code ${code}).`));
    child.once("exit", failed);
    child.once("message", (report: Report) => {
      child.off("exit", failed);
      if ("ready" in report) resolve({ size, child, cases: report.ready });
    });
  });
}

function ask(child: ChildProcess, order: Order): Promise<{ ms: number; note: string }> {
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) => reject(new Error(`Une mesure a échoué (code ${code}).`));
    child.once("exit", failed);
    child.once("message", (report: Report) => {
      child.off("exit", failed);
      resolve(report as { ms: number; note: string });
    });
    child.send(order);
  });
}

/** A warm-up round, then RUNS rounds; in each, every case on every size back to back, the order of sizes alternating. */
async function timeInterleaved(sizes: Sizes): Promise<{ size: number; results: Measure[] }[]> {
  const cases = sizes[0]!.cases;
  const times = sizes.map(() => cases.map((): number[] => []));
  const notes = sizes.map(() => cases.map(() => ""));
  for (let round = -1; round < RUNS; round++) {
    for (const [c, { runs }] of cases.entries()) {
      if (round >= runs) continue;
      const order = round % 2 === 0 ? sizes.map((_, s) => s) : sizes.map((_, s) => sizes.length - 1 - s);
      for (const s of order) {
        const { ms, note } = await ask(sizes[s]!.child, { run: c });
        if (round < 0) continue;
        times[s]![c]!.push(ms);
        notes[s]![c] = note;
      }
    }
  }
  return sizes.map(({ size }, s) => {
    const results = cases.map(({ name, goal }, c): Measure => {
      const sorted = times[s]![c]!.sort((x, y) => x - y);
      return { name, goal, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), note: notes[s]![c]! };
    });
    const width = Math.max(...results.map((r) => r.name.length));
    console.log(`\n${size.toLocaleString("fr-FR")} demandes`);
    console.log(`${"Requête".padEnd(width)} |  p50 ms |  p95 ms | résultat`);
    console.log(`${"-".repeat(width)}-|---------|---------|---------`);
    for (const r of results) console.log(`${r.name.padEnd(width)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p95.toFixed(1).padStart(7)} | ${r.note}`);
    return { size, results };
  });
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

async function dropDatabase(base: string, url: string): Promise<void> {
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Prints the comparison table; true when every goal is met. */
function verdicts(measured: { size: number; results: Measure[] }[]): boolean {
  const smallest = measured[0]!;
  const largest = measured.at(-1)!;
  const compare = measured.length > 1;
  const size = (n: number) => n.toLocaleString("fr-FR");
  const ms = (value: number | undefined) => (value === undefined ? "—" : value.toFixed(1));
  const rows = largest.results.map((result) => {
    const base = smallest.results.find((r) => r.name === result.name);
    const ratio = compare && base ? result.p95 / base.p95 : undefined;
    const misses = [
      ...(result.p95 > P95_BUDGET_MS ? [`p95 > ${P95_BUDGET_MS} ms`] : []),
      ...(ratio !== undefined && ratio > MAX_RATIO ? [`> ${MAX_RATIO} ×`] : []),
    ];
    const verdict = !result.goal ? "(information)" : misses.length ? `✗ ${misses.join(", ")}` : "✓";
    return { result, base, ratio, verdict, missed: result.goal && misses.length > 0 };
  });
  const width = Math.max(...rows.map((r) => r.result.name.length));
  const header = [
    "Requête".padEnd(width),
    ...(compare ? [`p50 ${size(smallest.size)}`.padStart(12)] : []),
    `p50 ${size(largest.size)}`.padStart(14),
    ...(compare ? [`p95 ${size(smallest.size)}`.padStart(12)] : []),
    `p95 ${size(largest.size)}`.padStart(14),
    ...(compare ? ["ratio".padStart(6)] : []),
    "verdict",
  ];
  console.log(`\n${RUNS} mesures par requête et par taille, alternées, en ms${compare ? ` ; ratio = p95 à ${size(largest.size)} / p95 à ${size(smallest.size)}` : ""}.`);
  console.log(header.join(" | "));
  console.log(header.map((cell) => "-".repeat(cell.length)).join("-|-"));
  for (const { result, base, ratio, verdict } of rows) {
    console.log(
      [
        result.name.padEnd(width),
        ...(compare ? [ms(base?.p50).padStart(12)] : []),
        ms(result.p50).padStart(14),
        ...(compare ? [ms(base?.p95).padStart(12)] : []),
        ms(result.p95).padStart(14),
        ...(compare ? [(ratio === undefined ? "—" : ratio.toFixed(2)).padStart(6)] : []),
        verdict,
      ].join(" | "),
    );
  }
  const missed = rows.filter((r) => r.missed);
  if (missed.length) console.error(`\nObjectif manqué : ${missed.map((r) => r.result.name).join(", ")}.`);
  return missed.length === 0;
}

// ——— Child: fill, then time what the parent asks for ———

async function serve(url: string, requests: number): Promise<void> {
  const { db } = await import("../../lib/shared/db");
  const { importCatalogue } = await import("../../lib/catalogue/import-catalogue");
  const queries = await import("../../lib/requests/staff-queries");

  const fillStart = performance.now();
  const report = await importCatalogue(db, JSON.parse(readFileSync("prisma/data/cnam-catalogue.json", "utf8")));
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  const client = new Client({ connectionString: url });
  await client.connect();
  const seeded = await fill(client, requests).finally(() => client.end());
  const { centreAgent, national, busiestCentre, sample } = seeded;
  console.log(`${requests.toLocaleString("fr-FR")} demandes insérées, indexées et analysées en ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

  const f = (params: Record<string, string> = {}) => queries.parseQueueFilters(params);
  const deep = await walk(queries, national, f(), 100);
  const numberPrefix = sample.number.slice(0, -2);

  const cases: { name: string; run: () => Promise<unknown>; goal?: false; runs?: number; note?: string }[] = [
    { name: "Première page, centre (lignes + comptes)", run: () => queries.queueFor(centreAgent, f()) },
    { name: "Première page, national (lignes + comptes)", run: () => queries.queueFor(national, f()) },
    { name: "Diplômes présents (filtre), centre", run: () => queries.queueDiplomas(centreAgent) },
    { name: "Diplômes présents (filtre), national", run: () => queries.queueDiplomas(national) },
    { name: "Page filtrée, centre (diplôme, En instruction)", run: () => queries.queueFor(centreAgent, f({ kind: "DIPLOMA", state: "IN_REVIEW" })) },
    { name: "Page filtrée, national (centre, Validée)", run: () => queries.queueFor(national, f({ centre: busiestCentre, state: "VALIDATED" })) },
    { name: "Page filtrée, national (non attribuées, 2025)", run: () => queries.queueFor(national, f({ assigned: "none", from: "2025-01-01", to: "2025-12-31" })) },
    { name: "Tri par dernière étape, national", run: () => queries.queueFor(national, f({ sort: "changed" })) },
    { name: "Page 100 par curseur, national", run: () => queries.queueFor(national, f(deep.cursor ? { after: deep.cursor } : {})), note: `(page ${deep.page})` },
    { name: "Recherche par nom, centre « lefevre »", run: () => queries.queueFor(centreAgent, f({ q: "lefevre" })) },
    { name: "Recherche par nom, national « Bérénice Lefèvre »", run: () => queries.queueFor(national, f({ q: "Bérénice Lefèvre" })) },
    { name: "Recherche par nom le plus courant, national « martin »", run: () => queries.queueFor(national, f({ q: "martin" })) },
    { name: "Recherche par début de nom, centre « lef »", run: () => queries.queueFor(centreAgent, f({ q: "lef" })) },
    { name: "Recherche par n° d'auditeur, centre", run: () => queries.queueFor(centreAgent, f({ q: sample.learnerNumber })) },
    { name: "Recherche par numéro exact, centre", run: () => queries.queueFor(centreAgent, f({ q: sample.number })) },
    { name: "Recherche par début de numéro, centre", run: () => queries.queueFor(centreAgent, f({ q: numberPrefix.toLowerCase() })) },
    { name: "Comptes par état seuls, national", run: () => queries.queueCounts(national, f()), goal: false },
    // Reads the whole scope by construction (linear in the number of requests): not a queue page.
    { name: "Export CSV complet, centre", run: () => drain(queries.exportQueueCsv(centreAgent, f())), goal: false, runs: 3 },
  ];

  process.on("message", (order: Order) => {
    const { run, note } = cases[order.run]!;
    const start = performance.now();
    run().then(
      (outcome) => process.send!({ ms: performance.now() - start, note: note ? `${describe(outcome)} ${note}` : describe(outcome) } satisfies Report),
      (error) => {
        console.error(error);
        process.exit(2);
      },
    );
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ ready: cases.map(({ name, goal, runs }) => ({ name, goal: goal ?? true, runs: runs ?? RUNS })) } satisfies Report);
}

/** Nearest-rank percentile of sorted times. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

type Queries = typeof import("../../lib/requests/staff-queries");
type Viewer = { id: string; role: "AGENT_CENTRE" | "AGENT_NATIONAL"; centreCode: string | null };

/** The cursor of page `pages + 1` (or of the last page), followed as a user clicking "Page suivante" would. */
async function walk(queries: Queries, viewer: Viewer, filters: ReturnType<Queries["parseQueueFilters"]>, pages: number): Promise<{ page: number; cursor?: string }> {
  let cursor: string | undefined;
  let page = 1;
  while (page < pages) {
    const next = (await queries.queueRows(viewer, { ...filters, after: cursor })).nextCursor;
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
  const value = outcome as { rows?: unknown[]; counts?: { total: number; capped?: true } | null; searchCap?: number; total?: number; lines?: number; bytes?: number };
  if (value.rows) {
    const counted = value.counts ? ` / ${value.counts.capped ? "plus de " : ""}${value.counts.total.toLocaleString("fr-FR")}` : "";
    return `${value.rows.length} lignes${counted}${value.searchCap ? " (recherche plafonnée)" : ""}`;
  }
  if (value.lines !== undefined) return `${value.lines.toLocaleString("fr-FR")} lignes, ${(value.bytes! / 1e6).toFixed(1)} Mo`;
  if (value.total !== undefined) return `${value.total.toLocaleString("fr-FR")} demandes`;
  return "";
}

// ——— Realistic data, written by PostgreSQL itself ———

const FIRST_NAMES = ["Zoé", "Bérénice", "Hélène", "Jérôme", "François", "Anaïs", "Noël", "Léa", "Hugo", "Camille", "Inès", "Mathéo", "Chloé", "Théo", "Maëlle", "Gaël", "Sophie", "Karim", "Nadia", "Jean", "Marie", "Lucas", "Emma", "Yasmine", "Océane", "Raphaël", "Clément", "Agnès", "Loïc", "Éloïse", "Nicolas", "Julie", "Thomas", "Sarah", "Julien", "Laura", "Kevin", "Manon", "Mehdi", "Aurélie", "Sébastien", "Céline", "Maxime", "Audrey", "Romain", "Pauline", "Antoine", "Élodie", "Alexandre", "Émilie", "Benoît", "Fatima", "Mohamed", "Valérie", "Stéphane", "Nathalie", "Olivier", "Isabelle", "Thi Hoa", "Jean-Pierre"];

/**
 * Surnames, as a Zipf-like law over LAST_NAME_POOL names, the way French surnames spread (a few
 * very common ones, a long tail of rare ones): rank k has a weight of about k^-0.7, drawn as
 * floor(((N + 1)^0.3 - 1) * u + 1)^(1 / 0.3)) for a uniform u. With N = 100 000, rank 1 (Martin)
 * is 0.75 % of the learners, the first 100 ranks 10 %, and Lefèvre (rank 28) about 0.1 %. The
 * first ranks are the commonest real surnames, in their order; the tail is made of syllables,
 * one distinct name per rank.
 */
const LAST_NAMES = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
  "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier",
  "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
  "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
  "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
  "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey",
  "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Nguyen", "Haddad",
];
const LAST_NAME_POOL = 100_000;
const ZIPF_EXPONENT = 0.7;
/** Rank → tail name: 40 × 40 × 70 = 112 000 distinct names, enough for the pool. */
const SYLLABLES = ["ba", "be", "bo", "ca", "cha", "da", "de", "do", "fa", "fe", "ga", "gi", "go", "la", "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "no", "pa", "pe", "po", "ra", "re", "ri", "ro", "sa", "se", "ta", "te", "to", "va", "ve", "vi", "za"];
const ENDINGS = ["ud", "ux", "rd", "rt", "nd", "nt", "lle", "llon", "ssier", "ssin", "rier", "rin", "chet", "chon", "det", "don", "gnac", "gnon", "lard", "let", "lin", "lot", "mond", "mont", "nard", "net", "nier", "non", "quet", "rat", "reau", "ret", "rieux", "ron", "rou", "sson", "tard", "tier", "ton", "vel", "vert", "zac", "zet", "bert", "bin", "bot", "cart", "cq", "dal", "dieu", "fort", "gal", "guin", "jean", "lais", "lec", "lier", "mas", "mel", "mier", "nel", "ny", "pin", "quin", "rel", "roy", "sart", "tin", "vaud", "zin"];

type State = "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "CORRECTION_REQUESTED" | "FORWARDED" | "FAVOURABLE" | "FAVOURABLE_WITH_CONDITION" | "UNFAVOURABLE" | "VALIDATED" | "EDITED" | "SENT_TO_CENTRE" | "HANDED_OVER" | "REFUSED" | "WITHDRAWN";

/** Weights out of 100. */
const DIPLOMA_STATES: [State, number][] = [
  ["DRAFT", 3], ["SUBMITTED", 8], ["IN_REVIEW", 10], ["CORRECTION_REQUESTED", 4], ["FORWARDED", 8], ["VALIDATED", 6],
  ["EDITED", 5], ["SENT_TO_CENTRE", 5], ["HANDED_OVER", 40], ["REFUSED", 6], ["WITHDRAWN", 5],
];
const EXPERIENCE_STATES: [State, number][] = [
  ["DRAFT", 3], ["SUBMITTED", 8], ["IN_REVIEW", 10], ["CORRECTION_REQUESTED", 5], ["FORWARDED", 10],
  ["FAVOURABLE", 40], ["FAVOURABLE_WITH_CONDITION", 8], ["UNFAVOURABLE", 6], ["REFUSED", 5], ["WITHDRAWN", 5],
];
/** States only reached through the national level. */
const FORWARDED_STATES: State[] = ["FORWARDED", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER", "FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"];

/** A weighted list as a plain one, each value repeated by its weight: SQL picks `list[1 + floor(random() * length)]`. */
const expand = <T>(weighted: [T, number][]): T[] => weighted.flatMap(([value, weight]) => Array<T>(weight).fill(value));

/** A surname rank, 1 to LAST_NAME_POOL, drawn by the Zipf-like law of LAST_NAMES. */
const ZIPF_RANK = `least(${LAST_NAME_POOL}, floor(power((power(${LAST_NAME_POOL + 1}, ${1 - ZIPF_EXPONENT}) - 1) * random() + 1, ${1 / (1 - ZIPF_EXPONENT)}))::int)`;

/**
 * The surname of rank `column` ($4: LAST_NAMES, $6: their search keys, $7: SYLLABLES, $8: ENDINGS),
 * as written or as searchKey leaves it (tail names are plain lowercase letters).
 */
function surname(column: string, key = false): string {
  const tail = `($7::text[])[1 + ${column} % 40] || ($7::text[])[1 + (${column} / 40) % 40] || ($8::text[])[1 + (${column} / 1600) % 70]`;
  return `CASE WHEN ${column} <= ${LAST_NAMES.length} THEN (${key ? "$6" : "$4"}::text[])[${column}] WHEN ${column} IS NOT NULL THEN ${key ? tail : `initcap(${tail})`} END`;
}

/**
 * Three requests per learner on average, over two years from July 2024, in whole minutes (many
 * requests share an instant, as after a batch import). setseed makes two runs measure the same
 * data. Indexes of "Request" and of its search words (filled by the insert trigger) are dropped
 * during the load and rebuilt from their own definitions.
 */
async function fill(client: Client, requests: number) {
  const learners = Math.ceil(requests / 3);
  const centres = (await client.query<{ code: string }>(`SELECT code FROM "Centre" ORDER BY code`)).rows.map((c) => c.code);
  // Paris and the big regions get more learners than the small centres.
  const centreDraw = expand(centres.map((code, i): [string, number] => [code, i % 5 === 0 ? 4 : i % 3 === 0 ? 2 : 1]));

  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, identifier, "displayName", email, "passwordHash", role, "centreCode", "updatedAt")
     SELECT 'agent-' || c.code || '-' || k, 'agent' || k || '.' || lower(c.code), 'Agent ' || k || ' (' || c.code || ')',
            'agent' || k || '.' || lower(c.code) || '@example.fr', 'x', 'AGENT_CENTRE'::"Role", c.code, now()
     FROM "Centre" c CROSS JOIN generate_series(1, 3) k
     UNION ALL SELECT 'agent-national', 'agent.national', 'Claire Moreau', 'national@example.fr', 'x', 'AGENT_NATIONAL'::"Role", NULL, now()`,
  );

  await client.query("SELECT setseed(0.2026)");
  // The draws are made in a subquery of their own: its volatile target list keeps PostgreSQL from
  // flattening it, so every row gets its own draws before the outer query reads them.
  // Learner numbers: 9 digits spread over the whole range, as numbers handed out by many centres
  // over the years are, rather than one counter (whose common beginning would fill the trigram
  // lists): n × 3^18 mod 10^9 is a bijection, so they stay unique.
  // The draws are made in a subquery of their own: its volatile target list keeps PostgreSQL from
  // flattening it, so every row gets its own draws before the outer query reads them.
  await client.query(
    `CREATE TEMP TABLE bench_learner ON COMMIT DROP AS
     SELECT n, id, "learnerNumber", "centreCode", "firstNames", "birthName", "usageName", madame, "birthYear",
            concat_ws(' ', "firstKey", "birthKey", "usageKey", "learnerNumber") AS "searchText"
     FROM (SELECT n, 'learner-' || n AS id, lpad(((n::bigint * 387420489) % 1000000000)::text, 9, '0') AS "learnerNumber",
                  ($2::text[])[ci] AS "centreCode", ($3::text[])[fi] AS "firstNames", ($5::text[])[fi] AS "firstKey", madame, "birthYear",
                  ${surname("bi")} AS "birthName", ${surname("bi", true)} AS "birthKey", ${surname("ui")} AS "usageName", ${surname("ui", true)} AS "usageKey"
           FROM (SELECT n, 1 + floor(random() * ${FIRST_NAMES.length})::int AS fi, ${ZIPF_RANK} AS bi,
                        CASE WHEN random() < 0.15 THEN ${ZIPF_RANK} END AS ui,
                        1 + floor(random() * ${centreDraw.length})::int AS ci, random() < 0.5 AS madame, 1970 + floor(random() * 35)::int AS "birthYear"
                 FROM generate_series(1, $1::int) n) d) named`,
    [learners, centreDraw, FIRST_NAMES, LAST_NAMES, FIRST_NAMES.map(searchKey), LAST_NAMES.map(searchKey), SYLLABLES, ENDINGS],
  );
  await client.query(`CREATE UNIQUE INDEX ON bench_learner (n)`);
  await client.query(
    `INSERT INTO "User" (id, identifier, "displayName", email, "passwordHash", role, "updatedAt")
     SELECT id, 'learner' || n || '.auditeur', "firstNames" || ' ' || coalesce("usageName", "birthName"), 'learner' || n || '@example.fr', 'x', 'AUDITEUR'::"Role", now()
     FROM bench_learner`,
  );
  await client.query(
    `INSERT INTO "LearnerProfile" ("userId", civility, "birthName", "usageName", "firstNames", "birthDate", "birthCity", "birthCountry", nationality,
                                   "addressLine", "postalCode", city, country, email, phone, "learnerNumber", "centreCode", "updatedAt")
     SELECT id, CASE WHEN madame THEN 'MADAME' ELSE 'MONSIEUR' END::"Civility", "birthName", "usageName", "firstNames", make_date("birthYear", 1, 1),
            'Lyon', 'FR', 'FR', '1 rue de la République', '69001', 'Lyon', 'FR', 'learner' || n || '@example.fr', '06 12 34 56 78', "learnerNumber", "centreCode", now()
     FROM bench_learner`,
  );

  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes i WHERE tablename IN ('Request', 'RequestSearchWord') AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
  ).rows;
  for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`);

  const diplomas = (await client.query<{ key: string }>(`SELECT key FROM "Diploma" ORDER BY key`)).rows.map((d) => d.key);
  await client.query(
    `CREATE TEMP TABLE bench_request ON COMMIT DROP AS
     SELECT d.*, l.id AS "learnerId", l."centreCode", l."searchText" AS "learnerSearch",
            l."firstNames" || ' ' || coalesce(l."usageName", l."birthName") AS "learnerName", l."learnerNumber",
            CASE WHEN d.kind = 'DIPLOMA' THEN ($2::text[])[d.si] ELSE ($3::text[])[d.si] END AS state
     FROM (SELECT n, 1 + floor(random() * $4::int)::int AS ln, CASE WHEN random() < 0.6 THEN 'DIPLOMA' ELSE 'EXPERIENCE' END AS kind,
                  1 + floor(random() * 100)::int AS si, random() < 0.5 AS anticipee,
                  timestamp '2024-07-01' + make_interval(mins => floor(random() * 730 * 1440)::int) AS submitted,
                  1 + floor(random() * $5::int)::int AS di, random() AS assign, 1 + floor(random() * 3)::int AS agent,
                  floor(random() * 90)::int AS "changeDays", random() < 0.3 AS "refusedForwarded"
           FROM generate_series(1, $1::int) n) d
     JOIN bench_learner l ON l.n = d.ln`,
    [requests, expand(DIPLOMA_STATES), expand(EXPERIENCE_STATES), learners, diplomas.length],
  );
  await client.query(
    `INSERT INTO "Request" (id, number, kind, mode, state, "learnerId", "centreCode", "diplomaKey", "assignedAgentId", "submittedAt", "forwardedAt",
                           "lastChangeAt", "updatedAt", "searchText", "learnerName", "learnerNumber")
     SELECT md5('request-' || n), number, kind::"RequestKind",
            CASE WHEN kind = 'EXPERIENCE' THEN CASE WHEN anticipee THEN 'ANTICIPEE' ELSE 'CONJOINTE' END END::"ExperienceMode",
            state::"RequestState", "learnerId", "centreCode", ($1::text[])[di],
            CASE WHEN state NOT IN ('DRAFT', 'SUBMITTED') AND assign >= 0.1 THEN 'agent-' || "centreCode" || '-' || agent END,
            CASE WHEN state <> 'DRAFT' THEN submitted END,
            CASE WHEN state = ANY($2::text[]) OR (state = 'REFUSED' AND "refusedForwarded") THEN submitted + interval '20 days' END,
            submitted + make_interval(days => "changeDays"), now(),
            CASE WHEN state = 'DRAFT' THEN '' ELSE lower(number) || ' ' || "learnerSearch" END,
            CASE WHEN state <> 'DRAFT' THEN "learnerName" END, CASE WHEN state <> 'DRAFT' THEN "learnerNumber" END
     FROM (SELECT r.*, CASE WHEN state <> 'DRAFT' THEN
                    'D3-' || extract(year FROM submitted) || '-' || lpad((row_number() OVER (PARTITION BY state = 'DRAFT', extract(year FROM submitted) ORDER BY n))::text, 6, '0')
                  END AS number
           FROM bench_request r) r`,
    [diplomas, FORWARDED_STATES],
  );
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const { indexdef } of indexes) await client.query(indexdef);
  await client.query("COMMIT");
  await client.query("VACUUM (ANALYZE)");

  const { rows: busiest } = await client.query<{ centreCode: string }>(`SELECT "centreCode" FROM "Request" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const busiestCentre = busiest[0]!.centreCode;
  // A request of that centre from the middle of the range, for the searches by number.
  const { rows: samples } = await client.query<{ number: string; learnerNumber: string }>(
    `SELECT r.number, p."learnerNumber" FROM "Request" r JOIN "LearnerProfile" p ON p."userId" = r."learnerId"
     WHERE r."centreCode" = $1 AND r.number IS NOT NULL ORDER BY r.id LIMIT 1 OFFSET $2`,
    [busiestCentre, Math.floor(requests / 100)],
  );
  const centreAgent: Viewer = { id: `agent-${busiestCentre}-1`, role: "AGENT_CENTRE", centreCode: busiestCentre };
  const national: Viewer = { id: "agent-national", role: "AGENT_NATIONAL", centreCode: null };
  return { centreAgent, national, busiestCentre, sample: samples[0]! };
}
