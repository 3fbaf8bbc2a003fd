import { deliverDueEmails, enqueueEmail } from "@/lib/server/mail/outbox";
import { db } from "@/lib/server/db";
import { decodeQuotedPrintable, startSmtpServer } from "../support/smtp";
import { uniqueSuffix } from "../support/factories";

const email = (to: string) => ({ to, subject: "Délivrance du diplôme – suivi", text: "Bonjour, voici le lien : http://localhost/x?jeton=abc", html: "<p>Bonjour</p>" });

describe("email outbox", () => {
  const saved = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT };
  afterEach(() => {
    process.env.SMTP_HOST = saved.host;
    process.env.SMTP_PORT = saved.port;
  });

  test("a queued email is delivered once to a real SMTP server", async () => {
    const smtp = await startSmtpServer();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(smtp.port);
    const to = `dest.${uniqueSuffix()}@example.fr`;
    try {
      await db.$transaction((tx) => enqueueEmail(tx, email(to)));
      await deliverDueEmails();
      await deliverDueEmails();
      const received = smtp.inbox.filter((m) => m.to.includes(to));
      expect(received).toHaveLength(1);
      expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
      expect(decodeQuotedPrintable(received[0]!.raw)).toContain("jeton=abc");
      expect(await db.outboxEmail.findFirstOrThrow({ where: { to } })).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    } finally {
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

    const now = new Date();
    await deliverDueEmails({ now });
    const failed = await db.outboxEmail.findFirstOrThrow({ where: { to } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);

    const back = await startSmtpServer(port);
    try {
      await deliverDueEmails({ now: new Date(now.getTime() + 30_000) });
      expect(back.inbox.filter((m) => m.to.includes(to))).toHaveLength(0);
      await deliverDueEmails({ now: new Date(now.getTime() + 61_000) });
      expect(back.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
      expect(await db.outboxEmail.findFirstOrThrow({ where: { to } })).toMatchObject({ status: "SENT", attempts: 2 });
    } finally {
      await back.stop();
    }
  });

  test("an email queued in a transaction that rolls back is never sent", async () => {
    const to = `rollback.${uniqueSuffix()}@example.fr`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, email(to));
        throw new Error("échec métier");
      }),
    ).rejects.toThrow("échec métier");
    expect(await db.outboxEmail.count({ where: { to } })).toBe(0);
  });
});
