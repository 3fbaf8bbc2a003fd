/**
 * What the page benchmarks share (npm run bench:load, npm run bench:pages): the build lock, a
 * production server of the app (`next start`) on a database prepared by the seed, its CPU time
 * read from /proc, and logins over HTTP like a browser.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { freshSchema } from "./postgres-databases";
import { siblingDatabase, startTestPostgres } from "./test-postgres";

export const TIMEOUT_MS = 30_000;
const LOCK_FILE = "/tmp/d3-build.lock";

export function nextBin(): string {
  return require.resolve("next/dist/bin/next");
}

/** Refuses a port already taken: the benchmark must never measure someone else's server. */
export function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Le port ${port} est déjà pris : choisissez-en un autre avec --port.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/**
 * Takes LOCK_FILE through a `flock` child that keeps it until its stdin closes (at release, or
 * when this process dies), so that another `next build` in the same checkout cannot replace .next
 * under the running server. Without flock (macOS), runs unlocked.
 */
export async function holdBuildLock(): Promise<{ release: () => void }> {
  if (spawnSync("flock", ["--version"], { stdio: "ignore" }).error) return { release: () => undefined };
  const holder = spawn("flock", [LOCK_FILE, "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting = setTimeout(() => console.log(`En attente du verrou ${LOCK_FILE} (un autre build est en cours)…`), 2000);
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`flock ${LOCK_FILE} a échoué (code ${code}).`)));
  }).finally(() => clearTimeout(waiting));
  return { release: () => void holder.stdin.end() };
}

// ——— A benchmark's run ———

/** What a benchmark must undo on its way out (servers, browser, database server, lock), last first. */
export const cleanups: (() => Promise<void> | void)[] = [];

/** Runs the cleanups, each once, last registered first; a failing one is reported, the others still run. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * Runs a benchmark's `main` and exits with the code it returns (0 goal met, 1 missed), or 2 after
 * cleaning up when it could not run; Ctrl-C (or SIGTERM) cleans up and exits 130.
 */
export function runBench(main: () => Promise<number>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal} : arrêt…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main().then(
    (code) => process.exit(code),
    async (error) => {
      console.error(error instanceof Error ? error.stack : error);
      await cleanUp();
      process.exit(2);
    },
  );
}

/**
 * Takes the build lock for the rest of the run, then builds the app and the other `folders` — or,
 * with `build` false (--no-build), checks that each was built.
 */
