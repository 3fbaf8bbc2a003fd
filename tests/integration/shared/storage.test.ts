/** @jest-environment node */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { checkStorage, InvalidStorageKeyError, storage, StorageUnavailableError, type Storage } from "@/lib/shared/storage";
import { createLocalStorage, STALE_TEMPORARY_FILE_MS, sweepTemporaryFiles } from "@/lib/shared/storage/local";
import { createS3Storage } from "@/lib/shared/storage/s3";
import { startS3Server, type S3TestServer } from "../../support/s3-server";

/**
 * One contract, two storages: the local folder and an S3 bucket on a real S3-protocol server
 * (s3rver). Each storage is reached through storage(), as the app reaches it, from the settings.
 */

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function listAll(store: Storage) {
  const files = [];
  for await (const file of store.list()) files.push(file);
  return files;
}

async function readAll(stream: Readable): Promise<{ bytes: Buffer; chunks: number; largestChunk: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), chunks: chunks.length, largestChunk: Math.max(0, ...chunks.map((c) => c.length)) };
}

/** A content made on the fly, 64 KiB at a time, so that the test itself never holds it whole. */
function generated(size: number): { stream: Readable; sha256: string } {
  const block = (index: number) => Buffer.alloc(Math.min(64 * 1024, size - index * 64 * 1024), index % 251);
  const count = Math.ceil(size / (64 * 1024));
  const hash = createHash("sha256");
  for (let i = 0; i < count; i++) hash.update(block(i));
  return { stream: Readable.from((function* () { for (let i = 0; i < count; i++) yield block(i); })()), sha256: hash.digest("hex") };
}

/** A port nothing listens on: the address of a storage that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

type Driver = {
  name: string;
  setUp: () => Promise<Record<string, string>>;
  tearDown: () => Promise<void>;
  /** A second storage built independently from the same settings: another instance of the app. */
  another: (env: Record<string, string>) => Storage;
  /** The same storage, made unable to work. */
  broken: (env: Record<string, string>) => Promise<Record<string, string>>;
};

let folder = "";
let s3: S3TestServer | null = null;

const drivers: Driver[] = [
  {
    name: "local folder",
    setUp: async () => {
      folder = mkdtempSync(path.join(tmpdir(), "d3-storage-"));
      return { STORAGE_DRIVER: "local", STORAGE_DIR: folder };
    },
    tearDown: async () => rmSync(folder, { recursive: true, force: true }),
    another: (env) => createLocalStorage(env.STORAGE_DIR!),
    // A regular file where the folder should be: every write fails, even for root.
    broken: async (env) => {
      const file = path.join(env.STORAGE_DIR!, "not-a-folder");
      writeFileSync(file, "");
      return { ...env, STORAGE_DIR: file };
    },
  },
  {
    name: "S3 bucket",
    setUp: async () => {
      s3 = await startS3Server();
      return s3.env;
    },
    tearDown: async () => s3?.stop(),
    another: (env) =>
      createS3Storage({ bucket: env.S3_BUCKET!, region: env.S3_REGION!, endpoint: env.S3_ENDPOINT, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!, forcePathStyle: true }),
    broken: async (env) => ({ ...env, S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }),
  },
];

