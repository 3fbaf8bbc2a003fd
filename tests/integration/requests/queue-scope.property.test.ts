/**
 * The staff queue's scope filter (private to staff-queries.ts, written as SQL conditions) and
 * canViewRequest (the domain's rule, used by the request pages) must agree: on random requests in a
 * few fresh centres and an actor of each role and centre, the requests the queue lists are exactly
 * those canViewRequest lets the actor see. Learners have no queue (theirs is « Suivi de dossiers »).
 */
import fc from "fast-check";
import { canViewRequest, type Viewer } from "@/lib/requests/domain/request-access";
import { REQUEST_STATES } from "@/lib/requests/domain/request-lifecycle";
import { queueFor } from "@/lib/requests/staff-queries";
import { db } from "@/lib/shared/db";
import { createUser, ensureCentre, uniqueSuffix } from "../../support/factories";
import { ensureCatalogue } from "../../support/requests";

jest.setTimeout(60_000);

const CENTRES = 3;

const requestArb = fc.record({
  centre: fc.nat({ max: CENTRES - 1 }),
  state: fc.constantFrom(...REQUEST_STATES),
  kind: fc.constantFrom("DIPLOMA" as const, "EXPERIENCE" as const),
  forwarded: fc.boolean(),
  assigned: fc.boolean(),
  learner: fc.nat({ max: 1 }),
});

/** Every request the queue lists for this viewer, page after page, without filters. */
async function queueIds(viewer: Viewer): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | undefined;
  do {
    const page = await queueFor(viewer, { sort: "recent", ...(after ? { after } : {}) }, 1000);
    page.rows.forEach((row) => ids.add(row.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}

test("the queue lists exactly the requests canViewRequest shows, for every role and centre", async () => {
  await ensureCatalogue();
  await fc.assert(
    fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 8 }), async (specs) => {
      const run = uniqueSuffix().toUpperCase();
      const centres = Array.from({ length: CENTRES }, (_, i) => `PROP-${run}-${i}`);
      await Promise.all(centres.map((code) => ensureCentre(code)));
      const learners = await Promise.all([createUser(), createUser()]);
      const agents = await Promise.all(centres.map((code) => createUser({ role: "AGENT_CENTRE", centreCode: code })));
      const now = new Date();
      const requests = await Promise.all(
        specs.map((spec, i) => {
          const draft = spec.state === "DRAFT";
          return db.request.create({
            data: {
              kind: spec.kind,
              state: spec.state,
              learnerId: learners[spec.learner]!.id,
              centreCode: centres[spec.centre]!,
              diplomaKey: "LG02501A",
              openSlot: `p${i}`,
              submittedAt: draft ? null : now,
              forwardedAt: spec.forwarded && !draft ? now : null,
              assignedAgentId: spec.assigned ? agents[spec.centre]!.id : null,
            },
            select: { id: true, learnerId: true, centreCode: true, state: true, forwardedAt: true },
          });
        }),
      );
      const viewers: Viewer[] = [
        ...agents.map((agent, i) => ({ id: agent.id, role: "AGENT_CENTRE" as const, centreCode: centres[i]! })),
        { id: "national", role: "AGENT_NATIONAL", centreCode: null },
        { id: "admin", role: "ADMIN", centreCode: null },
      ];
      for (const viewer of viewers) {
        const listed = await queueIds(viewer);
        const mine = requests.filter((request) => listed.has(request.id)).map((request) => request.id).sort();
        const visible = requests.filter((request) => canViewRequest(viewer, request)).map((request) => request.id).sort();
        expect({ viewer: viewer.role, ids: mine }).toEqual({ viewer: viewer.role, ids: visible });
      }
      for (const learner of learners) expect((await queueFor({ id: learner.id, role: "AUDITEUR", centreCode: null }, { sort: "recent" })).rows).toEqual([]);
    }),
    { numRuns: 25 },
  );
});
