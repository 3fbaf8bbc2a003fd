import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/shared/db";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { KIND_LABELS, REQUEST_STATES, STATE_LABELS, type ExperienceMode, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { learnerDisplayName } from "@/lib/requests/domain/learner-copy";
import { visiblePartner, type PartnerCandidate, type QueuePartner } from "@/lib/requests/domain/queue-grouping";
import { fromUtcTimestamp } from "@/lib/shared/dates";
import { searchKey } from "@/lib/shared/text";
import { searchParam, type SearchParams } from "@/lib/shared/params";

/**
 * The staff queues (centre and national): filters read from the URL, keyset pagination on
 * (sort column, id) — never OFFSET, so page 200 costs what page 1 costs — counts per state, and
 * the CSV export streamed page by page through the same query. Every query stays index-bound at
 * national scale (tests/support/bench-queue.ts): counts come from the maintained RequestCount
 * table when the filters allow it, a search goes through the words of RequestSearchWord (names and
 * learner numbers, by the beginning of their words) or the unique index on number. Where the work
 * would grow with the number of matches (counting under a date or assignment filter, a search for a
 * common name), a page reads at most QUEUE_MATCH_CAP of them and says so; the export is never capped.
 */

export const QUEUE_SORTS = ["recent", "oldest", "changed"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  recent: "Dépôt le plus récent",
  oldest: "Dépôt le plus ancien",
  changed: "Dernière étape la plus récente",
};

/** Every state but DRAFT: staff never see drafts. */
export const STAFF_STATES = REQUEST_STATES.filter((state): state is Exclude<RequestState, "DRAFT"> => state !== "DRAFT");

export type QueueFilters = {
  kind?: RequestKind;
  state?: Exclude<RequestState, "DRAFT">;
  diploma?: string;
  /** Submission date range, calendar days in Europe/Paris, both included. */
  from?: string;
  to?: string;
  assigned?: "me" | "none";
  q?: string;
  /** National queue only; ignored for a centre agent. */
  centre?: string;
  sort: QueueSort;
  /** Opaque keyset cursor given by the previous page. */
  after?: string;
};

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  });

/** The longest search of the queues (the filter form's maxLength): a longer one is dropped. */
export const MAX_QUEUE_QUERY_LENGTH = 100;

/** Each filter on its own: a bad value drops that filter, never the whole query, and never throws. */
const FILTER_FIELDS = {
  kind: z.enum(["DIPLOMA", "EXPERIENCE"]),
  state: z.enum(STAFF_STATES),
  diploma: z.string().trim().min(1).max(64),
  from: calendarDay,
  to: calendarDay,
  assigned: z.enum(["me", "none"]),
  q: z.string().trim().min(1).max(MAX_QUEUE_QUERY_LENGTH),
  centre: z.string().trim().min(1).max(64),
  sort: z.enum(QUEUE_SORTS),
  after: z.string().min(1).max(300).regex(/^[A-Za-z0-9_-]+$/),
} satisfies { [K in keyof QueueFilters]-?: z.ZodType };

export type { SearchParams };

export function parseQueueFilters(searchParams: SearchParams): QueueFilters {
  const filters: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(FILTER_FIELDS)) {
    // The first of a repeated parameter; NUL, control characters and broken Unicode drop the filter.
    const value = searchParam(schema)(searchParams[name]);
    if (value !== undefined) filters[name] = value;
  }
  return { ...(filters as Omit<QueueFilters, "sort">), sort: (filters.sort as QueueSort | undefined) ?? "recent" };
}

/** The filters as URL parameters (the default sort left out), for links that keep them. */
export function queueSearchParams(filters: QueueFilters, overrides: Partial<Record<keyof QueueFilters, string | undefined>> = {}): URLSearchParams {
  const params = new URLSearchParams();
  const merged: Partial<Record<keyof QueueFilters, string | undefined>> = { ...filters, ...overrides };
  for (const name of Object.keys(FILTER_FIELDS) as (keyof QueueFilters)[]) {
    const value = merged[name];
    if (value && !(name === "sort" && value === "recent")) params.set(name, value);
  }
  return params;
}

// ——— Scope and conditions ———

/**
 * The requests a viewer may see in a queue (the rule of canViewRequest), or null: never drafts; a
 * centre agent's centre; for the national level, forwarded requests (of one centre if filtered).
 */
type Scope = { centreCode?: string; forwardedOnly: boolean };

function scopeOf(viewer: Viewer, filters: QueueFilters): Scope | null {
  if (viewer.role === "AGENT_CENTRE" && viewer.centreCode) return { centreCode: viewer.centreCode, forwardedOnly: false };
  if (viewer.role === "AGENT_NATIONAL") return { centreCode: filters.centre, forwardedOnly: true };
  return null;
}

