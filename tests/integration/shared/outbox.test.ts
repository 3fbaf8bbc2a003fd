import { deliverOutboxEmail, enqueueEmail, requeueOverdueEmails } from "@/lib/shared/mail/outbox";
import { startJobRunner } from "@/lib/shared/jobs/runner";
import { db } from "@/lib/shared/db";
import { decodeQuotedPrintable, startSmtpServer } from "../../support/smtp";
import { uniqueSuffix } from "../../support/factories";
import { deliveryJobs, queuedJobs, waitFor } from "../../support/jobs";

const email = (to: string) => ({ to, subject: "Délivrance du diplôme – suivi", text: "Bonjour, voici le lien : http://localhost/x?jeton=abc", html: "<p>Bonjour</p>" });
const outboxRow = (to: string) => db.outboxEmail.findFirstOrThrow({ where: { to } });

describe("email outbox", () => {
  const saved = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT };
  afterEach(() => {
    process.env.SMTP_HOST = saved.host;
    process.env.SMTP_PORT = saved.port;
  });

  test("a committed email has exactly one delivery job; one queued in a transaction that rolls back has neither row nor job", async () => {
    const to = `commit.${uniqueSuffix()}@example.fr`;
    await db.$transaction((tx) => enqueueEmail(tx, email(to)));
    const row = await outboxRow(to);
    const jobs = await deliveryJobs(row.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ payload: { outboxEmailId: row.id }, attempts: 0, locked_by: null });

    const rolledBack = `rollback.${uniqueSuffix()}@example.fr`;
    const before = (await queuedJobs("deliver-email")).length;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, email(rolledBack));
        throw new Error("échec métier");
      }),
    ).rejects.toThrow("échec métier");
    expect(await db.outboxEmail.count({ where: { to: rolledBack } })).toBe(0);
    expect(await queuedJobs("deliver-email")).toHaveLength(before);
  });

  test("two runners at once deliver each queued email once to a real SMTP server", async () => {
    const smtp = await startSmtpServer();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(smtp.port);
    const runners = await Promise.all([startJobRunner({ concurrency: 2 }), startJobRunner({ concurrency: 2 })]);
    const recipients = Array.from({ length: 6 }, (_, i) => `runner${i}.${uniqueSuffix()}@example.fr`);
    try {
      // Queued while both runners listen: each commit wakes them (NOTIFY), they race for the jobs.
      await Promise.all(recipients.map((to) => db.$transaction((tx) => enqueueEmail(tx, email(to)))));
      await waitFor("every email sent", async () => (await db.outboxEmail.count({ where: { to: { in: recipients }, status: "SENT" } })) === recipients.length);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (const to of recipients) {
        const received = smtp.inbox.filter((m) => m.to.includes(to));
        expect(received).toHaveLength(1);
        expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
        expect(decodeQuotedPrintable(received[0]!.raw)).toContain("jeton=abc");
        const row = await outboxRow(to);
        expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
        expect(await deliveryJobs(row.id)).toHaveLength(0);
      }
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
      await smtp.stop();
    }
  });

  test("a down SMTP server leaves the email queued with backoff; it is delivered once the server is back", async () => {
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await smtp.stop();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    const to = `retry.${uniqueSuffix()}@example.fr`;
    await db.$transaction((tx) => enqueueEmail(tx, email(to)));
    const { id } = await outboxRow(to);

    // The task itself, at chosen times (the runner calls it with the real time).
    const now = new Date();
    expect(await deliverOutboxEmail(id, { now })).toBe("failed");
    const failed = await outboxRow(to);
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    const [retry] = await deliveryJobs(id);
    expect(retry!.run_at.getTime()).toBe(now.getTime() + 60_000);

    const back = await startSmtpServer(port);
    try {
      expect(await deliverOutboxEmail(id, { now: new Date(now.getTime() + 30_000) })).toBe("later");
      expect(back.inbox.filter((m) => m.to.includes(to))).toHaveLength(0);
      expect(await deliverOutboxEmail(id, { now: new Date(now.getTime() + 61_000) })).toBe("sent");
      expect(await deliverOutboxEmail(id, { now: new Date(now.getTime() + 62_000) })).toBe("already-sent");
      expect(back.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
      expect(await outboxRow(to)).toMatchObject({ status: "SENT", attempts: 2 });
    } finally {
      await back.stop();
    }
  });

  test("a pending email left without a job (queued before the job queue existed) gets one from the hourly sweep", async () => {
    const to = `legacy.${uniqueSuffix()}@example.fr`;
    const row = await db.outboxEmail.create({ data: { ...email(to), nextAttemptAt: new Date(Date.now() - 3_600_000) } });
    expect(await deliveryJobs(row.id)).toHaveLength(0);
    await requeueOverdueEmails();
    await requeueOverdueEmails();
    expect(await deliveryJobs(row.id)).toHaveLength(1);
  });
});
