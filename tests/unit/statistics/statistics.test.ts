import { computeStepStats, createGroupedCollector, createStepDurationCollector, MIN_SAMPLES_FOR_CENTRE, usualDurationFor, formatDuration, formatDurationLong, lastTwelveMonths, nearestRank, usualDuration, type HistoryRow, type StepStats } from "@/lib/statistics/domain/statistics";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-30T12:00:00Z");
const WINDOW = lastTwelveMonths(NOW);
const T0 = new Date("2026-06-01T08:00:00Z").getTime();

function row(requestId: string, atMs: number, fromState: RequestState, toState: RequestState): HistoryRow {
  return { requestId, at: new Date(atMs), fromState, toState };
}

/** A request submitted at T0 + offset, taken in charge `reviewAfter` later, forwarded `forwardAfter` after that. */
function request(id: string, offset: number, reviewAfter: number, forwardAfter?: number): HistoryRow[] {
  const rows = [row(id, T0 + offset, "DRAFT", "SUBMITTED"), row(id, T0 + offset + reviewAfter, "SUBMITTED", "IN_REVIEW")];
  if (forwardAfter !== undefined) rows.push(row(id, T0 + offset + reviewAfter + forwardAfter, "IN_REVIEW", "FORWARDED"));
  return rows;
}

describe("nearestRank", () => {
  test("the value of rank ⌈p/100 × n⌉, always an observed one", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank(ten, 91)).toBe(10);
    expect(nearestRank(ten, 100)).toBe(10);
    expect(nearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(nearestRank([15, 20, 35, 40, 50], 40)).toBe(20);
    expect(nearestRank([15, 20, 35, 40, 50], 50)).toBe(35);
    expect(nearestRank([7], 90)).toBe(7);
  });

  test("for an even count, the median is the lower middle value", () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
  });

  test("an empty list or a percentile outside ]0, 100] is a programming error", () => {
    expect(() => nearestRank([], 50)).toThrow(RangeError);
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 101)).toThrow(RangeError);
  });

  test("at least p % of the values are ≤ the result, and fewer than p % are < it", () => {
    for (let n = 1; n <= 40; n++) {
      const values = Array.from({ length: n }, (_, i) => (i * 7919) % 97).sort((a, b) => a - b);
      for (const p of [10, 50, 90, 99]) {
        const v = nearestRank(values, p);
        expect(values.filter((x) => x <= v).length / n).toBeGreaterThanOrEqual(p / 100);
        expect(values.filter((x) => x < v).length / n).toBeLessThan(p / 100);
      }
    }
  });
});