/** The scope over the requests themselves. */
function requestsIn(scope: Scope): Prisma.RequestWhereInput {
  return { ...(scope.centreCode ? { centreCode: scope.centreCode } : {}), ...(scope.forwardedOnly ? { forwardedAt: { not: null } } : {}), state: { not: "DRAFT" } };
}

/** The same scope over the RequestCount rows. */
function countsIn(scope: Scope): Prisma.RequestCountWhereInput {
  return { ...(scope.centreCode ? { centreCode: scope.centreCode } : {}), ...(scope.forwardedOnly ? { forwarded: true } : {}), state: { not: "DRAFT" } };
}

/** A submitted request always has its date; said again so that the keyset never meets a null. */
const SUBMITTED: Prisma.RequestWhereInput = { submittedAt: { not: null } };

function filterConditions(viewer: Viewer, filters: QueueFilters, withState: boolean): Prisma.RequestWhereInput[] {
  const conditions: Prisma.RequestWhereInput[] = [];
  if (filters.kind) conditions.push({ kind: filters.kind });
  if (withState && filters.state) conditions.push({ state: filters.state });
  if (filters.diploma) conditions.push({ diplomaKey: filters.diploma });
  if (filters.from) conditions.push({ submittedAt: { gte: parisMidnight(filters.from) } });
  if (filters.to) conditions.push({ submittedAt: { lt: parisMidnight(filters.to, 1) } });
  if (filters.assigned === "me") conditions.push({ assignedAgentId: viewer.id });
  if (filters.assigned === "none") conditions.push({ assignedAgentId: null });
  const terms = searchTerms(filters.q);
  if (terms && !terms.numbers.length && !terms.words.length) conditions.push({ id: { in: [] } });
  for (const number of terms?.numbers ?? []) conditions.push({ number: numbersStartingWith(number.toUpperCase()) });
  for (const word of terms?.words ?? []) conditions.push({ searchWords: { some: { word: wordsStartingWith(word) } } });
  return conditions;
}

/**
 * A request number or its beginning, as searchKey leaves it ("d3-2026-0001"): names and learner
 * numbers never start with "d3-", and the words of RequestSearchWord leave the number out.
 */
const REQUEST_NUMBER = /^d3-/;

/**
 * What a search looks for, or null without one: request numbers (or their beginnings), and words,
 * each the beginning of a word of the request's names or learner number. A search word is cut into
 * its runs of letters and digits as the words of searchText are (request_search_words in the
 * migration): "Étienne-Durand" looks for "etienne" and "durand", "lef_vre" for "lef" and "vre".
 * Every number and every word must match. A search of punctuation only looks for nothing, and finds
 * nothing.
 */
type SearchTerms = { numbers: string[]; words: string[] };

function searchTerms(q: string | undefined): SearchTerms | null {
  const tokens = q ? searchKey(q).split(" ").filter(Boolean).slice(0, 6) : [];
  if (!tokens.length) return null;
  const numbers = tokens.filter((token) => REQUEST_NUMBER.test(token));
  const words = tokens.filter((token) => !REQUEST_NUMBER.test(token)).flatMap((token) => token.split(/[^\p{L}\p{N}]+/u));
  return { numbers, words: [...new Set(words.filter(Boolean))].slice(0, 6) };
}

/**
 * The words starting with a prefix, as a range of RequestSearchWord.word (COLLATE "C": byte order,
 * which UTF-8 makes code point order): from the prefix to the prefix whose last character is the
 * next code point, excluded.
 */
function wordsStartingWith(prefix: string): { gte: string; lt: string } {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  const next = last === 0xd7ff ? 0xe000 : Math.min(last + 1, 0x10ffff);
  return { gte: prefix, lt: chars.join("") + String.fromCodePoint(next) };
}

/**
 * The beginning of `number` as a range of its unique index: the database collation is not C, so
 * PostgreSQL cannot turn LIKE 'prefix%' into an index range itself. In any collation a prefix sorts
 * before its extensions and digits before "z", so the range holds every match; LIKE keeps exactly them.
 */
function numbersStartingWith(prefix: string): { gte: string; lt: string; startsWith: string } {
  return { gte: prefix, lt: `${prefix}z`, startsWith: prefix };
}

/** The instant 00:00 in Paris of a calendar day (plus some days), daylight saving time included. */
function parisMidnight(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date + plusDays);
  let instant = utcMidnight - parisOffset(utcMidnight);
  instant = utcMidnight - parisOffset(instant);
  return new Date(instant);
}

