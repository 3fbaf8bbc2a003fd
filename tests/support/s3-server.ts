import crypto, { type CipherKey } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * s3rver 3.7 makes ListObjectsV2 continuation tokens with single DES, which Node 17+ (OpenSSL 3)
 * no longer offers: any listing longer than one page fails with "InternalError". Triple DES with
 * the same key three times is single DES, so s3rver's "des" is served by it, in this process
 * only. Delete this when s3rver stops using DES.
 */
function serveSingleDes() {
  if ((crypto.createCipheriv as { d3SingleDes?: true }).d3SingleDes) return;
  const tripled = (key: CipherKey) => Buffer.concat([key, key, key] as Uint8Array[]);
  const desAsTripleDes = (create: typeof crypto.createCipheriv | typeof crypto.createDecipheriv) =>
    Object.assign((algorithm: string, key: CipherKey, ...rest: unknown[]) => Reflect.apply(create, crypto, algorithm === "des" ? ["des-ede3-cbc", tripled(key), ...rest] : [algorithm, key, ...rest]), { d3SingleDes: true });
  Object.defineProperty(crypto, "createCipheriv", { value: desAsTripleDes(crypto.createCipheriv), writable: true, configurable: true });
  Object.defineProperty(crypto, "createDecipheriv", { value: desAsTripleDes(crypto.createDecipheriv), writable: true, configurable: true });
}

export type S3TestServer = {
  /** The settings that point the app at this server (lib/shared/storage). */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/**
 * A real S3-protocol server (s3rver) on a free port of 127.0.0.1 with one empty bucket: for tests
 * of the S3 storage, in-process or shared by app instances started as child processes. Its objects
 * go to a temporary folder, or to `directory`, emptied first: a process that may be killed outright
 * (Playwright's web servers are) cannot clean up after itself, its next run does.
 */
export async function startS3Server({ bucket = "d3-test", directory: fixed }: { bucket?: string; directory?: string } = {}): Promise<S3TestServer> {
  serveSingleDes();
  if (fixed) rmSync(fixed, { recursive: true, force: true });
  const directory = fixed ? (mkdirSync(fixed, { recursive: true }), fixed) : mkdtempSync(path.join(tmpdir(), "d3-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      // s3rver checks signatures against these fixed credentials.
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    stop: async () => {
      try {
        await server.close();
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
