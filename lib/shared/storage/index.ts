import path from "node:path";
import { createLocalStorage } from "./local";
import { createS3Storage, type S3Settings } from "./s3";
import { S3_REQUIRED, STORAGE_VARIABLES, readVariables, requiredWithS3, type Environment } from "@/lib/shared/env";
import type { SavedFile, Storage, StorageContent, StorageHealth, StoredFile } from "./types";

export { InvalidStorageKeyError, StorageUnavailableError, type ListedFile, type SavedFile, type Storage, type StorageContent, type StorageHealth, type StoredFile } from "./types";

/**
 * Which storage the app uses, from the environment (see README, "Configuration"). The server checks
 * these variables at start (lib/shared/env.ts, same messages); scripts and jobs meet them here.
 * - STORAGE_DRIVER=local (default): a folder, STORAGE_DIR (default `.data/uploads`); one instance only;
 * - STORAGE_DRIVER=s3: a bucket shared by all instances, S3_BUCKET, S3_ACCESS_KEY_ID,
 *   S3_SECRET_ACCESS_KEY, and optionally S3_REGION (default us-east-1), S3_ENDPOINT, S3_FORCE_PATH_STYLE.
 */
export type StorageSettings = { driver: "local"; dir: string } | ({ driver: "s3" } & S3Settings);

export function storageSettings(env: Environment = process.env): StorageSettings {
  const parsed = readVariables(STORAGE_VARIABLES, env);
  if (!parsed.ok) throw new Error(parsed.message);
  const values = parsed.values;
  // A folder chosen at run time: not for the bundler to trace.
  if (values.STORAGE_DRIVER !== "s3") return { driver: "local", dir: path.resolve(/*turbopackIgnore: true*/ values.STORAGE_DIR || path.join(".data", "uploads")) };
  const missing = S3_REQUIRED.find((name) => !values[name]);
  if (missing) throw new Error(requiredWithS3(missing));
  return {
    driver: "s3",
    bucket: values.S3_BUCKET!,
    region: values.S3_REGION || "us-east-1",
    endpoint: values.S3_ENDPOINT || undefined,
    accessKeyId: values.S3_ACCESS_KEY_ID!,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: values.S3_FORCE_PATH_STYLE === "true",
  };
}

let current: { signature: string; storage: Storage } | null = null;

/**
 * The configured storage. Settings are read on each call (cheap) and the storage is built again
 * only when they change, so one S3 client serves the whole process.
 */
export function storage(): Storage {
  const settings = storageSettings();
  const signature = JSON.stringify(settings);
  if (current?.signature !== signature) {
    current = { signature, storage: settings.driver === "local" ? createLocalStorage(settings.dir) : createS3Storage(settings) };
  }
  return current.storage;
}

export const saveFile = (content: StorageContent): Promise<SavedFile> => storage().save(content);
export const openFile = (storageKey: string): Promise<StoredFile | null> => storage().open(storageKey);
export const deleteFile = (storageKey: string): Promise<void> => storage().delete(storageKey);

/** The health probe: files can be stored now, or why not (a setting missing, a folder or bucket unreachable). */
export async function checkStorage(): Promise<StorageHealth> {
  try {
    return await storage().check();
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}