const PARIS_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds Paris is ahead of UTC at this instant. */
function parisOffset(instant: number): number {
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// ——— Keyset cursor ———

const SORT_COLUMNS = { recent: "submittedAt", oldest: "submittedAt", changed: "lastChangeAt" } as const satisfies Record<QueueSort, "submittedAt" | "lastChangeAt">;
const SORT_DIRECTIONS = { recent: "desc", oldest: "asc", changed: "desc" } as const satisfies Record<QueueSort, "asc" | "desc">;

const cursorSchema = z.object({ s: z.enum(QUEUE_SORTS), v: z.iso.datetime(), i: z.string().min(1).max(64) });

/** The last row's (sort value, id), in base64url JSON; tied to its sort. */
function encodeCursor(sort: QueueSort, value: Date, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, v: value.toISOString(), i: id })).toString("base64url");
}

/** A tampered, truncated or foreign cursor is ignored: the queue starts again from the top. */
function decodeCursor(sort: QueueSort, cursor: string | undefined): { value: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    return { value: new Date(parsed.data.v), id: parsed.data.i };
  } catch {
    return null;
  }
}

/**
 * Rows strictly after the cursor in (column, id) order. Written as `column <= v AND (column < v OR
 * id < i)` rather than a bare OR, so that the planner can range-scan the index on the column.
 */
function afterCursor(sort: QueueSort, cursor: { value: Date; id: string }): Prisma.RequestWhereInput {
  const column = SORT_COLUMNS[sort];
  const [until, beyond] = SORT_DIRECTIONS[sort] === "desc" ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    AND: [{ [column]: { [until]: cursor.value } }, { OR: [{ [column]: { [beyond]: cursor.value } }, { id: { [beyond]: cursor.id } }] }],
  };
}

// ——— Queue ———

const partnerSelect = { id: true, number: true, kind: true, mode: true, state: true, centreCode: true, forwardedAt: true } as const satisfies Prisma.RequestSelect;

const rowSelect = {
  id: true,
  number: true,
  kind: true,
  mode: true,
  state: true,
  version: true,
  submittedAt: true,
  lastChangeAt: true,
  diploma: { select: { code: true, title: true } },
  learnerName: true,
  learnerNumber: true,
  // For a request without the copy (learnerCopySql): the same rule over the account and profile.
  learner: { select: { displayName: true, profile: { select: { firstNames: true, birthName: true, usageName: true, learnerNumber: true } } } },
  assignedAgent: { select: { displayName: true } },
  // The partner of the pair diploma request – experience analysis (three index lookups, joined).
  jointAnalysis: { select: partnerSelect },
  diplomaRequest: { select: partnerSelect },
  linkedAnalysis: { select: partnerSelect },
} as const satisfies Prisma.RequestSelect;

export type QueueRow = {
  id: string;
  number: string;
  kind: RequestKind;
  mode: ExperienceMode | null;
  state: RequestState;
  version: number;
  submittedAt: Date;
  lastChangeAt: Date;
  diplomaCode: string | null;
  diplomaTitle: string;
  learnerName: string;
  learnerNumber: string | null;
  /** National queue only. */
  centreName: string | null;
  assignedAgentName: string | null;
  /**
   * The diploma request of a joint analysis, or the analysis (joint, or anticipated and relied on)
   * of a diploma request, when the viewer may see it in the same queue.
   */
  partner: QueuePartner | null;
};

/**
 * How many matching requests a queue page looks at when it must read the requests themselves (a
 * search, a date or assignment filter): enough for the filters of a centre's daily work to stay
 * exact, few enough that a search for the commonest surname over the whole country costs what a
 * rare one does. Beyond it the screen says « plus de 1 000 » and asks for a narrower search.
 */
export const QUEUE_MATCH_CAP = 1000;

/**
 * `capped`: more than `total` requests match; `byState` then holds the states met among the first
 * `total` found, their numbers being lower bounds only.
 */
export type StateCounts = { byState: Partial<Record<RequestState, number>>; total: number; capped?: true };
/**
 * `counts` on the first page only: following pages have the same counts, already shown.
 * `searchCap`: the search matched more requests than that; the pages list only that many of them.
 */
export type QueuePage = { rows: QueueRow[]; nextCursor: string | null; counts: StateCounts | null; searchCap?: number };

/**
 * One page of the queue; the first one with the number of requests per state under the same filters
 * (state aside). A search first gathers its matches, at most `cap` + 1 of them (the latest
 * submissions first, or the earliest for the « oldest » sort), and the page is read among those: a
 * search that matches many requests costs no more than one that matches `cap`.
 */