describe("step durations", () => {
  test("time in a step runs from entering to leaving it; count, median and p90 per step", () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((d, i) => request(`r${i}`, i * HOUR, d * DAY, 2 * DAY));
    const stats = computeStepStats(rows, WINDOW);
    expect(stats).toEqual([
      { state: "SUBMITTED", count: 10, medianMs: 5 * DAY, p90Ms: 9 * DAY },
      { state: "IN_REVIEW", count: 10, medianMs: 2 * DAY, p90Ms: 2 * DAY },
    ]);
  });

  test("a step not left yet is ignored; DRAFT, never entered by a history row, too", () => {
    const stats = computeStepStats([...request("a", 0, DAY), ...request("b", 0, 3 * DAY, 4 * DAY)], WINDOW);
    expect(stats).toEqual([
      { state: "SUBMITTED", count: 2, medianMs: DAY, p90Ms: 3 * DAY },
      { state: "IN_REVIEW", count: 1, medianMs: 4 * DAY, p90Ms: 4 * DAY },
    ]);
  });

  test("a row that keeps the state (an assignment) does not end the step", () => {
    const rows = [row("a", T0, "DRAFT", "SUBMITTED"), row("a", T0 + HOUR, "SUBMITTED", "IN_REVIEW"), row("a", T0 + DAY, "IN_REVIEW", "IN_REVIEW"), row("a", T0 + 3 * DAY + HOUR, "IN_REVIEW", "FORWARDED")];
    expect(computeStepStats(rows, WINDOW).find((s) => s.state === "IN_REVIEW")).toEqual({ state: "IN_REVIEW", count: 1, medianMs: 3 * DAY, p90Ms: 3 * DAY });
  });

  test("a step visited twice (correction loop) counts twice", () => {
    const rows = [
      row("a", T0, "DRAFT", "SUBMITTED"),
      row("a", T0 + DAY, "SUBMITTED", "IN_REVIEW"),
      row("a", T0 + 2 * DAY, "IN_REVIEW", "CORRECTION_REQUESTED"),
      row("a", T0 + 5 * DAY, "CORRECTION_REQUESTED", "SUBMITTED"),
      row("a", T0 + 7 * DAY, "SUBMITTED", "IN_REVIEW"),
    ];
    expect(computeStepStats(rows, WINDOW)).toEqual([
      { state: "SUBMITTED", count: 2, medianMs: DAY, p90Ms: 2 * DAY },
      { state: "IN_REVIEW", count: 1, medianMs: DAY, p90Ms: DAY },
      { state: "CORRECTION_REQUESTED", count: 1, medianMs: 3 * DAY, p90Ms: 3 * DAY },
    ]);
  });

  test("the window is by exit date: a step entered before it and left in it counts; one left before it does not", () => {
    const from = WINDOW.from.getTime();
    const rows = [
      row("old", from - 10 * DAY, "DRAFT", "SUBMITTED"),
      row("old", from - DAY, "SUBMITTED", "IN_REVIEW"),
      row("straddling", from - 2 * DAY, "DRAFT", "SUBMITTED"),
      row("straddling", from + DAY, "SUBMITTED", "IN_REVIEW"),
      row("future", NOW.getTime() - DAY, "DRAFT", "SUBMITTED"),
      row("future", NOW.getTime() + DAY, "SUBMITTED", "IN_REVIEW"),
    ];
    expect(computeStepStats(rows, WINDOW)).toEqual([{ state: "SUBMITTED", count: 1, medianMs: 3 * DAY, p90Ms: 3 * DAY }]);
  });

  test("rows in any order give the same result; the collector fed by batches too", () => {
    const rows = [3, 1, 4, 1, 5, 9, 2, 6].flatMap((d, i) => request(`r${i}`, i * DAY, d * DAY, HOUR * (i + 1)));
    const expected = computeStepStats(rows, WINDOW);
    expect(computeStepStats([...rows].reverse(), WINDOW)).toEqual(expected);
    const collector = createStepDurationCollector(WINDOW);
    const inHistoryOrder = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (let i = 0; i < inHistoryOrder.length; i += 3) inHistoryOrder.slice(i, i + 3).forEach((r) => collector.add(r));
    expect(collector.result()).toEqual(expected);
  });

  test("the last 12 months end now and start a calendar year before", () => {
    expect(lastTwelveMonths(NOW)).toEqual({ from: new Date("2025-11-30T12:00:00Z"), to: NOW });
  });
});

describe("formatting", () => {
  test.each([
    [3 * DAY + 4 * HOUR, "3 j 4 h", "3 jours 4 heures"],
    [DAY, "1 j", "1 jour"],
    [2 * DAY + 23.6 * HOUR, "3 j", "3 jours"],
    [5 * HOUR + 20 * 60_000, "5 h 20 min", "5 heures 20 minutes"],
    [HOUR, "1 h", "1 heure"],
    [23 * HOUR + 59.7 * 60_000, "1 j", "1 jour"],
    [12 * 60_000, "12 min", "12 minutes"],
    [59.6 * 60_000, "1 h", "1 heure"],
    [20_000, "moins d'1 min", "moins d'une minute"],
  ])("%d ms → %s", (ms, short, long) => {
    expect(formatDuration(ms)).toBe(short);
    expect(formatDurationLong(ms)).toBe(long);
  });
});

