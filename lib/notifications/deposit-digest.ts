/**
 * The daily digest of deposits: once a day (the cron item `send-deposit-digests` of
 * lib/shared/jobs/tasks.ts, at 05:00 UTC — 6 or 7 a.m. in Paris), each active centre agent who chose
 * « Un récapitulatif quotidien » receives one email listing the requests deposited in their centre
 * the day before (Paris calendar day); none when nothing was deposited. Idempotent: each digest is
 * claimed by inserting its (agent, day) row of DepositDigest in the transaction that queues its email
 * in the outbox, so a second run, a retried job or two instances at once send nothing twice. Claims
 * older than a month are then deleted (oldestKeptClaimDay): one row per agent and day otherwise
 * accumulates for ever.
 */
import { db } from "@/lib/shared/db";
import { appUrl } from "@/lib/shared/env";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import { buildDepositDigest, dayBounds, digestDay, oldestKeptClaimDay, type DigestDeposit } from "./domain/deposit-digest";

export type DigestReport = { day: string; sent: number; empty: number; alreadySent: number; claimsPurged: number };

/** The deposits of a centre on a Paris day, oldest first (index [centreCode, submittedAt, id]). */
async function depositsOf(centreCode: string, day: string): Promise<DigestDeposit[]> {
  const { from, to } = dayBounds(day);
  const rows = await db.request.findMany({
    where: { centreCode, submittedAt: { gte: from, lt: to }, state: { not: "DRAFT" }, number: { not: null } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, number: true, kind: true, mode: true, diplomaRequestId: true, diploma: { select: { code: true, title: true } } },
  });
  return rows.map((row) => ({ ...row, number: row.number! }));
}

/**
 * Sends the digests of the day before `at` (the cron run's own time, so that a run made up after
 * an outage lists the same day as the one it replaces).
 */
export async function sendDepositDigests(at: Date = new Date()): Promise<DigestReport> {
  const day = digestDay(at);
  const dayDate = new Date(`${day}T00:00:00Z`);
  const agents = await db.user.findMany({
    where: { role: "AGENT_CENTRE", active: true, depositEmails: "DAILY_DIGEST", centreCode: { not: null }, depositDigests: { none: { day: dayDate } } },
    select: { id: true, email: true, displayName: true, centreCode: true, centre: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const report: DigestReport = { day, sent: 0, empty: 0, alreadySent: 0, claimsPurged: 0 };
  const byCentre = new Map<string, Promise<DigestDeposit[]>>();
  for (const agent of agents) {
    const centreCode = agent.centreCode!;
    if (!byCentre.has(centreCode)) byCentre.set(centreCode, depositsOf(centreCode, day));
    const deposits = await byCentre.get(centreCode)!;
    const email = buildDepositDigest({ displayName: agent.displayName, centreName: agent.centre?.name ?? centreCode, day, deposits, queueUrl: `${appUrl()}/centre` });
    const outcome = await db.$transaction(async (tx) => {
      // The claim: a second run (or another instance) finds the row and sends nothing.
      const claimed = await tx.depositDigest.createMany({ data: [{ userId: agent.id, day: dayDate, count: deposits.length }], skipDuplicates: true });
      if (claimed.count === 0) return "alreadySent" as const;
      if (!email) return "empty" as const;
      await enqueueEmail(tx, { to: agent.email, subject: email.subject, text: email.text, html: email.html });
      return "sent" as const;
    });
    report[outcome] += 1;
  }
  const purged = await db.depositDigest.deleteMany({ where: { day: { lt: new Date(`${oldestKeptClaimDay(day)}T00:00:00Z`) } } });
  report.claimsPurged = purged.count;
  return report;
}