describe.each(drivers)("storage: $name", (driver) => {
  let env: Record<string, string> = {};
  const configured = () => {
    Object.assign(process.env, env);
    return storage();
  };

  beforeAll(async () => {
    env = await driver.setUp();
  }, 60_000);
  afterAll(() => driver.tearDown());

  test("bytes are saved under a generated two-level key, and read back as a stream with their size", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\nclé\n%%EOF\n");
    const saved = await configured().save(bytes);
    expect(saved).toEqual({ storageKey: expect.stringMatching(/^([0-9a-f]{2})\/\1[0-9a-f]{62}$/), sha256: sha256(bytes), size: bytes.byteLength });
    const opened = await configured().open(saved.storageKey);
    expect(opened?.size).toBe(bytes.byteLength);
    expect((await readAll(opened!.stream)).bytes).toEqual(Buffer.from(bytes));
    expect(await checkStorage()).toEqual({ ok: true });
  });

  test("a stream is saved as it arrives", async () => {
    const saved = await configured().save(Readable.from([Buffer.from("première "), Buffer.from("partie")]));
    expect(saved).toMatchObject({ sha256: sha256(Buffer.from("première partie")), size: Buffer.byteLength("première partie") });
    expect((await readAll((await configured().open(saved.storageKey))!.stream)).bytes.toString()).toBe("première partie");
  });

  test("a key with no file opens as null; deleting is idempotent", async () => {
    expect(await configured().open(`ab/ab${"0".repeat(62)}`)).toBeNull();
    const { storageKey } = await configured().save(new Uint8Array([1, 2, 3]));
    await configured().delete(storageKey);
    await configured().delete(storageKey);
    expect(await configured().open(storageKey)).toBeNull();
  });

  test("anything but a generated key is refused, before reaching the folder or the bucket", async () => {
    const { storageKey } = await configured().save(new Uint8Array([4, 5, 6]));
    for (const key of ["../../etc/passwd", `${storageKey}/..`, storageKey.toUpperCase(), `zz/${storageKey.slice(3)}`, storageKey.replace("/", "\\"), "", `/${storageKey}`]) {
      await expect(configured().open(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(configured().delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  test("a file of several megabytes goes in and out in chunks, never as one buffer", async () => {
    const size = 12 * MiB + 12_345;
    const content = generated(size);
    const saved = await configured().save(content.stream);
    expect(saved).toMatchObject({ sha256: content.sha256, size });
    const opened = await configured().open(saved.storageKey);
    expect(opened?.size).toBe(size);
    const read = await readAll(opened!.stream);
    expect(sha256(read.bytes)).toBe(content.sha256);
    expect(read.chunks).toBeGreaterThan(10);
    expect(read.largestChunk).toBeLessThan(MiB);
  }, 120_000);

  test("another instance with the same settings reads what this one saved", async () => {
    const bytes = new TextEncoder().encode("d'une instance à l'autre");
    const { storageKey } = await configured().save(bytes);
    const elsewhere = await driver.another(env).open(storageKey);
    expect((await readAll(elsewhere!.stream)).bytes).toEqual(Buffer.from(bytes));
  });

  test("the listing gives every saved file with its size and time, and no longer a deleted one", async () => {
    const saved = await Promise.all([1, 2, 3].map((n) => configured().save(new Uint8Array(n))));
    const before = Date.now();
    const listed = await listAll(configured());
    for (const { storageKey, size } of saved) {
      const file = listed.find((entry) => entry.storageKey === storageKey);
      expect(file).toMatchObject({ storageKey, size });
      expect(Math.abs(file!.modifiedAt.getTime() - before)).toBeLessThan(60_000);
    }
    expect(new Set(listed.map((file) => file.storageKey)).size).toBe(listed.length);
    await configured().delete(saved[0]!.storageKey);
    expect((await listAll(configured())).map((file) => file.storageKey)).not.toContain(saved[0]!.storageKey);
  });

  test("when the storage cannot work, saving fails as unavailable and the health probe says why", async () => {
    Object.assign(process.env, await driver.broken(env));
    await expect(storage().save(new Uint8Array([7]))).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await checkStorage()).toEqual({ ok: false, detail: expect.stringMatching(/inaccessible/) });
    await expect(listAll(storage())).rejects.toBeInstanceOf(StorageUnavailableError);
  }, 60_000);
});

describe("storage: local folder, temporary files", () => {
  test("stale temporary files are removed when the folder is first used, fresh ones kept; only generated keys are listed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "d3-storage-tmp-"));
    try {
      // What an earlier process left: a file, a save cut short by a crash two hours ago, a save
      // another process is writing now, and things that are not the storage's.
      const storageKey = `ab/ab${"1".repeat(62)}`;
      mkdirSync(path.join(dir, "ab"));
      mkdirSync(path.join(dir, "zz"));
      writeFileSync(path.join(dir, storageKey), "contenu");
      const stale = path.join(dir, `${storageKey}.0123456789ab.tmp`);
      const fresh = path.join(dir, `${storageKey}.ba9876543210.tmp`);
      writeFileSync(stale, "moitié");
      writeFileSync(fresh, "en cours");
      const twoHoursAgo = (Date.now() - 2 * STALE_TEMPORARY_FILE_MS) / 1000;
      utimesSync(stale, twoHoursAgo, twoHoursAgo);
      writeFileSync(path.join(dir, "ab", "notes.txt"), "");
      writeFileSync(path.join(dir, "zz", "zz.tmp"), "");
      utimesSync(path.join(dir, "zz", "zz.tmp"), twoHoursAgo, twoHoursAgo);

      const local = createLocalStorage(dir);
      // Started by the first storage made on the folder; the same run is given back afterwards.
      expect(await sweepTemporaryFiles(dir)).toBe(1);
      createLocalStorage(dir);
      expect(await sweepTemporaryFiles(dir)).toBe(1);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      expect(existsSync(path.join(dir, "zz", "zz.tmp"))).toBe(true);
      expect((await listAll(local)).map(({ storageKey, size }) => ({ storageKey, size }))).toEqual([{ storageKey, size: Buffer.byteLength("contenu") }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("storage: S3 bucket, listing", () => {
  test("a listing longer than a page is read page after page", async () => {
    const server = await startS3Server({ bucket: "d3-list" });
    try {
      const env = server.env;
      const bucket = createS3Storage({ bucket: env.S3_BUCKET!, region: env.S3_REGION!, endpoint: env.S3_ENDPOINT, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!, forcePathStyle: true, listPageSize: 2 });
      const saved = await Promise.all([1, 2, 3, 4, 5].map((n) => bucket.save(new Uint8Array(n))));
      const listed = await listAll(bucket);
      expect(listed.map((file) => file.storageKey).sort()).toEqual(saved.map((file) => file.storageKey).sort());
      expect(listed.map((file) => file.size).sort()).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