describe("usualDuration (for learners)", () => {
  const stats = (count: number, medianMs: number, p90Ms: number): StepStats[] => [{ state: "IN_REVIEW", count, medianMs, p90Ms }];

  test("a French sentence with the median in days and a bound above the 90th percentile", () => {
    expect(usualDuration(stats(10, 5 * DAY, 11 * DAY + 3 * HOUR), "IN_REVIEW")).toBe("En général 5 jours (9 dossiers sur 10 en moins de 12 jours)");
    expect(usualDuration(stats(10, 5 * DAY - 5 * HOUR, 12 * DAY), "IN_REVIEW")).toBe("En général 5 jours (9 dossiers sur 10 en moins de 13 jours)");
    expect(usualDuration(stats(5, DAY + HOUR, DAY + 2 * HOUR), "IN_REVIEW")).toBe("En général 1 jour (9 dossiers sur 10 en moins de 2 jours)");
    expect(usualDuration(stats(7, 3 * HOUR, 20 * HOUR), "IN_REVIEW")).toBe("En général moins d'un jour (9 dossiers sur 10 en moins d'un jour)");
  });

  test("null with fewer than 5 samples, or for a step without statistics", () => {
    expect(usualDuration(stats(4, 5 * DAY, 9 * DAY), "IN_REVIEW")).toBeNull();
    expect(usualDuration(stats(40, 5 * DAY, 9 * DAY), "FORWARDED")).toBeNull();
  });
});

describe("usual durations per kind of request and per centre", () => {
  /** `count` requests of one kind and centre, each taken in charge `days` days after submission. */
  function requests(prefix: string, count: number, days: number, kind: "DIPLOMA" | "EXPERIENCE", centreCode: string) {
    return Array.from({ length: count }, (_, i) => request(`${prefix}${i}`, i * HOUR, days * DAY)).flat().map((r) => ({ ...r, kind, centreCode }));
  }

  function groupsOf(rows: ReturnType<typeof requests>) {
    const collector = createGroupedCollector(WINDOW);
    rows.forEach((r) => collector.add(r));
    return collector.result();
  }

  test("diploma requests and analyses are measured apart", () => {
    const groups = groupsOf([...requests("d", 10, 2, "DIPLOMA", "PARIS"), ...requests("e", 10, 9, "EXPERIENCE", "PARIS")]);
    expect(usualDurationFor(groups, { kind: "DIPLOMA", centreCode: "PARIS", state: "SUBMITTED" })).toBe("En général 2 jours (9 dossiers sur 10 en moins de 3 jours) pour l'ensemble des centres");
    expect(usualDurationFor(groups, { kind: "EXPERIENCE", centreCode: "PARIS", state: "SUBMITTED" })).toBe("En général 9 jours (9 dossiers sur 10 en moins de 10 jours) pour l'ensemble des centres");
  });

  test(`a centre's own figures once it has ${MIN_SAMPLES_FOR_CENTRE} samples, the national figures of the kind before`, () => {
    const rows = [...requests("p", MIN_SAMPLES_FOR_CENTRE, 1, "DIPLOMA", "PARIS"), ...requests("n", 40, 6, "DIPLOMA", "NOUVELLE-AQUITAINE"), ...requests("b", MIN_SAMPLES_FOR_CENTRE - 1, 30, "DIPLOMA", "BRETAGNE")];
    const groups = groupsOf(rows);
    expect(usualDurationFor(groups, { kind: "DIPLOMA", centreCode: "PARIS", state: "SUBMITTED" })).toBe("En général 1 jour (9 dossiers sur 10 en moins de 2 jours) dans votre centre");
    // 19 samples in Bretagne: the national figure of diploma requests (79 samples, median 6 days).
    expect(usualDurationFor(groups, { kind: "DIPLOMA", centreCode: "BRETAGNE", state: "SUBMITTED" })).toBe("En général 6 jours (9 dossiers sur 10 en moins de 31 jours) pour l'ensemble des centres");
    // No analysis at all: nothing is said rather than a diploma's figure.
    expect(usualDurationFor(groups, { kind: "EXPERIENCE", centreCode: "PARIS", state: "SUBMITTED" })).toBeNull();
  });
});