export async function queueFor(viewer: Viewer, filters: QueueFilters, pageSize = 50, cap = QUEUE_MATCH_CAP): Promise<QueuePage> {
  const firstPage = !decodeCursor(filters.sort, filters.after);
  const scope = scopeOf(viewer, filters);
  const terms = searchTerms(filters.q);
  if (!scope || !terms) {
    const [page, counts] = await Promise.all([queueRows(viewer, filters, pageSize), firstPage ? queueCounts(viewer, filters, cap) : null]);
    return { ...page, counts };
  }
  const found = await searchMatches(viewer, scope, filters, terms, cap);
  if (!found) return { rows: [], nextCursor: null, counts: firstPage ? { byState: {}, total: 0 } : null };
  const size = clampedPageSize(pageSize);
  const summary = await summariseMatches(found, filters, cap, size, viewer);
  const rows = summary.pageRows.slice(0, size);
  const last = rows.at(-1);
  const column = SORT_COLUMNS[filters.sort];
  return {
    rows,
    nextCursor: summary.pageRows.length > size && last ? encodeCursor(filters.sort, last[column], last.id) : null,
    counts: firstPage ? countsOf(summary) : null,
    ...(summary.capped ? { searchCap: cap } : {}),
  };
}

/**
 * What a search (or a filter RequestCount cannot count) needs of its matches, worked out by
 * PostgreSQL in one statement so that the work in Node stays the same however many requests match:
 * whether they go beyond the cap, their number per state among the first `cap` found, and the rows of
 * one page among those (the state filter, then the rows after the cursor in the sort's order, at
 * most `pageSize` + 1, with their details; none when `pageSize` is 0). `found` yields id, state, "submittedAt",
 * "lastChangeAt" and `seen` (the order found); a request found twice counts once, where first seen.
 */
async function summariseMatches(found: Prisma.Sql, filters: QueueFilters, cap: number, pageSize: number, viewer?: Viewer): Promise<MatchSummary> {
  const withCentre = viewer?.role === "AGENT_NATIONAL";
  const column = Prisma.raw(`"${SORT_COLUMNS[filters.sort]}"`);
  const direction = SORT_DIRECTIONS[filters.sort];
  const order = Prisma.raw(`"${SORT_COLUMNS[filters.sort]}" ${direction}, id COLLATE "C" ${direction}`);
  const pageConditions = [Prisma.sql`true`];
  if (filters.state) pageConditions.push(Prisma.sql`state::text = ${filters.state}`);
  const cursor = decodeCursor(filters.sort, filters.after);
  if (cursor) {
    const beyond = Prisma.raw(direction === "desc" ? "<" : ">");
    pageConditions.push(Prisma.sql`(${column} ${beyond} ${cursor.value} OR (${column} = ${cursor.value} AND id COLLATE "C" ${beyond} ${cursor.id}))`);
  }
  const [summary] = await db.$queryRaw<(Omit<MatchSummary, "pageRows"> & { pageRows: JoinedRow[] })[]>`
    WITH found AS (${found}),
    matches AS (SELECT DISTINCT ON (id) id, state::text AS state, "submittedAt", "lastChangeAt", seen FROM found ORDER BY id, seen),
    candidates AS (SELECT * FROM matches WHERE seen <= ${cap})
    SELECT
      EXISTS (SELECT 1 FROM matches WHERE seen > ${cap}) AS capped,
      (SELECT coalesce(json_object_agg(state, n), '{}'::json) FROM (SELECT state, count(*)::int AS n FROM candidates GROUP BY state) counted) AS "byState",
      (SELECT count(*)::int FROM candidates) AS total,
      (SELECT coalesce(json_agg(to_json(shown) ORDER BY shown.k), '[]'::json) FROM (
        SELECT detail.*, page.k FROM (
          SELECT id, row_number() OVER (ORDER BY ${order}) AS k FROM candidates WHERE ${Prisma.join(pageConditions, " AND ")} ORDER BY ${order} LIMIT ${pageSize === 0 ? 0 : pageSize + 1}
        ) page
        JOIN LATERAL (${rowSelectSql(withCentre)} WHERE r.id = page.id) detail ON true
      ) shown) AS "pageRows"`;
  return { ...summary!, pageRows: summary!.pageRows.map((row) => toQueueRow(row, viewer)) };
}

type MatchSummary = { capped: boolean; byState: Partial<Record<RequestState, number>>; total: number; pageRows: QueueRow[] };

function countsOf({ byState, total, capped }: MatchSummary): StateCounts {
  return { byState, total, ...(capped ? { capped: true as const } : {}) };
}

/**
 * Up to `cap` + 1 requests matching every filter but the state (a search aside: see searchMatches),
 * taken in the order the indexes give them (`seen`), so that the work stops at the cap; summariseMatches
 * sorts a page among them. In SQL: Prisma would order by id before the LIMIT, which reads every
 * match; and the sort of a page among the matches must not let the planner walk a whole sort index
 * looking for them.
 */
