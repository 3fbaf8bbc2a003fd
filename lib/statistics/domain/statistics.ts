import { REQUEST_STATES, type RequestKind, type RequestState } from "../../requests/domain/request-lifecycle";

/**
 * How long requests stay in each step. A step is a state of the request: its duration runs from
 * the history row that entered it to the one that left it. Steps not left yet are ignored (their
 * duration is not known), and so is DRAFT, which no history row enters.
 */

export type HistoryRow = { requestId: string; at: Date; fromState: RequestState; toState: RequestState };

export type StepStats = { state: RequestState; count: number; medianMs: number; p90Ms: number };

export type Window = { from: Date; to: Date };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The last 12 calendar months up to `now`. */
export function lastTwelveMonths(now: Date): Window {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from, to: now };
}

/**
 * Nearest-rank percentile: the smallest observed value such that at least p % of the values are
 * less than or equal to it, i.e. the value of rank ⌈p/100 × n⌉ in ascending order. It is always
 * one of the observed durations. The median is the 50th percentile by the same method (for an
 * even count, the lower of the two middle values).
 */
export function nearestRank(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) throw new RangeError("nearestRank of an empty list");
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[rank - 1]!;
}

/**
 * Collects step durations from history rows given in history order per request (the order of
 * their ids). Meant to be fed by batches, so that a year of history never sits in memory at once:
 * only the open step of each request and one number per sample are kept.
 */
export function createStepDurationCollector(window: Window) {
  const entered = new Map<string, { state: RequestState; at: number }>();
  const samples = new Map<RequestState, number[]>();
  const from = window.from.getTime();
  const to = window.to.getTime();

  return {
    add(row: HistoryRow): void {
      // Assigning an agent, for example, keeps the state: the step goes on.
      if (row.fromState === row.toState) return;
      const at = row.at.getTime();
      const open = entered.get(row.requestId);
      if (open && open.state === row.fromState && at >= open.at && at >= from && at <= to) {
        const list = samples.get(open.state) ?? [];
        list.push(at - open.at);
        samples.set(open.state, list);
      }
      entered.set(row.requestId, { state: row.toState, at });
    },
    result(): StepStats[] {
      return REQUEST_STATES.flatMap((state) => {
        const list = samples.get(state);
        if (!list?.length) return [];
        const sorted = [...list].sort((a, b) => a - b);
        return [{ state, count: sorted.length, medianMs: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90) }];
      });
    },
  };
}

/** Step statistics of history rows in any order (sorted here by request, then time, stably). */
export function computeStepStats(rows: readonly HistoryRow[], window: Window): StepStats[] {
  const collector = createStepDurationCollector(window);
  const ordered = [...rows].sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : a.at.getTime() - b.at.getTime()));
  ordered.forEach((row) => collector.add(row));
  return collector.result();
}

/** "3 j 4 h", "5 h 20 min", "12 min", "moins d'1 min": short, for tables and charts. */
export function formatDuration(ms: number): string {
  return durationParts(ms, "short");
}

/** "3 jours 4 heures": the same, spelt out for screen readers. */
export function formatDurationLong(ms: number): string {
  return durationParts(ms, "long");
}

function durationParts(ms: number, style: "short" | "long"): string {
  const unit = (n: number, short: string, singular: string, plural: string) => `${n} ${style === "short" ? short : n > 1 ? plural : singular}`;
  if (ms >= DAY) {
    let days = Math.floor(ms / DAY);
    let hours = Math.round((ms - days * DAY) / HOUR);
    if (hours === 24) [days, hours] = [days + 1, 0];
    return [unit(days, "j", "jour", "jours"), hours ? unit(hours, "h", "heure", "heures") : null].filter(Boolean).join(" ");
  }
  if (ms >= HOUR) {
    let hours = Math.floor(ms / HOUR);
    let minutes = Math.round((ms - hours * HOUR) / MINUTE);
    if (minutes === 60) [hours, minutes] = [hours + 1, 0];
    if (hours === 24) return unit(1, "j", "jour", "jours");
    return [unit(hours, "h", "heure", "heures"), minutes ? unit(minutes, "min", "minute", "minutes") : null].filter(Boolean).join(" ");
  }
  const minutes = Math.round(ms / MINUTE);
  if (minutes === 0) return style === "short" ? "moins d'1 min" : "moins d'une minute";
  if (minutes === 60) return unit(1, "h", "heure", "heures");
  return unit(minutes, "min", "minute", "minutes");
}

