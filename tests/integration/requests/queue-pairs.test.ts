import { db } from "@/lib/shared/db";
import { queueFor, type QueueFilters, type QueueRow } from "@/lib/requests/staff-queries";
import { startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { LICENCE_UNITS, createLearner, createStaff, submitAnticipatedAnalysis, submitJointDiplomaRequest } from "../../support/requests";
import { ensureCentre, uniqueSuffix } from "../../support/factories";

// A diploma request and its analysis shown together: each queue row carries its partner (read
// with the page, on both paths: the plain keyset page, and a search summarised by PostgreSQL).

async function newCentre() {
  const code = `P-${uniqueSuffix()}`.toUpperCase();
  await ensureCentre(code);
  return code;
}

const byId = (rows: QueueRow[]) => new Map(rows.map((row) => [row.id, row]));

async function jointPair() {
  const centreCode = await newCentre();
  const submitted = await submitJointDiplomaRequest({ centreCode });
  const [diploma, analysis] = await Promise.all(
    [submitted.requestId, submitted.analysisId].map((id) => db.request.findUniqueOrThrow({ where: { id }, select: { id: true, number: true } })),
  );
  const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: submitted.user.id }, select: { birthName: true, learnerNumber: true } });
  return { centreCode, diploma: diploma!, analysis: analysis!, profile, learnerId: submitted.user.id };
}

test("centre queue: the diploma request names its joint analysis and the analysis its diploma request, on the page and in a search", async () => {
  const pair = await jointPair();
  const agent = await createStaff("AGENT_CENTRE", pair.centreCode);
  for (const filters of [{ sort: "recent" }, { sort: "changed" }, { sort: "recent", q: pair.profile.learnerNumber }, { sort: "oldest", q: pair.diploma.number! }] as QueueFilters[]) {
    const { rows } = await queueFor(agent, filters);
    const found = byId(rows);
    expect(found.get(pair.diploma.id)?.partner).toEqual({ id: pair.analysis.id, number: pair.analysis.number, kind: "EXPERIENCE", mode: "CONJOINTE", state: "SUBMITTED", link: "joint" });
    if (!filters.q?.startsWith("D3-")) {
      expect(found.get(pair.analysis.id)?.partner).toEqual({ id: pair.diploma.id, number: pair.diploma.number, kind: "DIPLOMA", mode: null, state: "SUBMITTED", link: "joint" });
    }
  }
});

test("keyset paging is unchanged: one row a page lists each request once, in order", async () => {
  const pair = await jointPair();
  const agent = await createStaff("AGENT_CENTRE", pair.centreCode);
  const seen: string[] = [];
  let after: string | undefined;
  do {
    const page = await queueFor(agent, { sort: "recent", after }, 1);
    seen.push(...page.rows.map((row) => row.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  expect(seen.sort()).toEqual([pair.diploma.id, pair.analysis.id].sort());
});

test("national queue: a partner not forwarded yet is not shown", async () => {
  const pair = await jointPair();
  await db.request.update({ where: { id: pair.diploma.id }, data: { forwardedAt: new Date() } });
  const national = await createStaff("AGENT_NATIONAL");
  for (const filters of [{ sort: "recent", centre: pair.centreCode }, { sort: "recent", centre: pair.centreCode, q: pair.profile.birthName }] as QueueFilters[]) {
    const { rows } = await queueFor(national, filters);
    expect(rows.map((row) => [row.id, row.partner])).toEqual([[pair.diploma.id, null]]);
  }
  await db.request.update({ where: { id: pair.analysis.id }, data: { forwardedAt: new Date() } });
  const { rows } = await queueFor(national, { sort: "recent", centre: pair.centreCode });
  expect(byId(rows).get(pair.diploma.id)?.partner?.id).toBe(pair.analysis.id);
  expect(byId(rows).get(pair.analysis.id)?.centreName).not.toBeNull();
});

test("a diploma request relying on an anticipated analysis names it (« linked »)", async () => {
  const centreCode = await newCentre();
  const learner = await createLearner({ units: LICENCE_UNITS, centreCode });
  const anticipated = await submitAnticipatedAnalysis(learner);
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const submitted = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const agent = await createStaff("AGENT_CENTRE", centreCode);
  const { rows } = await queueFor(agent, { sort: "recent" });
  expect(byId(rows).get(started.requestId)?.partner).toMatchObject({ id: anticipated.requestId, number: anticipated.number, link: "linked", kind: "EXPERIENCE" });
});
