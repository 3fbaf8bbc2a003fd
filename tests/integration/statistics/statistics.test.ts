import { db } from "@/lib/shared/db";
import { requestsPerCentre, requestsPerState, stepStatistics } from "@/lib/statistics/queries";
import { usualDuration } from "@/lib/statistics/domain/statistics";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import { uniqueSuffix } from "../../support/factories";
import { createLearner } from "../../support/requests";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-30T12:00:00Z");

/** A request of its own centre (the PostgreSQL database is shared) with a history at known instants. */
async function requestWithHistory(learnerId: string, centreCode: string, steps: { at: Date; from: RequestState; to: RequestState }[]) {
  const last = steps[steps.length - 1]!;
  const request = await db.request.create({
    data: { kind: "DIPLOMA", state: last.to, learnerId, centreCode, diplomaKey: "LG02501A", submittedAt: steps[0]!.at, lastChangeAt: last.at },
  });
  for (const step of steps) {
    await db.requestEvent.create({ data: { requestId: request.id, at: step.at, actorRole: "AGENT_CENTRE", transition: "test", fromState: step.from, toState: step.to } });
  }
  return request;
}

describe("statistics from the request history", () => {
  test("median and 90th percentile per step, by exit date over 12 months, steps not left ignored", async () => {
    const centreCode = `STAT-${uniqueSuffix().toUpperCase()}`;
    const { user } = await createLearner({ centreCode });
    const start = new Date("2026-03-02T09:00:00Z").getTime();
    // Ten requests: waiting 1..10 days before being taken in charge, then 2, 4, 6… days in review.
    for (let i = 1; i <= 10; i++) {
      const submitted = start + i * HOUR;
      const reviewed = submitted + i * DAY;
      await requestWithHistory(user.id, centreCode, [
        { at: new Date(submitted), from: "DRAFT", to: "SUBMITTED" },
        { at: new Date(reviewed), from: "SUBMITTED", to: "IN_REVIEW" },
        { at: new Date(reviewed + 2 * i * DAY), from: "IN_REVIEW", to: "FORWARDED" },
      ]);
    }
    // Still waiting: its SUBMITTED step counts nowhere.
    await requestWithHistory(user.id, centreCode, [{ at: new Date(start), from: "DRAFT", to: "SUBMITTED" }]);
    // Entered 13 months ago, left 11 months ago: in the window (by exit date), 60 days long.
    const entered = new Date("2025-10-31T12:00:00Z");
    await requestWithHistory(user.id, centreCode, [
      { at: entered, from: "DRAFT", to: "SUBMITTED" },
      { at: new Date(entered.getTime() + 60 * DAY), from: "SUBMITTED", to: "WITHDRAWN" },
    ]);
    // Left 14 months ago: out of the window.
    await requestWithHistory(user.id, centreCode, [
      { at: new Date("2025-09-01T12:00:00Z"), from: "DRAFT", to: "SUBMITTED" },
      { at: new Date("2025-09-20T12:00:00Z"), from: "SUBMITTED", to: "WITHDRAWN" },
    ]);

    const { window, steps } = await stepStatistics(NOW, { centreCode });
    expect(window).toEqual({ from: new Date("2025-11-30T12:00:00Z"), to: NOW });
    // SUBMITTED: 1..10 days and 60 days → 11 values; rank ⌈5.5⌉ = 6 → 6 days, rank ⌈9.9⌉ = 10 → 10 days.
    // IN_REVIEW: 2, 4 … 20 days → rank 5 → 10 days, rank 9 → 18 days.
    expect(steps).toEqual([
      { state: "SUBMITTED", count: 11, medianMs: 6 * DAY, p90Ms: 10 * DAY },
      { state: "IN_REVIEW", count: 10, medianMs: 10 * DAY, p90Ms: 18 * DAY },
    ]);
    expect(usualDuration(steps, "IN_REVIEW")).toBe("En général 10 jours (9 dossiers sur 10 en moins de 19 jours)");

    expect(await requestsPerState({ centreCode })).toEqual([
      { state: "SUBMITTED", count: 1 },
      { state: "FORWARDED", count: 10 },
      { state: "WITHDRAWN", count: 2 },
    ]);
    expect(await requestsPerCentre({ centreCode })).toEqual([{ centreCode, name: `Cnam ${centreCode}`, open: 11, closed: 2, total: 13 }]);
  });

  test("hours-long steps; fewer than 5 samples give no sentence for learners", async () => {
    const centreCode = `STAT-${uniqueSuffix().toUpperCase()}`;
    const { user } = await createLearner({ centreCode });
    const start = new Date("2026-05-04T09:00:00Z").getTime();
    for (let i = 0; i < 3; i++) {
      await requestWithHistory(user.id, centreCode, [
        { at: new Date(start + i * HOUR), from: "DRAFT", to: "SUBMITTED" },
        { at: new Date(start + i * HOUR + (i + 1) * 5 * HOUR), from: "SUBMITTED", to: "IN_REVIEW" },
      ]);
    }
    const { steps } = await stepStatistics(NOW, { centreCode });
    expect(steps).toEqual([{ state: "SUBMITTED", count: 3, medianMs: 10 * HOUR, p90Ms: 15 * HOUR }]);
    expect(usualDuration(steps, "SUBMITTED")).toBeNull();
  });
});
