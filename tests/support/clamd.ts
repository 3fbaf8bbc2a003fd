/**
 * A real ClamAV daemon for the tests (Debian's clamav-daemon: `apt-get install -y clamav-daemon`,
 * `.ci/run` installs it), on 127.0.0.1 and a free port, with a configuration and a signature
 * database of its own in a temporary folder: one signature, the EICAR test file's, in a `.ndb`
 * (hex body, any file type, any offset). freshclam cannot reach its servers here, and the tests
 * need no other signature.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pingScanner } from "../../lib/shared/storage/virus-scan";

export const CLAMD_PATH = process.env.CLAMD_PATH ?? "/usr/sbin/clamd";

/** The EICAR antivirus test file: harmless, and detected by every scanner as if it were a virus. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const SIGNATURE = "D3-Test.EICAR";
/** The name clamd reports (it marks signatures outside its official databases « .UNOFFICIAL »). */
export const EICAR_SIGNATURE_NAME = `${SIGNATURE}.UNOFFICIAL`;

export type Clamd = { host: string; port: number; env: { CLAMAV_HOST: string; CLAMAV_PORT: string }; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts clamd and waits until it answers PING (a few seconds: it loads one signature). */
export async function startClamd(options: { port?: number; timeoutMs?: number } = {}): Promise<Clamd> {
  if (!existsSync(CLAMD_PATH)) throw new Error(`clamd introuvable (${CLAMD_PATH}) : apt-get install -y clamav-daemon`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "d3-clamd-"));
  const databaseDir = path.join(dir, "db");
  await import("node:fs/promises").then((fs) => fs.mkdir(databaseDir));
  writeFileSync(path.join(databaseDir, "d3-test.ndb"), `${SIGNATURE}:0:*:${Buffer.from(EICAR).toString("hex")}\n`);
  const port = options.port ?? (await freePort());
  const lines = [
    `DatabaseDirectory ${databaseDir}`,
    `TCPSocket ${port}`,
    "TCPAddr 127.0.0.1",
    "Foreground yes",
    `LogFile ${path.join(dir, "clamd.log")}`,
    `PidFile ${path.join(dir, "clamd.pid")}`,
    `TemporaryDirectory ${dir}`,
    "StreamMaxLength 30M",
    "SelfCheck 0",
    // Run as whoever starts the tests (clamd would otherwise switch to the clamav user, which cannot read this folder).
    ...(process.getuid?.() === 0 ? ["User root"] : []),
  ];
  const config = path.join(dir, "clamd.conf");
  writeFileSync(config, `${lines.join("\n")}\n`);
  const child: ChildProcess = spawn(CLAMD_PATH, ["-c", config], { stdio: "ignore" });
  let exited = false;
  child.once("exit", () => (exited = true));
  const settings = { mode: "tcp" as const, host: "127.0.0.1", port, timeoutMs: 2_000 };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`clamd s'est arrêté au démarrage (journal : ${path.join(dir, "clamd.log")})`);
    if (await pingScanner(settings).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("clamd ne répond pas");
    }
    await sleep(200);
  }
  return {
    host: "127.0.0.1",
    port,
    env: { CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: String(port) },
    async stop() {
      if (!exited) {
        // At most 10 s for a clean exit; the timer is cleared as soon as clamd is gone, so that it
        // does not keep the test process alive after the run.
        let timer: NodeJS.Timeout | undefined;
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
        clearTimeout(timer);
        if (!exited) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
