import { db } from "@/lib/shared/db";
import { retryNow, undeliveredEmails } from "@/lib/admin/outbox";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { startSmtpServer } from "../../support/smtp";
import { createStaff } from "../../support/requests";

test("failed deliveries are visible to administrators and can be retried at once", async () => {
  const probe = await startSmtpServer();
  await probe.stop();
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(probe.port);
  await db.$transaction((tx) => enqueueEmail(tx, { to: "zoe@example.fr", subject: "Votre demande", text: "…", html: "<p>…</p>" }));
  await runDueJobs();

  const { rows, failing, pending } = await undeliveredEmails();
  expect({ failing, pending }).toEqual({ failing: 1, pending: 1 });
  expect(rows[0]).toMatchObject({ to: "zoe@example.fr", attempts: 1, lastError: expect.any(String) });
  expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

  const agent = await createStaff("AGENT_CENTRE", "PARIS");
  expect(await retryNow({ ...agent, ip: null })).toBe(0);
  const admin = await createStaff("ADMIN");
  const back = await startSmtpServer(probe.port);
  try {
    expect(await retryNow({ ...admin, ip: "198.51.100.4" })).toBe(1);
    // Its delivery job is due again at once: the runner sends it.
    await runDueJobs();
    expect(back.inbox).toHaveLength(1);
    expect((await undeliveredEmails()).failing).toBe(0);
    expect(await db.auditLog.findFirst({ where: { action: "outbox.retry", actorId: admin.id } })).toMatchObject({ ip: "198.51.100.4" });
  } finally {
    await back.stop();
    delete process.env.SMTP_HOST;
  }
});
