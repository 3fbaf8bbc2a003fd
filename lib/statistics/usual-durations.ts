import { usualDurationFor, type StepGroup } from "@/lib/statistics/domain/statistics";
import type { RequestKind, RequestState } from "@/lib/requests/domain/request-lifecycle";
import { stepStatistics } from "./queries";

/** Recomputed at most once an hour per process: the figures move slowly, the history is large. */
const TTL_MS = 60 * 60_000;
const globalForStats = globalThis as unknown as { d3StepGroups?: { at: number; groups: Promise<StepGroup[]> } };

async function currentGroups(): Promise<StepGroup[]> {
  const cached = globalForStats.d3StepGroups;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.groups;
  const groups = stepStatistics().then((s) => s.groups);
  globalForStats.d3StepGroups = { at: Date.now(), groups };
  groups.catch(() => (globalForStats.d3StepGroups = undefined));
  return groups;
}

/**
 * "En général 5 jours (9 dossiers sur 10 en moins de 12 jours) dans votre centre", measured from the
 * history of the same kind of request (the centre's own once it has enough, else all centres'); null while there are too few.
 */
export async function usualDurationOf(request: { kind: RequestKind; centreCode: string; state: RequestState }): Promise<string | null> {
  return usualDurationFor(await currentGroups(), request);
}