/** Below this many samples a "usual duration" would mislead the learner. */
export const MIN_SAMPLES_FOR_LEARNERS = 5;

function days(n: number): string {
  return n === 1 ? "1 jour" : `${n} jours`;
}

/**
 * For learners: "En général 5 jours (9 dossiers sur 10 en moins de 12 jours)", or null when the
 * step has fewer than 5 samples. The median is rounded to the nearest day; the bound is the next
 * whole day above the 90th percentile, so "en moins de" stays true.
 */
export function usualDuration(stats: readonly StepStats[], state: RequestState): string | null {
  const step = stats.find((s) => s.state === state);
  if (!step || step.count < MIN_SAMPLES_FOR_LEARNERS) return null;
  const median = step.medianMs < DAY ? "moins d'un jour" : days(Math.round(step.medianMs / DAY));
  const bound = Math.floor(step.p90Ms / DAY) + 1;
  const within = bound === 1 ? "moins d'un jour" : `moins de ${days(bound)}`;
  return `En général ${median} (9 dossiers sur 10 en ${within})`;
}

// ——— Per kind of request and per centre ———

/** A history row with what it is about: the usual durations are told apart by kind and centre. */
export type KindedHistoryRow = HistoryRow & { kind: RequestKind; centreCode: string };
/** The steps of one kind of request, in one centre or (centreCode null) in all of them. */
export type StepGroup = { kind: RequestKind; centreCode: string | null; steps: StepStats[] };

/**
 * A centre's own figures once it has this many samples of a step; below, the national figures of
 * the same kind of request (a handful of files would make a centre look fast or slow by chance).
 */
export const MIN_SAMPLES_FOR_CENTRE = 20;

/** Collects the steps of each kind of request, nationally and per centre, from the same rows. */
export function createGroupedCollector(window: Window) {
  const collectors = new Map<string, { kind: RequestKind; centreCode: string | null; collector: ReturnType<typeof createStepDurationCollector> }>();
  const feed = (kind: RequestKind, centreCode: string | null, row: HistoryRow) => {
    const key = `${kind}|${centreCode ?? ""}`;
    let entry = collectors.get(key);
    if (!entry) collectors.set(key, (entry = { kind, centreCode, collector: createStepDurationCollector(window) }));
    entry.collector.add(row);
  };
  return {
    add(row: KindedHistoryRow): void {
      feed(row.kind, null, row);
      feed(row.kind, row.centreCode, row);
    },
    result(): StepGroup[] {
      return [...collectors.values()].map(({ kind, centreCode, collector }) => ({ kind, centreCode, steps: collector.result() }));
    },
  };
}

/**
 * "How long this step usually takes" for one request: its centre's figures for its kind when the
 * centre has at least MIN_SAMPLES_FOR_CENTRE samples of the step, otherwise the national figures
 * of its kind; a diploma request is never measured with analyses, nor the reverse. Null while there
 * are too few samples either way.
 */
export function usualDurationFor(groups: readonly StepGroup[], request: { kind: RequestKind; centreCode: string; state: RequestState }): string | null {
  const stepOf = (centreCode: string | null) => groups.find((group) => group.kind === request.kind && group.centreCode === centreCode)?.steps.find((step) => step.state === request.state);
  const own = stepOf(request.centreCode);
  if (own && own.count >= MIN_SAMPLES_FOR_CENTRE) return `${usualDuration([own], request.state)} dans votre centre`;
  const national = usualDuration(groups.find((group) => group.kind === request.kind && group.centreCode === null)?.steps ?? [], request.state);
  return national ? `${national} pour l'ensemble des centres` : null;
}
