/** @jest-environment node */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Socket } from "node:net";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/shared/db";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import { startSmtpServer } from "../../support/smtp";
import { deliveryJobs, waitFor } from "../../support/jobs";

/** `npm run worker` as a child process of its own group, so that a kill reaches every process of it. */
function startWorker(smtpPort: number): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/shared/jobs/worker.ts"], {
    detached: true,
    env: { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtpPort), LOG_LEVEL: "info", JOBS_CONCURRENCY: "1" },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

/** An SMTP server that accepts connections and never says a word: a delivery stays in progress. */
async function stallingSmtpServer() {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => sockets.length,
    stop: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

test("a worker killed with kill -9 in the middle of a delivery loses no job; the next worker delivers the email once", async () => {
  const stalling = await stallingSmtpServer();
  const first = startWorker(stalling.port);
  const to = "tue.en.plein.envoi@example.fr";
  try {
    await db.$transaction((tx) => enqueueEmail(tx, { to, subject: "Votre demande", text: "…", html: "<p>…</p>" }));
    const { id } = await db.outboxEmail.findFirstOrThrow({ where: { to } });
    await waitFor("the first worker is sending the email", () => stalling.connections() > 0, 60_000);
    process.kill(-first.pid!, "SIGKILL");
    expect(await exited(first)).toMatchObject({ signal: "SIGKILL" });

    // Still in the queue, locked by the dead worker; the email neither sent nor forgotten.
    const [job] = await deliveryJobs(id);
    expect(job).toMatchObject({ attempts: 1, locked_by: expect.stringMatching(/^pool-/) });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", sentAt: null });

    // PostgreSQL has dropped the dead worker's liveness lock, and the grace period has passed.
    await waitFor(
      "the dead worker's lock is gone",
      async () => {
        const [row] = await db.$queryRaw<{ alive: bigint; old: boolean }[]>`SELECT
          (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ${0x4433}::int::oid
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS alive,
          (SELECT bool_and(locked_at < now() - interval '6 seconds') FROM graphile_worker.jobs WHERE locked_by IS NOT NULL) AS old`;
        return row!.alive === 0n && row!.old === true;
      },
      30_000,
    );
    // As if the dead worker's claim on the email (5 minutes) had run out.
    await db.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await stalling.stop();

    const smtp = await startSmtpServer();
    const second = startWorker(smtp.port);
    try {
      await waitFor("the email is sent by the second worker", async () => (await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status === "SENT", 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
      expect(await deliveryJobs(id)).toHaveLength(0);
      expect(second.output()).toContain("jobs of dead workers given back to the queue");

      // SIGTERM (to tsx, which passes it on): a clean stop.
      process.kill(second.pid!, "SIGTERM");
      expect(await exited(second)).toMatchObject({ code: 0 });
    } finally {
      if (second.exitCode === null && second.signalCode === null) process.kill(-second.pid!, "SIGKILL");
      await smtp.stop();
    }
  } finally {
    if (first.exitCode === null && first.signalCode === null) process.kill(-first.pid!, "SIGKILL");
    await stalling.stop();
  }
}, 180_000);
