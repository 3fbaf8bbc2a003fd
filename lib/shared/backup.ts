import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

/**
 * Backups and restores of the whole service: the database (pg_dump's custom format) and the
 * uploaded files (pièces justificatives, archived letters) of the local storage folder.
 *
 * Order, and why it is safe while the service runs: the application always writes a file BEFORE
 * the row that references it (and removes the row before the file). pg_dump reads one consistent
 * snapshot taken when it starts; every row in that snapshot was committed before, so its file was
 * already written. The files are copied only AFTER the dump has finished, so every file a dumped
 * row references is in the copy. The copy may hold a few extra files (uploaded during the backup,
 * whose rows came too late for the snapshot): harmless orphans. The one remaining gap is a row
 * deleted by the application between the snapshot and the copy (its file is gone too): restore
 * reports such rows. Copying the files first would lose the files of every row written meanwhile.
 *
 * With S3 storage the bucket is not copied: it should have versioning on, and the manifest records
 * the time to roll it back to (the end of the dump, for the same reason as above).
 */

const run = promisify(execFile);

export const DUMP_FILE = "database.dump";
export const FILES_FOLDER = "uploads";
export const MANIFEST_FILE = "manifest.json";

export type BackupManifest = {
  format: 1;
  startedAt: string;
  finishedAt: string;
  database: { file: string; bytes: number; sha256: string; serverVersion: string; pgDumpVersion: string; finishedAt: string };
  storage: { driver: "local"; folder: string; files: number; bytes: number } | { driver: "s3"; rollBackBucketTo: string };
};

export type RestoreReport = { tables: number; files: number; documentRows: number; rowsWithoutFile: string[]; rollBackBucketTo?: string };

/**
 * libpq takes the connection URL but not Prisma's own parameters, and the password is passed
 * through the environment rather than the command line, where any local user could read it.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of ["schema", "connection_limit", "pool_timeout", "socket_timeout", "pgbouncer", "statement_cache_size"]) url.searchParams.delete(name);
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function toolMajor(tool: "pg_dump" | "pg_restore"): Promise<{ version: string; major: number }> {
  const { stdout } = await run(tool, ["--version"]);
  const version = /\(PostgreSQL\)\s+([\d.]+)/.exec(stdout)?.[1] ?? stdout.trim();
  return { version, major: Number.parseInt(version, 10) };
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: "d3-backup" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function serverVersion(databaseUrl: string): Promise<{ version: string; major: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ server_version: string; num: string }>("SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num");
    return { version: rows[0]!.server_version, major: Math.floor(Number(rows[0]!.num) / 10_000) };
  });
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

async function filesUnder(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Half-written uploads (renamed into place once complete) and health-check probes are not data. */
const isDataFile = (source: string) => !source.endsWith(".tmp") && !path.basename(source).startsWith(".health-");

export async function takeBackup(options: {
  databaseUrl: string;
  backupDir: string;
  storage: { driver: "local"; dir: string } | { driver: "s3" };
  now?: () => Date;
}): Promise<{ folder: string; manifest: BackupManifest }> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const [server, pgDump] = await Promise.all([serverVersion(options.databaseUrl), toolMajor("pg_dump")]);
  if (pgDump.major < server.major) {
    throw new Error(`pg_dump ${pgDump.version} ne sait pas sauvegarder un serveur PostgreSQL ${server.version} : installez les outils clients ${server.major} ou plus récents.`);
  }
  const folder = path.resolve(options.backupDir, startedAt.replace(/:/g, "-"));
  await mkdir(path.dirname(folder), { recursive: true, mode: 0o700 });
  // Not recursive: two backups started in the same millisecond must not share a folder.
  await mkdir(folder, { mode: 0o700 });

  const dumpFile = path.join(folder, DUMP_FILE);
  const connection = libpqConnection(options.databaseUrl);
  await run("pg_dump", ["--format=custom", "--no-password", `--file=${dumpFile}`, `--dbname=${connection.url}`], { env: connection.env, maxBuffer: 16 * 1024 * 1024 });
  const dumpFinishedAt = now().toISOString();

  let storage: BackupManifest["storage"];
  if (options.storage.driver === "local") {
    const target = path.join(folder, FILES_FOLDER);
    await mkdir(target, { mode: 0o700 });
    await cp(options.storage.dir, target, { recursive: true, preserveTimestamps: true, filter: isDataFile }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // No upload yet: nothing to copy.
    });
    storage = { driver: "local", folder: FILES_FOLDER, ...(await filesUnder(target)) };
  } else {
    storage = { driver: "s3", rollBackBucketTo: dumpFinishedAt };
  }

  const manifest: BackupManifest = {
    format: 1,
    startedAt,
    finishedAt: now().toISOString(),
    database: { file: DUMP_FILE, bytes: (await stat(dumpFile)).size, sha256: await sha256Of(dumpFile), serverVersion: server.version, pgDumpVersion: pgDump.version, finishedAt: dumpFinishedAt },
    storage,
  };
  // Written last: a folder without a manifest is an unfinished backup, which restore refuses.
  await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { folder, manifest };
}