export async function preparedBuilds(build: boolean, folders: string[] = []): Promise<void> {
  const lock = await holdBuildLock();
  cleanups.push(lock.release);
  if (build) {
    console.log(`next build${folders.length ? ` (l'application, puis ${folders.join(", ")})` : ""}…`);
    nextBuild();
    for (const folder of folders) nextBuild(folder);
  } else {
    const missing = [".", ...folders].filter((folder) => !existsSync(path.join(folder, ".next", "BUILD_ID")));
    if (missing.length) throw new Error(`--no-build : aucun build dans ${missing.map((folder) => path.join(folder, ".next")).join(", ")} (lancez sans --no-build).`);
  }
}

/**
 * The benchmark's database: BENCH_POSTGRES_URL, or `name` next to the database of an embedded test
 * server started for the run (stopped by cleanUp). Either is wiped by resetDatabase.
 */
export async function benchDatabase(name: string): Promise<string> {
  if (process.env.BENCH_POSTGRES_URL) return process.env.BENCH_POSTGRES_URL;
  const embedded = await startTestPostgres();
  cleanups.push(() => embedded.stop());
  return siblingDatabase(embedded.url, name);
}

/** `next build` of the app (or of another Next.js folder), output shown. */
export function nextBuild(folder?: string): void {
  const built = spawnSync(process.execPath, [nextBin(), "build", ...(folder ? [folder] : [])], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`next build ${folder ?? ""} a échoué (code ${built.status}).`);
}

/** An empty database, migrated, with the catalogue and the demo accounts (prisma/seed.ts). */
export async function resetDatabase(url: string): Promise<void> {
  await freshSchema(url);

  // lib/shared/db reads DATABASE_URL on first use: the application code is imported only now.
  process.env.DATABASE_URL = url;
  const { createDatabaseClient } = await import("../../lib/shared/db/database");
  const { seed } = await import("../../prisma/seed");
  const seedDb = createDatabaseClient(url);
  await seed(seedDb).finally(() => seedDb.$disconnect());
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    range(Math.min(size, items.length)).map(async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

// ——— Server ———

export type Server = { process: ChildProcess; base: string; logFile: string };

/**
 * `next start` on 127.0.0.1, in production mode, without SMTP nor in-process jobs (the benchmarks
 * measure pages, not the job queue). `folder`: another Next.js app than this one (no database).
 */
export function startServer(options: { port: number; logFile: string; databaseUrl?: string; folder?: string; env?: Record<string, string | undefined> }): Server {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    JOBS_IN_PROCESS: "false",
    // The benchmarks read pages and upload nothing: no virus scanner (production requires one or this).
    CLAMAV_DISABLED: process.env.CLAMAV_HOST || process.env.CLAMAV_SOCKET ? "false" : "true",
    // Every simulated user logs in from 127.0.0.1: the per-address login limit would stop them.
    LOGIN_MAX_ATTEMPTS_PER_IP: "100000",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  for (const name of Object.keys(env)) if (name.startsWith("SMTP_") || env[name] === undefined) delete env[name];
  const args = [nextBin(), "start", ...(options.folder ? [options.folder] : []), "-p", String(options.port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", log, log], env });
  closeSync(log);
  return { process: child, base: `http://127.0.0.1:${options.port}`, logFile: options.logFile };
}

/** Until `probe` answers 2xx (120 s at most). */
export async function waitForServer(server: Server, probe = "/api/auth/csrf"): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null || server.process.signalCode !== null) throw new Error(`next start s'est arrêté (code ${server.process.exitCode}).\n${logTail(server)}`);
    try {
      const response = await fetch(server.base + probe, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`next start ne répond pas après 120 s.\n${logTail(server)}`);
}

export function logTail(server: Server): string {
  return `--- ${server.logFile} (fin) ---\n${readFileSync(server.logFile, "utf8").split("\n").slice(-30).join("\n")}`;
}

/** SIGTERM, then SIGKILL if it is still there after 10 s. */
export async function stopServer(server: Server): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

const CLOCK_TICKS_PER_MS = 100 / 1000;

/**
 * CPU time (user + system, ms) used so far by a process and its descendants (`next start` serves
 * from a child process), from /proc: the cost of the requests served in between, whatever else the
 * machine is doing. Linux only.
 */
export function cpuMsOfTree(rootPid: number): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while the list was read.
    }
  }
  let ticks = 0;
  const wanted = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!wanted.has(pid) && wanted.has(stat.parent)) {
        wanted.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of wanted) ticks += stats.get(pid)?.ticks ?? 0;
  return ticks / CLOCK_TICKS_PER_MS;
}

// ——— HTTP, like a browser ———

export type Account = { identifier: string; password: string; role: "AUDITEUR" | "AGENT_CENTRE"; requestIds: string[] };
export type User = Account & { cookie: string };

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      if (at > 0) this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Logs in through NextAuth's own endpoints (provider id "enf"), then checks the user's home page. */
export async function logIn(base: string, account: Account): Promise<User> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/enf`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ identifier: account.identifier, password: account.password, csrfToken, json: "true" }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  jar.take(callback);
  const answer = await callback.text();
  if (!jar.header().includes("session-token=")) throw new Error(`Connexion refusée pour ${account.identifier} (${callback.status}) : ${answer.slice(0, 200)}`);
  const user = { ...account, cookie: jar.header() };
  const home = account.role === "AUDITEUR" ? "/auditeur" : "/centre";
  const check = await get(base, user, home);
  if (check.status !== 200) throw new Error(`${home} répond ${check.status} après la connexion de ${account.identifier}${check.location ? ` (→ ${check.location})` : ""}.`);
  return user;
}

export async function logInAll(base: string, accounts: Account[]): Promise<User[]> {
  const users: User[] = [];
  await inBatches(accounts, 4, async (account) => void users.push(await logIn(base, account)));
  return users;
}

export async function get(base: string, user: { cookie: string } | null, pathname: string): Promise<{ status: number; body: string; location: string | null }> {
  const headers: Record<string, string> = { accept: "text/html", ...(user ? { cookie: user.cookie } : {}) };
  const response = await fetch(base + pathname, { redirect: "manual", headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, body: await response.text(), location: response.headers.get("location") };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
