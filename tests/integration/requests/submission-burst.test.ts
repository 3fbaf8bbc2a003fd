/** @jest-environment node */
import { db } from "@/lib/shared/db";
import { startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import type { Actor } from "@/lib/requests/transition";
import { notifyRequestChangeNow } from "@/lib/notifications/request-notifications";
import { LICENCE_UNITS, ensureCatalogue } from "../../support/requests";
import { ensureCentre, uniqueSuffix, validProfileInput } from "../../support/factories";
import { queuedJobs } from "../../support/jobs";

/**
 * Issue 9: 100 learners submitting at once made 25 of them fail (P2028, no connection for the
 * transaction in time) while each submission held the year's number counter and wrote one
 * notification and one email per agent of the centre. Here 200 learners of one centre with 20
 * agents submit at once, through the real use case, on the default pool of connections.
 */
const LEARNERS = 200;
const AGENTS = 20;

/** Rows written straight (no password hashing, no profile form): what a submission needs. */
async function centreWithLearners(centreCode: string) {
  await ensureCatalogue();
  await ensureCentre(centreCode);
  const suffix = uniqueSuffix();
  const agents = Array.from({ length: AGENTS }, (_, i) => ({
    id: `burst-agent-${suffix}-${i}`,
    identifier: `agent${i}.${suffix}`,
    displayName: `Agent ${i}`,
    email: `agent${i}.${suffix}@example.fr`,
    passwordHash: "-",
    role: "AGENT_CENTRE" as const,
    centreCode,
    // The heaviest choice: an email at each deposit (the default is the daily digest).
    depositEmails: "EACH_DEPOSIT" as const,
  }));
  const learners = Array.from({ length: LEARNERS }, (_, i) => ({
    id: `burst-learner-${suffix}-${i}`,
    identifier: `learner${i}.${suffix}.auditeur`,
    displayName: `Auditeur ${i}`,
    email: `learner${i}.${suffix}@example.fr`,
    passwordHash: "-",
    role: "AUDITEUR" as const,
  }));
  await db.user.createMany({ data: [...agents, ...learners] });
  await db.learnerProfile.createMany({
    data: learners.map((learner, i) => {
      const input = validProfileInput({ centreCode, email: learner.email, learnerNumber: `B${suffix}${String(i).padStart(4, "0")}` });
      return { ...input, civility: "MADAME" as const, usageName: null, birthDate: new Date(`${input.birthDate}T00:00:00Z`), userId: learner.id };
    }),
  });
  // Every unit of the licence and its professional experience unit: a diploma request on its own.
  await db.unitResult.createMany({
    data: learners.flatMap((learner) => [...LICENCE_UNITS, "UAAL0T"].map((unitCode) => ({ learnerId: learner.id, unitCode, year: 2024, grade: 12, obtainedBy: "PASSED" as const }))),
  });
  const drafts: { actor: Actor; requestId: string }[] = [];
  for (const learner of learners) {
    const actor: Actor = { id: learner.id, role: "AUDITEUR", centreCode: null };
    const started = await startRequest(actor, "LG02501A", "DIPLOMA");
    if (!started.ok) throw new Error(started.message);
    drafts.push({ actor, requestId: started.requestId });
  }
  return { agents, learners, drafts };
}

test(`${LEARNERS} learners of one centre with ${AGENTS} agents submit at once: no error, gap-free numbers, every agent told of each once`, async () => {
  const centreCode = `BURST${uniqueSuffix().toUpperCase()}`;
  const { agents, learners, drafts } = await centreWithLearners(centreCode);

  const outcomes = await Promise.allSettled(drafts.map(({ actor, requestId }) => submitRequest(actor, requestId, 1, { certified: true })));
  const errors = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason).slice(0, 300)] : outcome.value.ok ? [] : [JSON.stringify(outcome.value)]));
  expect({ errors: errors.length, first: errors.slice(0, 3) }).toEqual({ errors: 0, first: [] });

  const numbers = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" && outcome.value.ok ? outcome.value.numbers : []));
  expect(new Set(numbers).size).toBe(LEARNERS);
  const year = new Date().getUTCFullYear();
  const sequences = numbers.map((number) => {
    expect(number).toMatch(new RegExp(`^D3-${year}-\\d{6}$`));
    return Number(number.slice(-6));
  });
  // Gap-free: the numbers of the year so far are exactly 1…n (this database numbers nothing else).
  expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: LEARNERS }, (_, i) => i + 1));

  // The agents' alerts are written by the jobs, after the submissions committed.
  await runDueJobs({ tasks: ["notify-request-change"] });
  const agentIds = agents.map((agent) => agent.id);
  const perAgent = await db.notification.groupBy({ by: ["userId"], where: { userId: { in: agentIds } }, _count: { _all: true } });
  expect(perAgent.map((row) => row._count._all)).toEqual(Array(AGENTS).fill(LEARNERS));
  const emailsPerAgent = await db.outboxEmail.groupBy({ by: ["to"], where: { to: { in: agents.map((agent) => agent.email) } }, _count: { _all: true } });
  expect(emailsPerAgent.map((row) => row._count._all)).toEqual(Array(AGENTS).fill(LEARNERS));
  expect(await db.notification.count({ where: { userId: { in: learners.map((learner) => learner.id) } } })).toBe(LEARNERS);
  expect(await db.outboxEmail.count({ where: { to: { in: learners.map((learner) => learner.email) } } })).toBe(LEARNERS);
  // Each email has its delivery job.
  expect((await queuedJobs("deliver-email")).length).toBe(LEARNERS * (AGENTS + 1));

  // A fan-out run again (a job retried after its worker died) adds nothing.
  const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: drafts[0]!.requestId, transition: "submit" } });
  await notifyRequestChangeNow(event.id);
  expect(await db.notification.count({ where: { requestId: drafts[0]!.requestId } })).toBe(AGENTS + 1);
  expect(await db.outboxEmail.count()).toBe(LEARNERS * (AGENTS + 1));
}, 600_000);
