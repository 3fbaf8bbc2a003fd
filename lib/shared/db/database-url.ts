import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where `npm run dev` keeps its embedded PostgreSQL cluster (git-ignored). */
export const DEV_DATA_DIR = path.join(".data", "postgres");
export const DEV_DATABASE = "d3";
/** Written into the cluster's folder at initdb: the role and password of that cluster. */
export const EMBEDDED_CREDENTIALS_FILE = "d3-credentials.json";
export type EmbeddedCredentials = { user: string; password: string };

let envLoaded = false;

/**
 * The database: DATABASE_URL (from the environment, or from .env for command-line tools, which
 * Next.js does not serve), or else the embedded server that `npm run dev` runs.
 */
export function databaseUrl(): string {
  if (!envLoaded) {
    envLoaded = true;
    if (!process.env.DATABASE_URL && existsSync(".env")) process.loadEnvFile(".env");
  }
  const url = process.env.DATABASE_URL || embeddedServerUrl(DEV_DATA_DIR, DEV_DATABASE);
  if (!url) throw new Error("Aucune base de données : définissez DATABASE_URL (postgresql://…) ou lancez `npm run dev`, qui démarre un PostgreSQL intégré.");
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL doit commencer par "postgresql://" (reçu : ${url.split(":")[0]}:…)`);
  return url;
}

/** The pid and port of postmaster.pid, and whether that process still runs. */
export function readPostmasterPid(dataDir: string): { pid: number; port: number; alive: boolean } | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port, alive: false };
  return { pid, port, alive: isPostgres(pid) };
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when started as root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!.endsWith("postgres");
  } catch {
    return true; // No /proc (macOS): trust kill(0).
  }
}

/** The role and password written at initdb into the cluster's folder, if there are any. */
export function readEmbeddedCredentials(dataDir: string): EmbeddedCredentials | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, EMBEDDED_CREDENTIALS_FILE), "utf8")) as EmbeddedCredentials;
  } catch {
    return null;
  }
}

/** The URL of `database` on the embedded cluster in `dataDir`, if that cluster is running. */
export function embeddedServerUrl(dataDir: string, database: string): string | null {
  const pid = readPostmasterPid(dataDir);
  if (!pid?.alive || !pid.port) return null;
  const credentials = readEmbeddedCredentials(dataDir);
  if (!credentials) return null;
  return `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${pid.port}/${encodeURIComponent(database)}`;
}
