import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";

/**
 * The embedded server that `npm run dev` and `npm test` start when no database is configured: it
 * stops with a Ctrl-C leaving no process behind, and starts again after a crash.
 */
const dataRoot = mkdtempSync(path.join(tmpdir(), "d3-embedded-"));
// As in a project folder: readable by all (the server may run as another user, see below).
chmodSync(dataRoot, 0o755);
const dataDir = path.join(dataRoot, "postgres");
const logFile = path.join(dataRoot, "postgres.log");
const children: ChildProcess[] = [];

/** Kills what a failed test may have left; a process already gone is fine. */
function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {}
}

afterAll(() => {
  for (const child of children) kill(-child.pid!);
  for (const pid of postgresProcesses()) kill(pid);
  rmSync(dataRoot, { recursive: true, force: true });
});

/** Starts the server in a process group of its own, as a terminal would; resolves with its URL. */
function start(folder = dataDir): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn("npx", ["tsx", "tests/support/embedded-postgres-cli.ts", folder, logFile], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^URL (\S+)$/m.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** The postgres processes serving dataDir (the postmaster and its children). */
function postgresProcesses(folder = dataDir): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits (20 s at most) for the postgres processes of dataDir to be gone. */
async function untilNoPostgres(): Promise<void> {
  for (let waited = 0; postgresProcesses().length > 0 && waited < 20_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test("a Ctrl-C to the process group stops the server and leaves no postgres process", async () => {
  const { child, url } = await start();
  await query(url, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
  expect(postgresProcesses().length).toBeGreaterThan(0);

  process.kill(-child.pid!, "SIGINT");
  await exited(child);
  await untilNoPostgres();
  expect(postgresProcesses()).toEqual([]);
  expect(() => readFileSync(path.join(dataDir, "postmaster.pid"))).toThrow();
}, 120_000);

test("after a crash (postmaster and tool killed with SIGKILL) the server starts again with its data", async () => {
  const first = await start();
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(-first.child.pid!, "SIGKILL");
  process.kill(postmaster, "SIGKILL");
  await exited(first.child);
  await untilNoPostgres();

  const second = await start();
  expect(await query(second.url, "SELECT id FROM kept")).toEqual([{ id: 1 }]);
  process.kill(-second.child.pid!, "SIGINT");
  await exited(second.child);
}, 120_000);

test("a postmaster.pid naming a live process that is not PostgreSQL (PID reuse) does not block the start", async () => {
  await untilNoPostgres();
  writeFileSync(path.join(dataDir, "postmaster.pid"), `${process.pid}\n${dataDir}\n0\n5999\n`);
  const { child, url } = await start();
  expect(await query(url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
  process.kill(-child.pid!, "SIGINT");
  await exited(child);
}, 120_000);

const asRoot = process.getuid?.() === 0;
(asRoot ? test : test.skip)("as root, a folder the postgres user cannot reach (under /root, say) holds a link to the cluster kept elsewhere", async () => {
  const privateRoot = mkdtempSync(path.join(tmpdir(), "d3-private-"));
  const folder = path.join(privateRoot, "postgres");
  try {
    const { child, url } = await start(folder);
    expect(lstatSync(folder).isSymbolicLink()).toBe(true);
    expect(realpathSync(folder)).toMatch(/^\/var\/lib\/d3-embedded\//);
    expect(await query(url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    process.kill(-child.pid!, "SIGINT");
    await exited(child);
    await untilNoPostgres();
  } finally {
    for (const pid of postgresProcesses(realpathSync(folder))) kill(pid);
    rmSync(realpathSync(folder), { recursive: true, force: true });
    rmSync(privateRoot, { recursive: true, force: true });
  }
}, 120_000);
