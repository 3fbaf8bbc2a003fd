import { db } from "@/lib/shared/db";
import { createGroupedCollector, createStepDurationCollector, lastTwelveMonths, type StepGroup, type StepStats, type Window } from "@/lib/statistics/domain/statistics";
import { REQUEST_STATES, isOpen, type RequestState } from "@/lib/requests/domain/request-lifecycle";

/** Optional narrowing to one centre's requests (a centre's own figures; tests on a shared database). */
export type StatsScope = { centreCode?: string };

/** History rows read per query: a year of history is streamed, never loaded at once. */
const BATCH = 5_000;

/** Submitted requests (drafts are the learners' own business) per current state, in lifecycle order. */
export async function requestsPerState(scope: StatsScope = {}): Promise<{ state: RequestState; count: number }[]> {
  const groups = await db.request.groupBy({ by: ["state"], where: { submittedAt: { not: null }, ...scope }, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.state as RequestState, g._count._all]));
  return REQUEST_STATES.filter((state) => counts.has(state)).map((state) => ({ state, count: counts.get(state)! }));
}

export type CentreCounts = { centreCode: string; name: string; open: number; closed: number; total: number };

/** Submitted requests per centre: still under way, closed, total; busiest centre first. */
export async function requestsPerCentre(scope: StatsScope = {}): Promise<CentreCounts[]> {
  const [groups, centres] = await Promise.all([
    db.request.groupBy({ by: ["centreCode", "state"], where: { submittedAt: { not: null }, ...scope }, _count: { _all: true } }),
    db.centre.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(centres.map((c) => [c.code, c.name]));
  const byCentre = new Map<string, CentreCounts>();
  for (const group of groups) {
    const row = byCentre.get(group.centreCode) ?? { centreCode: group.centreCode, name: names.get(group.centreCode) ?? group.centreCode, open: 0, closed: 0, total: 0 };
    const count = group._count._all;
    if (isOpen(group.state as RequestState)) row.open += count;
    else row.closed += count;
    row.total += count;
    byCentre.set(group.centreCode, row);
  }
  return [...byCentre.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "fr"));
}

/**
 * Time spent in each step over the last 12 months (by the date the step was left), all requests
 * together (`steps`) and per kind of request, nationally and per centre (`groups`). Reads, in id
 * order and by batches, the history of every request that changed in the window — its earlier
 * rows included, since a step left in the window may have been entered before it.
 */
export async function stepStatistics(now: Date = new Date(), scope: StatsScope = {}): Promise<{ window: Window; steps: StepStats[]; groups: StepGroup[] }> {
  const window = lastTwelveMonths(now);
  const collector = createStepDurationCollector(window);
  const grouped = createGroupedCollector(window);
  const where = { at: { lte: window.to }, request: { ...scope, events: { some: { at: { gte: window.from, lte: window.to } } } } };
  let after = 0;
  for (;;) {
    const rows = await db.requestEvent.findMany({
      where: { ...where, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, requestId: true, at: true, fromState: true, toState: true, request: { select: { kind: true, centreCode: true } } },
    });
    for (const row of rows) {
      const history = { requestId: row.requestId, at: row.at, fromState: row.fromState as RequestState, toState: row.toState as RequestState };
      collector.add(history);
      grouped.add({ ...history, kind: row.request.kind, centreCode: row.request.centreCode });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
  return { window, steps: collector.result(), groups: grouped.result() };
}