function firstMatches(viewer: Viewer, scope: Scope, filters: QueueFilters, cap: number, numbers: string[] = []): Prisma.Sql {
  return Prisma.sql`SELECT id, state, "submittedAt", "lastChangeAt", row_number() OVER () AS seen FROM "Request" WHERE ${matchConditions(viewer, scope, filters, numbers)} LIMIT ${cap + 1}`;
}

/**
 * The conditions of scopeOf, SUBMITTED and filterConditions (state and search words aside) in SQL,
 * over "Request", for firstMatches.
 */
function matchConditions(viewer: Viewer, scope: Scope, filters: QueueFilters, numbers: string[]): Prisma.Sql {
  const conditions = [Prisma.sql`state <> 'DRAFT' AND "submittedAt" IS NOT NULL`];
  if (scope.centreCode) conditions.push(Prisma.sql`"centreCode" = ${scope.centreCode}`);
  if (scope.forwardedOnly) conditions.push(Prisma.sql`"forwardedAt" IS NOT NULL`);
  if (filters.kind) conditions.push(Prisma.sql`kind = ${filters.kind}::"RequestKind"`);
  if (filters.from) conditions.push(Prisma.sql`"submittedAt" >= ${parisMidnight(filters.from)}`);
  if (filters.to) conditions.push(Prisma.sql`"submittedAt" < ${parisMidnight(filters.to, 1)}`);
  return Prisma.join([...conditions, ...requestConditions(viewer, filters, numbers)], " AND ");
}

/**
 * The conditions that only "Request" can check (diploma, assignment, request numbers), its columns
 * unqualified.
 */
function requestConditions(viewer: Viewer, filters: QueueFilters, numbers: string[]): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.diploma) conditions.push(Prisma.sql`"diplomaKey" = ${filters.diploma}`);
  if (filters.assigned === "me") conditions.push(Prisma.sql`"assignedAgentId" = ${viewer.id}`);
  if (filters.assigned === "none") conditions.push(Prisma.sql`"assignedAgentId" IS NULL`);
  for (const number of numbers) {
    const { gte, lt, startsWith } = numbersStartingWith(number.toUpperCase());
    conditions.push(Prisma.sql`number >= ${gte} AND number < ${lt} AND number LIKE ${`${likePattern(startsWith)}%`}`);
  }
  return conditions;
}

/** Text matched literally by LIKE: its wildcards escaped, as Prisma's `startsWith` does. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * Up to `cap` + 1 matches of a search (each once; `seen` is the order found), every filter but the
 * state applied. Without words, through the unique index on number (firstMatches). With words,
 * through RequestSearchWord: one range of the index of the scope (centre, or forwarded requests),
 * the words starting with one search word, read index-only from the latest submission (the earliest
 * for the « oldest » sort) and cut at `cap` + 1, the other words checked on the same index entry
 * (allWords). The range read is that of the rarest word, counted first up to `cap` + 1 when there
 * are several: « Bérénice Lefèvre » reads the Lefèvre entries, not the Bérénice ones. The work
 * follows the cap (or the matches below it), not the size of the country.
 */
async function searchMatches(viewer: Viewer, scope: Scope, filters: QueueFilters, terms: SearchTerms, cap: number): Promise<Prisma.Sql | null> {
  if (!terms.words.length) return terms.numbers.length ? firstMatches(viewer, scope, filters, cap, terms.numbers) : null;
  const inScope = (alias: string) => {
    const d = Prisma.raw(alias);
    return scope.centreCode
      ? Prisma.sql`${d}."centreCode" = ${scope.centreCode}${scope.forwardedOnly ? Prisma.sql` AND ${d}.forwarded = true` : Prisma.empty}`
      : Prisma.sql`${d}.forwarded = true`;
  };
  const range = (alias: string, word: string) => {
    const { gte, lt } = wordsStartingWith(word);
    return Prisma.sql`${Prisma.raw(alias)}.word >= ${gte} AND ${Prisma.raw(alias)}.word < ${lt}`;
  };
  const driver = terms.words.length === 1 ? terms.words[0]! : await rarestWord(terms.words, inScope, range, cap);
  const conditions = [inScope("d"), range("d", driver), Prisma.sql`d.state <> 'DRAFT' AND d."submittedAt" IS NOT NULL`];
  if (filters.kind) conditions.push(Prisma.sql`d.kind = ${filters.kind}::"RequestKind"`);
  if (filters.from) conditions.push(Prisma.sql`d."submittedAt" >= ${parisMidnight(filters.from)}`);
  if (filters.to) conditions.push(Prisma.sql`d."submittedAt" < ${parisMidnight(filters.to, 1)}`);
  for (const word of terms.words.filter((w) => w !== driver)) conditions.push(Prisma.sql`d."allWords" LIKE ${`% ${likePattern(word)}%`}`);
  const onRequest = requestConditions(viewer, filters, terms.numbers);
  if (onRequest.length) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Request" r WHERE r.id = d."requestId" AND ${Prisma.join(onRequest, " AND ")})`);
  const scan = Prisma.raw(SORT_DIRECTIONS[filters.sort] === "asc" ? "ASC" : "DESC");
  // The index order itself (scope, word, submittedAt, requestId), backwards for the latest first;
  // a request with two words starting with the search word ("mar": Marie Martin) is found twice.
  return Prisma.sql`
    SELECT d."requestId" AS id, d.state, d."submittedAt", d."lastChangeAt", row_number() OVER () AS seen
    FROM (SELECT d."requestId", d.state, d."submittedAt", d."lastChangeAt" FROM "RequestSearchWord" d
          WHERE ${Prisma.join(conditions, " AND ")}
          ORDER BY d.word ${scan}, d."submittedAt" ${scan}, d."requestId" ${scan}
          LIMIT ${cap + 1}) d`;
}

