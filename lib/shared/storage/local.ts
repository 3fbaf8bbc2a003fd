import { constants, type Stats } from "node:fs";
import { access, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { log } from "@/lib/shared/log";
import { checkedStorageKey, digesting, isStorageKey, newStorageKey } from "./keys";
import { StorageUnavailableError, type Storage } from "./types";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** What save() writes before the rename: `<key>.<random>.tmp`, next to the file it becomes. */
const TEMPORARY_SUFFIX = ".tmp";

/**
 * Temporary files older than this are leftovers of a save cut short (a crash, a killed process):
 * no save takes an hour. Younger ones may be written right now by another process on this folder.
 */
export const STALE_TEMPORARY_FILE_MS = 60 * 60 * 1000;

/** What `read` finds, or null when the path does not exist (yet, or any more). */
async function unlessMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Every file of the folder's two-level layout (`ab/…`) with its details; a folder not created yet
 * holds none, and a file removed while the walk goes on is skipped.
 */
async function* walk(dir: string): AsyncGenerator<{ relative: string; file: string; stats: Stats }> {
  for (const folder of (await unlessMissing(readdir(dir, { withFileTypes: true }))) ?? []) {
    if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
    for (const entry of (await unlessMissing(readdir(path.join(dir, folder.name), { withFileTypes: true }))) ?? []) {
      if (!entry.isFile()) continue;
      const file = path.join(dir, folder.name, entry.name);
      const stats = await unlessMissing(stat(file));
      if (stats) yield { relative: `${folder.name}/${entry.name}`, file, stats };
    }
  }
}

/** Removes the temporary files of the folder older than `STALE_TEMPORARY_FILE_MS`; returns how many. */
export async function removeStaleTemporaryFiles(dir: string, now: number = Date.now()): Promise<number> {
  let removed = 0;
  for await (const { relative, file, stats } of walk(dir)) {
    if (!relative.endsWith(TEMPORARY_SUFFIX) || now - stats.mtimeMs < STALE_TEMPORARY_FILE_MS) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

const sweeps = new Map<string, Promise<number>>();

/**
 * The clean-up of leftover temporary files, run once per folder and process, in the background:
 * the first storage made on a folder starts it, and nothing waits for it (a failure is only logged).
 * Returns that run, so that a caller (a test) can wait for it.
 */
export function sweepTemporaryFiles(dir: string): Promise<number> {
  let sweep = sweeps.get(dir);
  if (!sweep) {
    sweep = removeStaleTemporaryFiles(dir).then(
      (removed) => {
        if (removed > 0) log.info({ component: "storage", removed }, "stale temporary files removed");
        return removed;
      },
      (error: unknown) => {
        log.warn({ component: "storage", err: error }, "stale temporary files not removed");
        return 0;
      },
    );
    sweeps.set(dir, sweep);
  }
  return sweep;
}

/** Flushes a folder's entries, so that a rename or a new file in it survives a crash. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files in a folder of this server, outside the web root (STORAGE_DIR, by default
 * `.data/uploads`, git-ignored). Only for a single instance: several instances need shared storage.
 */
export function createLocalStorage(dir: string): Storage {
  void sweepTemporaryFiles(dir);
  const pathOf = (storageKey: string) => path.join(dir, ...checkedStorageKey(storageKey).split("/"));

  return {
    /**
     * Written to a temporary name, flushed to disk, then renamed, and the rename flushed too: a
     * reader never sees half a file, and once save() returns (before the row that names the file
     * is committed) a crash can lose neither the content nor the name.
     */
    async save(content) {
      const storageKey = newStorageKey();
      const target = pathOf(storageKey);
      const temporary = `${target}.${randomBytes(6).toString("hex")}${TEMPORARY_SUFFIX}`;
      const { chunks, digest } = digesting(content);
      try {
        const created = await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        const handle = await open(temporary, "wx", 0o600);
        try {
          for await (const chunk of chunks) await handle.write(chunk);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
        await syncFolder(path.dirname(target));
        if (created) await syncFolder(path.dirname(created));
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new StorageUnavailableError("save", error);
      }
      return { storageKey, ...digest() };
    },

    /** The content and size read from one open handle, so that both describe the same file. */
    async open(storageKey) {
      const file = pathOf(storageKey);
      try {
        const handle = await open(file, "r");
        try {
          const { size } = await handle.stat();
          return { stream: handle.createReadStream(), size };
        } catch (error) {
          await handle.close();
          throw error;
        }
      } catch (error) {
        if (isMissing(error)) return null;
        throw new StorageUnavailableError("open", error);
      }
    },

    async delete(storageKey) {
      const file = pathOf(storageKey);
      await rm(file, { force: true }).catch((error) => {
        throw new StorageUnavailableError("delete", error);
      });
    },

    async *list() {
      try {
        for await (const { relative, stats } of walk(dir)) {
          if (isStorageKey(relative)) yield { storageKey: relative, size: stats.size, modifiedAt: stats.mtime };
        }
      } catch (error) {
        throw new StorageUnavailableError("list", error);
      }
    },

    async check() {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await access(dir, constants.R_OK | constants.W_OK);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: `Dossier de stockage inaccessible en écriture (${(error as NodeJS.ErrnoException).code ?? "erreur inconnue"}).` };
      }
    },
  };
}
