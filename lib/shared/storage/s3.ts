import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, paginateListObjectsV2 } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { checkedStorageKey, digesting, isStorageKey, newStorageKey } from "./keys";
import { StorageUnavailableError, type Storage } from "./types";

export type S3Settings = {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, OVH, Scaleway…); AWS itself when absent. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: what MinIO and most test servers need. */
  forcePathStyle: boolean;
  /** Objects per page of a listing: S3's maximum, 1 000, unless a test wants to see several pages. */
  listPageSize?: number;
};

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
}

/**
 * Files as objects of one S3-compatible bucket, shared by every instance of the app. Writes go
 * through a (multipart when large) upload that the service makes visible only once complete, and
 * that is aborted on failure, so a reader never sees half a file either.
 */
export function createS3Storage(settings: S3Settings): Storage {
  const { bucket: Bucket } = settings;
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Since SDK 3.729 every request carries a CRC32 checksum by default, which some S3-compatible
    // services reject; checksums only where the API requires them. The SHA-256 kept with each row
    // verifies contents anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  return {
    async save(content) {
      const storageKey = newStorageKey();
      const { chunks, digest } = digesting(content);
      try {
        await new Upload({ client, params: { Bucket, Key: storageKey, Body: Readable.from(chunks) } }).done();
      } catch (error) {
        throw new StorageUnavailableError("save", error);
      }
      return { storageKey, ...digest() };
    },

    async open(storageKey) {
      const Key = checkedStorageKey(storageKey);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key }));
        // In Node.js the body is the HTTP response itself, read as the caller reads it.
        return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw new StorageUnavailableError("open", error);
      }
    },

    async delete(storageKey) {
      const Key = checkedStorageKey(storageKey);
      try {
        // S3 answers a deletion of a missing object with success as well.
        await client.send(new DeleteObjectCommand({ Bucket, Key }));
      } catch (error) {
        throw new StorageUnavailableError("delete", error);
      }
    },

    /**
     * The bucket's objects under generated keys, a page (ListObjectsV2) at a time. Uploads in
     * progress or aborted are not objects yet: their parts are the bucket lifecycle rule's to clear
     * (AbortIncompleteMultipartUpload, see README).
     */
    async *list() {
      try {
        for await (const page of paginateListObjectsV2({ client, pageSize: settings.listPageSize ?? 1000 }, { Bucket })) {
          for (const object of page.Contents ?? []) {
            // Without a date an object counts as new: never old enough to be removed as an orphan.
            if (isStorageKey(object.Key)) yield { storageKey: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date() };
          }
        }
      } catch (error) {
        throw new StorageUnavailableError("list", error);
      }
    },

    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return { ok: true };
      } catch (error) {
        const { name, code } = error as { name?: string; code?: string };
        return { ok: false, detail: `Compartiment S3 « ${Bucket} » inaccessible (${code ?? name ?? "erreur inconnue"}).` };
      }
    },
  };
}
