import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * Uploaded files, kept outside the web root (STORAGE_DIR, by default `.data/uploads`, git-ignored).
 * A file is named by a generated key, never by what the user called it: `ab/ab…` (64 hex digits,
 * under a folder named after the first two, so that no folder grows too large). Anything that is
 * not exactly such a key is refused, so a key read from elsewhere can never reach another path.
 */
const KEY_PATTERN = /^([0-9a-f]{2})\/\1[0-9a-f]{62}$/;

export class InvalidStorageKeyError extends Error {
  constructor() {
    super("Invalid storage key");
  }
}

function storageDir(): string {
  return path.resolve(process.env.STORAGE_DIR || path.join(".data", "uploads"));
}

function pathOf(storageKey: string): string {
  if (typeof storageKey !== "string" || !KEY_PATTERN.test(storageKey)) throw new InvalidStorageKeyError();
  return path.join(storageDir(), ...storageKey.split("/"));
}

/** Writes the bytes under a new key: first to a temporary name, then renamed, so a reader never sees half a file. */
export async function saveFile(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const name = randomBytes(32).toString("hex");
  const storageKey = `${name.slice(0, 2)}/${name}`;
  const target = pathOf(storageKey);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { storageKey, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The file's content and size, read from one open handle; null when the file is not there. */
export async function openFile(storageKey: string): Promise<{ stream: Readable; size: number } | null> {
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
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a file; a file already gone is not an error. */
export async function deleteFile(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}
