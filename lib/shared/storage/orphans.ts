import type { Database } from "@/lib/shared/db/database";
import { log } from "@/lib/shared/log";
import type { ListedFile, Storage } from "./types";

/**
 * Stored files and the rows that name them, compared (`npm run storage:orphans`). Files are
 * written before their row and deleted after it (lib/requests/documents.ts), so a crash or a
 * storage failure can leave a file no row names, an orphan: only disk space, removed here. A row
 * whose file is missing is a real loss (a file deleted by hand, a restore without its files): it
 * is reported, never "repaired".
 */

/**
 * An orphan younger than this is kept: an upload whose row is not committed yet looks exactly
 * the same, and no upload takes a day.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export type StorageReference = { kind: "document" | "letter"; id: string; storageKey: string };

export type OrphanReport = {
  /** How many stored files were listed, and how many rows name a file. */
  files: number;
  rows: number;
  /** Stored files that no row names, oldest first. */
  orphans: ListedFile[];
  /** With `remove`: the orphans deleted (past the grace period), and those whose deletion failed. */
  removed: string[];
  notRemoved: string[];
  /** Rows whose file is not in the storage. */
  missing: StorageReference[];
};

/** Every row that names a stored file: pièces justificatives and archived decision letters. */
async function storageReferences(db: Database): Promise<StorageReference[]> {
  const [documents, letters] = await Promise.all([
    db.requestDocument.findMany({ select: { id: true, storageKey: true } }),
    db.generatedLetter.findMany({ select: { id: true, storageKey: true } }),
  ]);
  return [...documents.map((row) => ({ kind: "document" as const, ...row })), ...letters.map((row) => ({ kind: "letter" as const, ...row }))];
}

export async function findOrphans(db: Database, storage: Storage, options: { remove?: boolean; now?: Date; graceMs?: number } = {}): Promise<OrphanReport> {
  const now = (options.now ?? new Date()).getTime();
  const graceMs = options.graceMs ?? ORPHAN_GRACE_MS;
  // The rows are read before and after the listing, while the app keeps running. A file is an
  // orphan only if no row names it after it was listed; a row lacks its file only if it existed
  // before the listing began (its file was written before it) and still exists after (its file
  // was not being deleted with it).
  const before = await storageReferences(db);
  const listed = new Map<string, ListedFile>();
  for await (const file of storage.list()) listed.set(file.storageKey, file);
  const after = await storageReferences(db);
  const named = new Set(after.map((row) => row.storageKey));

  const missing = before.filter((row) => named.has(row.storageKey) && !listed.has(row.storageKey));
  const orphans = [...listed.values()].filter((file) => !named.has(file.storageKey)).sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime());
  const removed: string[] = [];
  const notRemoved: string[] = [];
  if (options.remove) {
    for (const { storageKey, modifiedAt } of orphans) {
      if (now - modifiedAt.getTime() < graceMs) continue;
      try {
        await storage.delete(storageKey);
        removed.push(storageKey);
      } catch (error) {
        log.error({ component: "storage", err: error, storageKey }, "orphan file not removed");
        notRemoved.push(storageKey);
      }
    }
  }
  return { files: listed.size, rows: after.length, orphans, removed, notRemoved, missing };
}
