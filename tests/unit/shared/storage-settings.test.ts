import path from "node:path";
import { checkStorage, storageSettings } from "@/lib/shared/storage";

const S3 = { STORAGE_DRIVER: "s3", S3_BUCKET: "pieces", S3_ACCESS_KEY_ID: "identifiant", S3_SECRET_ACCESS_KEY: "secret" };

describe("storage settings", () => {
  test("the local folder by default", () => {
    expect(storageSettings({})).toEqual({ driver: "local", dir: path.resolve(".data/uploads") });
    expect(storageSettings({ STORAGE_DIR: "/srv/d3/pieces" })).toEqual({ driver: "local", dir: "/srv/d3/pieces" });
  });

  test("S3: region us-east-1 and virtual-host addressing unless told otherwise", () => {
    expect(storageSettings(S3)).toEqual({ driver: "s3", bucket: "pieces", region: "us-east-1", endpoint: undefined, accessKeyId: "identifiant", secretAccessKey: "secret", forcePathStyle: false });
    expect(storageSettings({ ...S3, S3_REGION: "gra", S3_ENDPOINT: "https://s3.gra.io.cloud.ovh.net", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({
      region: "gra",
      endpoint: "https://s3.gra.io.cloud.ovh.net",
      forcePathStyle: true,
    });
  });

  test.each(["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("a missing %s is named, in French", (name) => {
    expect(() => storageSettings({ ...S3, [name]: " " })).toThrow(`${name} : requis quand STORAGE_DRIVER=s3.`);
  });

  test("a value that means nothing is refused rather than guessed", () => {
    expect(() => storageSettings({ STORAGE_DRIVER: "ftp" })).toThrow("STORAGE_DRIVER : « local » ou « s3 » est attendu (reçu « ftp »).");
    expect(() => storageSettings({ ...S3, S3_FORCE_PATH_STYLE: "oui" })).toThrow("S3_FORCE_PATH_STYLE : « true » ou « false » est attendu (reçu « oui »).");
  });

  test("the health probe reports a setting that is missing instead of throwing", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { ...S3, S3_BUCKET: "" });
    try {
      expect(await checkStorage()).toEqual({ ok: false, detail: "S3_BUCKET : requis quand STORAGE_DRIVER=s3." });
    } finally {
      process.env = saved;
    }
  });
});
