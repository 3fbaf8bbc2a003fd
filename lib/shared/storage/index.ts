import path from "node:path";
import { createLocalStorage } from "./local";
import { createS3Storage, type S3Settings } from "./s3";
import type { Environment } from "@/lib/shared/env";
import type { SavedFile, Storage, StorageContent, StorageHealth, StoredFile } from "./types";

export { InvalidStorageKeyError, StorageUnavailableError, type SavedFile, type Storage, type StorageContent, type StorageHealth, type StoredFile } from "./types";

/**
 * Which storage the app uses, from the environment (see README, "Configuration"). The server checks
 * these variables at start (lib/shared/env.ts, same messages); scripts and jobs meet them here.
 * - STORAGE_DRIVER=local (default): a folder, STORAGE_DIR (default `.data/uploads`); one instance only;
 * - STORAGE_DRIVER=s3: a bucket shared by all instances, S3_BUCKET, S3_ACCESS_KEY_ID,
 *   S3_SECRET_ACCESS_KEY, and optionally S3_REGION (default us-east-1), S3_ENDPOINT, S3_FORCE_PATH_STYLE.
 */
export type StorageSettings = { driver: "local"; dir: string } | ({ driver: "s3" } & S3Settings);

function required(env: Environment, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} : requis quand STORAGE_DRIVER=s3.`);
  return value;
}

function flag(env: Environment, name: string): boolean {
  const value = env[name]?.trim() || "false";
  if (value !== "true" && value !== "false") throw new Error(`${name} : « true » ou « false » est attendu (reçu « ${env[name]} »).`);
  return value === "true";
}

export function storageSettings(env: Environment = process.env): StorageSettings {
  const driver = env.STORAGE_DRIVER?.trim() || "local";
  // A folder chosen at run time: not for the bundler to trace.
  if (driver === "local") return { driver, dir: path.resolve(/*turbopackIgnore: true*/ env.STORAGE_DIR || path.join(".data", "uploads")) };
  if (driver !== "s3") throw new Error(`STORAGE_DRIVER : « local » ou « s3 » est attendu (reçu « ${driver} »).`);
  return {
    driver,
    bucket: required(env, "S3_BUCKET"),
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    accessKeyId: required(env, "S3_ACCESS_KEY_ID"),
    secretAccessKey: required(env, "S3_SECRET_ACCESS_KEY"),
    forcePathStyle: flag(env, "S3_FORCE_PATH_STYLE"),
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
