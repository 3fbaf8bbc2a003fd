import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

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
