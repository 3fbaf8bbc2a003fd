/**
 * A diploma request and the experience analysis it goes with (its joint analysis, or the
 * anticipated analysis it relies on) shown together in a staff queue. Pure: the queue's page is
 * read in its keyset order (the cursor is the last row of that order), then only the rows of that
 * one page are arranged, so that paging, counts and the queries stay as they are.
 */
import type { ExperienceMode, RequestKind, RequestState } from "./request-lifecycle";

/** The other request of the pair, as a queue row shows it. */
export type QueuePartner = {
  id: string;
  number: string;
  kind: RequestKind;
  mode: ExperienceMode | null;
  state: RequestState;
  /** "joint": submitted together; "linked": the anticipated analysis a diploma request relies on. */
  link: "joint" | "linked";
};

/** A partner as read from the database, with what decides whether the viewer may see it. */
export type PartnerCandidate = QueuePartner & { centreCode: string; forwarded: boolean };

/**
 * The partner a viewer may see in the same queue (the rule of the queues' scope): never a draft; in
 * a centre, a request of the same centre; at the national level, a forwarded one.
 */
export function visiblePartner(candidate: PartnerCandidate | null, viewer: { national: boolean; centreCode: string | null }): QueuePartner | null {
  if (!candidate || candidate.state === "DRAFT" || !candidate.number) return null;
  if (viewer.national ? !candidate.forwarded : candidate.centreCode !== viewer.centreCode) return null;
  return { id: candidate.id, number: candidate.number, kind: candidate.kind, mode: candidate.mode, state: candidate.state, link: candidate.link };
}

type Groupable = { id: string; kind: RequestKind; partner: { id: string } | null };

/** `grouped`: the row is the analysis shown right under its diploma request. */
export type GroupedRow<T> = { row: T; grouped: boolean };

/**
 * The page's rows with each analysis moved right under its diploma request when both are on the
 * page; every other row keeps its place. An analysis several diploma requests rely on goes under
 * the first of them.
 */
export function groupWithPartners<T extends Groupable>(rows: readonly T[]): GroupedRow<T>[] {
  const onPage = new Map(rows.map((row) => [row.id, row]));
  const placed = new Set<string>();
  const underDiploma = new Map<string, T>();
  for (const row of rows) {
    const partner = row.kind === "DIPLOMA" && row.partner ? onPage.get(row.partner.id) : undefined;
    if (partner && partner.kind === "EXPERIENCE" && !underDiploma.has(row.id) && ![...underDiploma.values()].includes(partner)) underDiploma.set(row.id, partner);
  }
  const moved = new Set([...underDiploma.values()].map((row) => row.id));
  const grouped: GroupedRow<T>[] = [];
  for (const row of rows) {
    if (placed.has(row.id) || moved.has(row.id)) continue;
    grouped.push({ row, grouped: false });
    placed.add(row.id);
    const analysis = underDiploma.get(row.id);
    if (analysis) {
      grouped.push({ row: analysis, grouped: true });
      placed.add(analysis.id);
    }
  }
  return grouped;
}