/** Of several search words, the one with the fewest entries in scope, each counted up to `cap` + 1 (index only). */
async function rarestWord(words: string[], inScope: (alias: string) => Prisma.Sql, range: (alias: string, word: string) => Prisma.Sql, cap: number): Promise<string> {
  const counts = words.map(
    (word) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "RequestSearchWord" d WHERE ${inScope("d")} AND ${range("d", word)} LIMIT ${cap + 1}) entries)`,
  );
  const [row] = await db.$queryRaw<{ counts: number[] }[]>`SELECT ARRAY[${Prisma.join(counts)}] AS counts`;
  let rarest = 0;
  for (const [i, count] of row!.counts.entries()) if (count < row!.counts[rarest]!) rarest = i;
  return words[rarest]!;
}

/** The rows of one page (after `filters.after`), without the counts. */
export async function queueRows(viewer: Viewer, filters: QueueFilters, pageSize = 50): Promise<Omit<QueuePage, "counts">> {
  const { after } = filters;
  const scope = scopeOf(viewer, filters);
  if (!scope) return { rows: [], nextCursor: null };
  const size = clampedPageSize(pageSize);
  const cursor = decodeCursor(filters.sort, after);
  const column = SORT_COLUMNS[filters.sort];
  const direction = SORT_DIRECTIONS[filters.sort];
  const found = await db.request.findMany({
    where: { AND: [requestsIn(scope), SUBMITTED, ...filterConditions(viewer, filters, true), ...(cursor ? [afterCursor(filters.sort, cursor)] : [])] },
    orderBy: [{ [column]: direction }, { id: direction }],
    take: size + 1,
    select: rowSelectFor(viewer),
  });
  const rows = found.slice(0, size).map((row) => queueRow(row, viewer));
  const last = rows.at(-1);
  const nextCursor = found.length > size && last ? encodeCursor(filters.sort, last[column], last.id) : null;
  return { rows, nextCursor };
}

type JoinedRow = Omit<QueueRow, "number" | "submittedAt" | "lastChangeAt" | "partner"> & {
  partner: PartnerCandidate | null;
  number: string | null;
  // Dates, or their JSON text when the row comes inside summariseMatches' answer.
  submittedAt: Date | string;
  lastChangeAt: Date | string;
};

/**
 * A queue row with its learner, diploma, agent and centre, as one SELECT over "Request" r (the
 * caller adds its WHERE): Prisma's `include` would send one query per relation, so a page's cost
 * would follow the number of rows it shows. The learner's name and number are the request's copy
 * (learnerCopySql), not a join per row.
 */
function rowSelectSql(withCentre: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.number, r.kind::text AS kind, r.mode::text AS mode, r.state::text AS state, r.version,
           r."submittedAt", r."lastChangeAt", d.code AS "diplomaCode", d.title AS "diplomaTitle",
           ${learnerCopySql()},
           ${withCentre ? Prisma.sql`c.name` : Prisma.sql`NULL::text`} AS "centreName", a."displayName" AS "assignedAgentName",
           partner.partner
    FROM "Request" r
    JOIN "Diploma" d ON d.key = r."diplomaKey"
    LEFT JOIN "User" a ON a.id = r."assignedAgentId"
    JOIN "Centre" c ON c.code = r."centreCode"
    LEFT JOIN LATERAL (${partnerSql()}) partner ON true`;
}

/**
 * The learner's name and number of "Request" r, as "learnerName" and "learnerNumber": the copy made
 * at submission (learnerCopy in lib/requests/learner-requests.ts); for a request written without it
 * (before the copy existed, or by a test's factory), the same rule over the account and profile, a
 * lookup that COALESCE only runs then.
 */
