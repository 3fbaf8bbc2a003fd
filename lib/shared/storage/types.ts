import type { Readable } from "node:stream";

/** What may be stored: the bytes of a form field, or a stream read as it is written. */
export type StorageContent = Uint8Array | Readable;

export type SavedFile = { storageKey: string; sha256: string; size: number };
export type StoredFile = { stream: Readable; size: number };
export type StorageHealth = { ok: boolean; detail?: string };
/** A file as a listing sees it: enough to tell an orphan and how long it has been there. */
export type ListedFile = { storageKey: string; size: number; modifiedAt: Date };

/**
 * Where uploaded files live: a folder of this server (local.ts) or an S3-compatible bucket shared
 * by every instance (s3.ts). A file is written once under a key the storage generates, read as a
 * stream, and removed; a reader never sees half a file.
 */
export interface Storage {
  save(content: StorageContent): Promise<SavedFile>;
  /** null when no file has this key. */
  open(storageKey: string): Promise<StoredFile | null>;
  /** A file already gone is not an error. */
  delete(storageKey: string): Promise<void>;
  /**
   * Every stored file under a generated key (nothing else: temporary files, unrelated objects), in
   * no particular order, read a page at a time so that a large store is never held in memory.
   */
  list(): AsyncIterable<ListedFile>;
  /** Whether files can be written and read now, for the health page. */
  check(): Promise<StorageHealth>;
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    super("Invalid storage key");
    this.name = "InvalidStorageKeyError";
  }
}

/**
 * The storage itself failed (disk full, read-only folder, bucket unreachable…): nothing the user
 * sent is wrong, so callers say "try again later" rather than blaming the file.
 */
export class StorageUnavailableError extends Error {
  constructor(operation: "save" | "open" | "delete" | "list", cause: unknown) {
    super(`Storage unavailable (${operation})`, { cause });
    this.name = "StorageUnavailableError";
  }
}
