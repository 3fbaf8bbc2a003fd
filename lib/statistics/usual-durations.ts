import { usualDuration, type StepStats } from "@/lib/statistics/domain/statistics";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import { stepStatistics } from "./queries";

/** Recomputed at most once an hour per process: the figures move slowly, the history is large. */
const TTL_MS = 60 * 60_000;
const globalForStats = globalThis as unknown as { d3StepStats?: { at: number; steps: Promise<StepStats[]> } };

async function currentSteps(): Promise<StepStats[]> {
  const cached = globalForStats.d3StepStats;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.steps;
  const steps = stepStatistics().then((s) => s.steps);
  globalForStats.d3StepStats = { at: Date.now(), steps };
  steps.catch(() => (globalForStats.d3StepStats = undefined));
  return steps;
}

/** "En général 5 jours (9 dossiers sur 10 en moins de 12 jours)", measured from the history; null while there are too few. */
export async function usualDurationOf(state: RequestState): Promise<string | null> {
  return usualDuration(await currentSteps(), state);
}
