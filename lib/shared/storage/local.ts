import { constants } from "node:fs";
import { access, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { checkedStorageKey, digesting, newStorageKey } from "./keys";
import { StorageUnavailableError, type Storage } from "./types";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files in a folder of this server, outside the web root (STORAGE_DIR, by default
 * `.data/uploads`, git-ignored). Only for a single instance: several instances need shared storage.
 */
export function createLocalStorage(dir: string): Storage {
  const pathOf = (storageKey: string) => path.join(dir, ...checkedStorageKey(storageKey).split("/"));

  return {
    /**
     * Written to a temporary name, flushed to disk, then renamed: a reader never sees half a file,
     * and a crash right after the rename cannot leave a renamed but empty file.
     */
    async save(content) {
      const storageKey = newStorageKey();
      const target = pathOf(storageKey);
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      const { chunks, digest } = digesting(content);
      try {
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        const handle = await open(temporary, "wx", 0o600);
        try {
          for await (const chunk of chunks) await handle.write(chunk);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
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