function learnerCopySql(): Prisma.Sql {
  return Prisma.sql`coalesce(r."learnerName", (
             SELECT CASE WHEN p."userId" IS NULL THEN u."displayName" ELSE p."firstNames" || ' ' || coalesce(nullif(p."usageName", ''), p."birthName") END
             FROM "User" u LEFT JOIN "LearnerProfile" p ON p."userId" = u.id WHERE u.id = r."learnerId")) AS "learnerName",
           coalesce(r."learnerNumber", (SELECT p."learnerNumber" FROM "LearnerProfile" p WHERE p."userId" = r."learnerId")) AS "learnerNumber"`;
}

/**
 * The partner of a queue row "Request" r, as JSON: its joint analysis (unique index on
 * "diplomaRequestId"), the diploma request of a joint analysis, or the anticipated analysis it
 * relies on (primary key) — one index lookup each, so a page's cost stays per row.
 */
function partnerSql(): Prisma.Sql {
  return Prisma.sql`
  SELECT json_build_object('id', x.id, 'number', x.number, 'kind', x.kind, 'mode', x.mode, 'state', x.state,
                           'centreCode', x."centreCode", 'forwarded', x."forwardedAt" IS NOT NULL, 'link', x.link) AS partner
  FROM (
    SELECT j.id, j.number, j.kind, j.mode, j.state, j."centreCode", j."forwardedAt", 'joint' AS link FROM "Request" j WHERE j."diplomaRequestId" = r.id
    UNION ALL
    SELECT j.id, j.number, j.kind, j.mode, j.state, j."centreCode", j."forwardedAt", 'joint' FROM "Request" j WHERE j.id = r."diplomaRequestId"
    UNION ALL
    SELECT j.id, j.number, j.kind, j.mode, j.state, j."centreCode", j."forwardedAt", 'linked' FROM "Request" j WHERE j.id = r."linkedAnalysisId"
  ) x
  LIMIT 1`;
}

/** Who looks at the queue, as visiblePartner needs it. */
function partnerViewer(viewer: Viewer | undefined): { national: boolean; centreCode: string | null } {
  return { national: viewer?.role === "AGENT_NATIONAL", centreCode: viewer?.role === "AGENT_CENTRE" ? (viewer.centreCode ?? null) : null };
}

function toQueueRow({ partner, ...row }: JoinedRow, viewer: Viewer | undefined): QueueRow {
  return {
    ...row,
    partner: visiblePartner(partner, partnerViewer(viewer)),
    number: row.number ?? "",
    submittedAt: fromUtcTimestamp(row.submittedAt),
    lastChangeAt: fromUtcTimestamp(row.lastChangeAt),
  };
}

function clampedPageSize(asked: number): number {
  return Math.min(Math.max(Math.trunc(asked), 1), 1000);
}

/** The columns of a row, and the centre's name for the national level. */
function rowSelectFor(viewer: Viewer) {
  return { ...rowSelect, ...(viewer.role === "AGENT_NATIONAL" ? { centre: { select: { name: true } } } : {}) };
}

function queueRow(row: Prisma.RequestGetPayload<{ select: typeof rowSelect }> & { centre?: { name: string } }, viewer: Viewer): QueueRow {
  const profile = row.learner.profile;
  const [found, link] = row.jointAnalysis ? [row.jointAnalysis, "joint" as const] : row.diplomaRequest ? [row.diplomaRequest, "joint" as const] : [row.linkedAnalysis, "linked" as const];
  const candidate: PartnerCandidate | null = found ? { ...found, number: found.number ?? "", link, forwarded: found.forwardedAt !== null } : null;
  return {
    id: row.id,
    number: row.number ?? "",
    kind: row.kind,
    mode: row.mode,
    state: row.state,
    version: row.version,
    submittedAt: row.submittedAt!,
    lastChangeAt: row.lastChangeAt,
    diplomaCode: row.diploma.code,
    diplomaTitle: row.diploma.title,
    learnerName: row.learnerName ?? learnerDisplayName(profile, row.learner.displayName),
    learnerNumber: row.learnerNumber ?? profile?.learnerNumber ?? null,
    centreName: row.centre?.name ?? null,
    assignedAgentName: row.assignedAgent?.displayName ?? null,
    partner: visiblePartner(candidate, partnerViewer(viewer)),
  };
}

/**
 * Requests per state in the viewer's scope, under every filter but the state. Without filters
 * beyond the scope and the kind, read from RequestCount (a few hundred rows, whatever the number of
 * requests): exact. Otherwise counted over the matching requests themselves, at most `cap` + 1 of
 * them, through the indexes of those filters.
 */
