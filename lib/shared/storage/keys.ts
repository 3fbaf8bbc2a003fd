import { createHash, randomBytes } from "node:crypto";
import { InvalidStorageKeyError, type StorageContent } from "./types";

/**
 * A file is named by a generated key, never by what the user called it: `ab/ab…` (64 hex digits,
 * under a folder named after the first two, so that no folder grows too large). Anything that is
 * not exactly such a key is refused, so a key read from elsewhere can never reach another path
 * or object.
 */
const KEY_PATTERN = /^([0-9a-f]{2})\/\1[0-9a-f]{62}$/;

export function newStorageKey(): string {
  const name = randomBytes(32).toString("hex");
  return `${name.slice(0, 2)}/${name}`;
}

export function isStorageKey(value: unknown): value is string {
  return typeof value === "string" && KEY_PATTERN.test(value);
}

export function checkedStorageKey(storageKey: string): string {
  if (!isStorageKey(storageKey)) throw new InvalidStorageKeyError();
  return storageKey;
}

/**
 * The content as chunks, each counted into the SHA-256 and size as it passes, so that both are
 * known once the content has been written without holding it all in memory.
 */
export function digesting(content: StorageContent): { chunks: AsyncGenerator<Uint8Array>; digest: () => { sha256: string; size: number } } {
  const hash = createHash("sha256");
  let size = 0;
  async function* chunks() {
    for await (const chunk of content instanceof Uint8Array ? [content] : content) {
      const bytes: Uint8Array = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      size += bytes.byteLength;
      yield bytes;
    }
  }
  return { chunks: chunks(), digest: () => ({ sha256: hash.digest("hex"), size }) };
}
