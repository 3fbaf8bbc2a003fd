/** @jest-environment node */
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/shared/db";
import { deliverOutboxEmail, enqueueEmail, outboxMessageId } from "@/lib/shared/mail/outbox";
import { startJobRunner } from "@/lib/shared/jobs/runner";
import { startSmtpServer } from "../../support/smtp";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy";
import { uniqueSuffix } from "../../support/factories";
import { waitFor } from "../../support/jobs";

/**
 * Issue 9: after a database outage, 2 of 437 emails were sent twice (sent, then the SENT mark
 * failed, then the row was claimed and sent again). Here the application's database client
 * reaches PostgreSQL through a TCP relay that is cut while emails are being sent, then restored;
 * the PostgreSQL server itself, shared with others, is never touched. The job runner keeps its own
 * direct connection: what is tested is the outbox, not graphile-worker's bookkeeping.
 */
const EMAILS = 50;
let proxy: TcpProxy;
let directUrl: string;

beforeAll(async () => {
  directUrl = process.env.DATABASE_URL!;
  const url = new URL(directUrl);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  // Before the first query: the client and the runner connect lazily, through the relay.
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  proxy.restore();
  // Seen once in ten runs: the client's pool never ends, waiting for a connection cut in the middle
  // of a transaction (see the report of issue 9). Not waited for, nor by the shared teardown.
  await Promise.race([db.$disconnect(), sleep(5_000)]);
  delete (globalThis as { d3Database?: unknown }).d3Database;
  await proxy.close();
});

test(`PostgreSQL unreachable mid-delivery: each of ${EMAILS} emails reaches the SMTP server exactly once, with the Message-ID of its outbox row`, async () => {
  const saved = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT };
  // A slow relay: several emails are on their way to it when the database goes away.
  const smtp = await startSmtpServer(0, { delayMs: 150 });
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(smtp.port);
  const suffix = uniqueSuffix();
  const recipients = Array.from({ length: EMAILS }, (_, i) => `outage${i}.${suffix}@example.fr`);
  await db.$transaction(async (tx) => {
    for (const to of recipients) await enqueueEmail(tx, { to, subject: "Délivrance du diplôme – suivi", text: "Bonjour.", html: "<p>Bonjour.</p>" });
  });
  const ids = (await db.outboxEmail.findMany({ where: { to: { in: recipients } }, select: { id: true } })).map((row) => row.id);

  const runner = await startJobRunner({ connectionString: directUrl, concurrency: 4, pollInterval: 500 });
  let atCut = 0;
  let atRestore = 0;
  try {
    // Cut while an email is being accepted: it arrives during the outage, before its SENT mark can
    // be written (no timer can run between the check and the cut).
    await waitFor("the first emails received, one more on its way", () => smtp.inbox.length >= 10 && smtp.receiving() > 0, 60_000);
    proxy.cut();
    atCut = smtp.inbox.length;
    // The emails on their way are accepted by the SMTP server while their SENT mark cannot be written.
    await sleep(5_000);
    atRestore = smtp.inbox.length;
    proxy.restore();
    // A claim written just before the cut, whose answer was lost, holds its row for CLAIM_MS (5
    // minutes): the runner then takes it up, which is simulated below.
    const settled = { OR: [{ status: "SENT" as const }, { claimedAt: { not: null }, nextAttemptAt: { gt: new Date(Date.now() + 60_000) } }] };
    await waitFor("every email sent or waiting for its claim to end", async () => (await db.outboxEmail.count({ where: { id: { in: ids }, ...settled } })) === EMAILS, 120_000);
  } finally {
    proxy.restore();
    // Lets the jobs running finish.
    await runner.stop();
  }
  try {
    const held = await db.outboxEmail.findMany({ where: { id: { in: ids }, status: "PENDING" }, select: { id: true, nextAttemptAt: true } });
    for (const row of held) expect(await deliverOutboxEmail(row.id, { now: row.nextAttemptAt })).toBe("sent");
    // Time for a duplicate to arrive, had a row been sent again.
    await sleep(1_000);
  } finally {
    await smtp.stop();
    process.env.SMTP_HOST = saved.host;
    process.env.SMTP_PORT = saved.port;
  }

  // The outage did fall between a sending and its SENT mark.
  expect(atRestore).toBeGreaterThan(atCut);
  const received = new Map<string, number>();
  for (const message of smtp.inbox) {
    const messageId = /^Message-ID: *(<[^>]+>)/im.exec(message.raw)?.[1] ?? "none";
    received.set(messageId, (received.get(messageId) ?? 0) + 1);
  }
  expect(Object.fromEntries([...received].filter(([, count]) => count !== 1))).toEqual({});
  expect([...received.keys()].sort()).toEqual(ids.map(outboxMessageId).sort());
  expect(smtp.inbox).toHaveLength(EMAILS);
  expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "SENT", claimedAt: null } })).toBe(EMAILS);
}, 300_000);
