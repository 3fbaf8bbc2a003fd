/**
 * The daily digest of deposits (lib/notifications/deposit-digest.ts) and the per-deposit choice, on
 * the real job queue: the digest job run twice, or twice at once, sends one email per agent and day.
 */
import { db } from "@/lib/shared/db";
import { enqueue } from "@/lib/shared/jobs/queue";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { cronItems } from "@/lib/shared/jobs/tasks";
import { sendDepositDigests } from "@/lib/notifications/deposit-digest";
import { oldestKeptClaimDay } from "@/lib/notifications/domain/deposit-digest";
import { parisDay, parisMidnight } from "@/lib/shared/dates";
import { createStaff, submitJointDiplomaRequest } from "../../support/requests";
import { ensureCentre, uniqueSuffix } from "../../support/factories";

async function centreWithAgents() {
  const centreCode = `G-${uniqueSuffix()}`.toUpperCase();
  await ensureCentre(centreCode);
  const [digest, each, none, inactive] = [await createStaff("AGENT_CENTRE", centreCode), await createStaff("AGENT_CENTRE", centreCode), await createStaff("AGENT_CENTRE", centreCode), await createStaff("AGENT_CENTRE", centreCode)];
  await db.user.update({ where: { id: each.id }, data: { depositEmails: "EACH_DEPOSIT" } });
  await db.user.update({ where: { id: none.id }, data: { depositEmails: "NONE" } });
  await db.user.update({ where: { id: inactive.id }, data: { active: false } });
  const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
  return { centreCode, agents: { digest: await emailOf(digest.id), each: await emailOf(each.id), none: await emailOf(none.id), inactive: await emailOf(inactive.id) }, digestId: digest.id };
}

const emailsTo = (to: string, subject: string) => db.outboxEmail.findMany({ where: { to, subject: { contains: subject } }, orderBy: { createdAt: "asc" } });

/** 6 a.m. in Paris the day after the deposit (05:00 UTC in winter): when the crontab runs that day's digest. */
function runTimeFor(deposit: Date): Date {
  return new Date(parisMidnight(parisDay(deposit), 1).getTime() + 6 * 3_600_000);
}

test("the digest is a daily cron item", () => {
  expect(cronItems.find((item) => item.identifier === "send-deposit-digests")?.task).toBe("send-deposit-digests");
});

test("a deposit is emailed at once only to the agents who chose « à chaque dépôt »; the in-app notification reaches all", async () => {
  const { centreCode, agents } = await centreWithAgents();
  const { requestId } = await submitJointDiplomaRequest({ centreCode });
  await runDueJobs({ tasks: ["notify-request-change"] });
  expect(await emailsTo(agents.each, "Nouvelle demande déposée")).not.toHaveLength(0);
  expect(await emailsTo(agents.digest, "Nouvelle demande déposée")).toHaveLength(0);
  expect(await emailsTo(agents.none, "Nouvelle demande déposée")).toHaveLength(0);
  for (const email of [agents.digest, agents.none, agents.each]) {
    expect(await db.notification.count({ where: { user: { email }, requestId } })).toBeGreaterThan(0);
  }
});

test("the job run twice sends one digest per agent who chose it, listing the day's deposits of their centre", async () => {
  const { centreCode, agents, digestId } = await centreWithAgents();
  const { requestId, analysisId } = await submitJointDiplomaRequest({ centreCode });
  const [diploma, analysis] = await Promise.all([requestId, analysisId].map((id) => db.request.findUniqueOrThrow({ where: { id }, select: { number: true, submittedAt: true } })));
  const ts = runTimeFor(diploma!.submittedAt!).toISOString();

  for (let run = 0; run < 2; run += 1) {
    await db.$transaction((tx) => enqueue(tx, "send-deposit-digests", { _cron: { ts } }));
    await runDueJobs({ tasks: ["send-deposit-digests"] });
  }

  const sent = await emailsTo(agents.digest, "Récapitulatif");
  expect(sent).toHaveLength(1);
  expect(sent[0]!.subject).toMatch(/^D3 – Récapitulatif : 2 demandes déposées le /);
  expect(sent[0]!.text).toContain(`${diploma!.number} : délivrance du diplôme LG02501A`);
  expect(sent[0]!.text).toContain(`avec l'analyse de l'expérience ${analysis!.number}`);
  // Through the outbox: the email has its delivery job.
  expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver-email' AND key = ${`deliver-email:${sent[0]!.id}`}`).toEqual([{ n: 1 }]);
  for (const other of [agents.each, agents.none, agents.inactive]) expect(await emailsTo(other, "Récapitulatif")).toHaveLength(0);
  expect(await db.depositDigest.findMany({ where: { userId: digestId }, select: { day: true, count: true } })).toEqual([{ day: new Date(`${parisDay(diploma!.submittedAt!)}T00:00:00Z`), count: 2 }]);
});

test("two instances at once: still one digest; a day without deposit sends nothing", async () => {
  const { centreCode, agents } = await centreWithAgents();
  const { requestId } = await submitJointDiplomaRequest({ centreCode });
  const { submittedAt } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { submittedAt: true } });
  const at = runTimeFor(submittedAt!);
  const reports = await Promise.all([sendDepositDigests(at), sendDepositDigests(at), sendDepositDigests(at)]);
  expect(await emailsTo(agents.digest, "Récapitulatif")).toHaveLength(1);
  expect(reports.every((report) => report.day === parisDay(submittedAt!))).toBe(true);

  // The day after: nothing deposited in this centre, no email (and none later for that day either).
  const nextDay = new Date(at.getTime() + 24 * 3_600_000);
  await sendDepositDigests(nextDay);
  await sendDepositDigests(nextDay);
  expect(await emailsTo(agents.digest, "Récapitulatif")).toHaveLength(1);
});

test("claims older than a month are deleted by the next run; a recent one stays and still stops a second digest", async () => {
  const { centreCode, agents, digestId } = await centreWithAgents();
  const { requestId } = await submitJointDiplomaRequest({ centreCode });
  const { submittedAt } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { submittedAt: true } });
  const at = runTimeFor(submittedAt!);
  const day = parisDay(submittedAt!);
  const old = new Date(`${oldestKeptClaimDay(day)}T00:00:00Z`);
  const tooOld = new Date(old.getTime() - 86_400_000);
  await db.depositDigest.createMany({ data: [{ userId: digestId, day: tooOld, count: 2 }, { userId: digestId, day: old, count: 1 }] });

  const report = await sendDepositDigests(at);
  expect(report.claimsPurged).toBeGreaterThanOrEqual(1);
  const kept = await db.depositDigest.findMany({ where: { userId: digestId }, orderBy: { day: "asc" }, select: { day: true } });
  expect(kept.map((claim) => claim.day.toISOString().slice(0, 10))).toEqual([oldestKeptClaimDay(day), day]);
  await sendDepositDigests(at);
  expect(await emailsTo(agents.digest, "Récapitulatif")).toHaveLength(1);
});