async function readManifest(folder: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), "utf8")) as BackupManifest;
  } catch {
    throw new Error(`${folder} : pas de ${MANIFEST_FILE} lisible, ce n'est pas une sauvegarde terminée.`);
  }
  const dump = path.join(folder, manifest.database.file);
  if ((await sha256Of(dump)) !== manifest.database.sha256) throw new Error(`${dump} : l'empreinte SHA-256 ne correspond pas au manifeste, fichier altéré ou incomplet.`);
  return manifest;
}

async function countTables(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return rows[0]!.count;
  });
}

/** Rows whose stored file is missing from the local folder (same key layout as lib/shared/storage's local driver). */
async function rowsWithoutFile(databaseUrl: string, storageDir: string): Promise<{ rows: number; missing: string[] }> {
  const keys = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; storageKey: string; kind: string }>(
      `SELECT id, "storageKey", 'document' AS kind FROM "RequestDocument" UNION ALL SELECT id, "storageKey", 'letter' AS kind FROM "GeneratedLetter"`,
    );
    return rows;
  });
  const missing: string[] = [];
  for (const row of keys) {
    const exists = await stat(path.join(storageDir, ...row.storageKey.split("/"))).then(
      (found) => found.isFile(),
      () => false,
    );
    if (!exists) missing.push(`${row.kind} ${row.id}`);
  }
  return { rows: keys.length, missing };
}

/**
 * Into an empty database only (refused otherwise, unless `force`, which drops the objects of the
 * backup first), in one transaction: a failure leaves the database as it was. Then the files.
 */
export async function restoreBackup(options: { folder: string; databaseUrl: string; storage: { driver: "local"; dir: string } | { driver: "s3" }; force?: boolean }): Promise<RestoreReport> {
  const folder = path.resolve(options.folder);
  const manifest = await readManifest(folder);
  const existing = await countTables(options.databaseUrl);
  if (existing > 0 && !options.force) {
    throw new Error(`La base cible n'est pas vide (${existing} tables ou séquences) : restaurez dans une base vide, ou ajoutez --force pour remplacer ce qu'elle contient.`);
  }
  const connection = libpqConnection(options.databaseUrl);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", `--dbname=${connection.url}`];
  if (existing > 0) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, path.join(folder, manifest.database.file)], { env: connection.env, maxBuffer: 16 * 1024 * 1024 });

  let files = 0;
  let check = { rows: 0, missing: [] as string[] };
  if (options.storage.driver === "local" && manifest.storage.driver === "local") {
    await mkdir(options.storage.dir, { recursive: true, mode: 0o700 });
    await cp(path.join(folder, manifest.storage.folder), options.storage.dir, { recursive: true, preserveTimestamps: true, force: options.force === true });
    files = manifest.storage.files;
    check = await rowsWithoutFile(options.databaseUrl, options.storage.dir);
  }
  const bucket = manifest.storage.driver === "s3" ? { rollBackBucketTo: manifest.storage.rollBackBucketTo } : {};
  return { tables: await countTables(options.databaseUrl), files, documentRows: check.rows, rowsWithoutFile: check.missing, ...bucket };
}

/** What backup and restore need of the storage settings (README, "Configuration"). */
export function backupStorageFrom(env: NodeJS.ProcessEnv): { driver: "local"; dir: string } | { driver: "s3" } {
  if (env.STORAGE_DRIVER?.trim() === "s3") return { driver: "s3" };
  return { driver: "local", dir: path.resolve(env.STORAGE_DIR || path.join(".data", "uploads")) };
}