export async function queueCounts(viewer: Viewer, filters: QueueFilters, cap = QUEUE_MATCH_CAP): Promise<StateCounts> {
  const scope = scopeOf(viewer, filters);
  if (!scope) return { byState: {}, total: 0 };
  const { kind, diploma, from, to, assigned, q } = filters;
  const terms = searchTerms(q);
  if (terms) {
    const found = await searchMatches(viewer, scope, filters, terms, cap);
    return found ? countsOf(await summariseMatches(found, filters, cap, 0)) : { byState: {}, total: 0 };
  }
  if (diploma || from || to || assigned) return countsOf(await summariseMatches(firstMatches(viewer, scope, filters, cap), filters, cap, 0));
  const groups = await db.requestCount.groupBy({ by: ["state"], where: { ...countsIn(scope), ...(kind ? { kind } : {}) }, _sum: { count: true } });
  const byState: Partial<Record<RequestState, number>> = {};
  for (const { state, _sum } of groups) if (_sum.count) byState[state] = _sum.count;
  return { byState, total: groups.reduce((sum, group) => sum + (group._sum.count ?? 0), 0) };
}

/**
 * The diplomas that appear in the viewer's queue, for the Diplôme filter: for each diploma of the
 * catalogue, whether one request in scope exists (a probe of [diplomaKey, centreCode, forwardedAt]),
 * rather than grouping every request of the scope.
 */
export async function queueDiplomas(viewer: Viewer): Promise<{ key: string; code: string | null; title: string }[]> {
  const scope = scopeOf(viewer, { sort: "recent" });
  if (!scope) return [];
  return db.diploma.findMany({ where: { requests: { some: requestsIn(scope) } }, select: { key: true, code: true, title: true }, orderBy: [{ code: "asc" }, { title: "asc" }] });
}

/** Active centre agents of a centre: who a request can be assigned to. */
export function centreColleagues(centreCode: string): Promise<{ id: string; displayName: string }[]> {
  return db.user.findMany({ where: { role: "AGENT_CENTRE", centreCode, active: true }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } });
}

/** Numbers of the given requests that the viewer may see (for the result list of a bulk action). */
export async function visibleRequestNumbers(viewer: Viewer, ids: string[]): Promise<Map<string, string>> {
  const scope = scopeOf(viewer, { sort: "recent" });
  if (!scope || ids.length === 0) return new Map();
  const rows = await db.request.findMany({ where: { AND: [requestsIn(scope), { id: { in: ids } }] }, select: { id: true, number: true } });
  return new Map(rows.map((row) => [row.id, row.number ?? row.id]));
}

// ——— CSV export ———

export const EXPORT_PAGE_SIZE = 500;

const CSV_HEADERS = ["Numéro", "Type", "État", "Diplôme", "Auditeur", "N° auditeur", "Centre", "Déposée le", "Dernière étape", "Gestionnaire"];

const PARIS_DATE_TIME = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

export function formatParisDateTime(date: Date): string {
  return PARIS_DATE_TIME.format(date);
}

/** Short label of the Type column: the kind, and the mode of an experience analysis. */
export function kindLabel(kind: RequestKind, mode: ExperienceMode | null): string {
  if (kind === "DIPLOMA") return "Diplôme";
  return mode === "CONJOINTE" ? "Expérience (conjointe)" : mode === "ANTICIPEE" ? "Expérience (anticipée)" : KIND_LABELS.EXPERIENCE;
}

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break. A value a
 * spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(";")}\r\n`;
}

/**
 * The whole queue under these filters as CSV lines for a spreadsheet in French: UTF-8 with a BOM,
 * `;` between fields, CRLF. Read page by page with the queue's keyset query, so that memory stays
 * flat whatever the number of requests; the `after` cursor of the screen is not applied.
 */
export async function* exportQueueCsv(viewer: Viewer, filters: QueueFilters, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string, void, undefined> {
  yield `\uFEFF${csvLine(CSV_HEADERS)}`;
  let after: string | undefined;
  do {
    const page = await queueRows(viewer, { ...filters, after }, pageSize);
    for (const row of page.rows) {
      yield csvLine([
        row.number,
        kindLabel(row.kind, row.mode),
        STATE_LABELS[row.state],
        row.diplomaCode ? `${row.diplomaCode} – ${row.diplomaTitle}` : row.diplomaTitle,
        row.learnerName,
        row.learnerNumber ?? "",
        row.centreName ?? "",
        formatParisDateTime(row.submittedAt),
        formatParisDateTime(row.lastChangeAt),
        row.assignedAgentName ?? "",
      ]);
    }
    after = page.nextCursor ?? undefined;
  } while (after);
}

/** Paris calendar day of an instant, YYYY-MM-DD (file names). */
export function parisDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** A streamed download of the export: the generator is read only as fast as the client takes it. */
export function csvDownload(lines: AsyncGenerator<string, void, undefined>, now: Date = new Date()): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="demandes-${parisDay(now)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
