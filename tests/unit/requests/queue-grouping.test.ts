import { groupWithPartners, visiblePartner, type PartnerCandidate } from "@/lib/requests/domain/queue-grouping";

type Row = { id: string; kind: "DIPLOMA" | "EXPERIENCE"; partner: { id: string } | null };
const diploma = (id: string, partner: string | null = null): Row => ({ id, kind: "DIPLOMA", partner: partner ? { id: partner } : null });
const analysis = (id: string, partner: string | null = null): Row => ({ id, kind: "EXPERIENCE", partner: partner ? { id: partner } : null });
const order = (rows: Row[]) => groupWithPartners(rows).map(({ row, grouped }) => (grouped ? `↳${row.id}` : row.id));

describe("groupWithPartners", () => {
  test("an analysis found further down the page moves right under its diploma request", () => {
    expect(order([diploma("d1", "a1"), diploma("d2"), analysis("x"), analysis("a1", "d1")])).toEqual(["d1", "↳a1", "d2", "x"]);
  });

  test("an analysis found above its diploma request moves under it too", () => {
    expect(order([analysis("a1", "d1"), diploma("d2"), diploma("d1", "a1")])).toEqual(["d2", "d1", "↳a1"]);
  });

  test("a partner on another page: every row keeps its place, none is grouped", () => {
    expect(order([diploma("d1", "a9"), analysis("a1", "d9"), diploma("d2")])).toEqual(["d1", "a1", "d2"]);
  });

  test("an anticipated analysis two diploma requests rely on goes under the first only", () => {
    expect(order([diploma("d1", "a1"), diploma("d2", "a1"), analysis("a1")])).toEqual(["d1", "↳a1", "d2"]);
  });

  test("every row once, whatever the pairs", () => {
    const rows = [analysis("a2", "d2"), diploma("d1", "a1"), analysis("a1", "d1"), diploma("d2", "a2"), diploma("d3")];
    const grouped = order(rows);
    expect(grouped).toEqual(["d1", "↳a1", "d2", "↳a2", "d3"]);
    expect(new Set(grouped.map((id) => id.replace("↳", ""))).size).toBe(rows.length);
  });
});

describe("visiblePartner", () => {
  const candidate: PartnerCandidate = { id: "a1", number: "D3-2026-000002", kind: "EXPERIENCE", mode: "CONJOINTE", state: "SUBMITTED", link: "joint", centreCode: "PARIS", forwarded: false };
  const centre = { national: false, centreCode: "PARIS" };
  const national = { national: true, centreCode: null };

  test("a centre sees the partner of its own centre, without the fields that decide it", () => {
    expect(visiblePartner(candidate, centre)).toEqual({ id: "a1", number: "D3-2026-000002", kind: "EXPERIENCE", mode: "CONJOINTE", state: "SUBMITTED", link: "joint" });
  });

  test("never a draft, nor another centre's request, nor, nationally, one not forwarded", () => {
    expect(visiblePartner({ ...candidate, state: "DRAFT" }, centre)).toBeNull();
    expect(visiblePartner({ ...candidate, centreCode: "NAQ" }, centre)).toBeNull();
    expect(visiblePartner(candidate, national)).toBeNull();
    expect(visiblePartner({ ...candidate, forwarded: true }, national)).not.toBeNull();
    expect(visiblePartner(null, centre)).toBeNull();
  });
});
