/**
 * `npm run backup`: the database (pg_dump, custom format) then the uploaded files, into
 * BACKUP_DIR/<time>/ (default .data/backups) with a manifest. Safe while the service runs: see
 * lib/shared/backup.ts for why the order (database first, files second) matters.
 */
import path from "node:path";
import { backupStorageFrom, takeBackup } from "../../lib/shared/backup";
import { withDatabase } from "./with-database";

void withDatabase(async (url) => {
  const { folder, manifest } = await takeBackup({ databaseUrl: url, backupDir: process.env.BACKUP_DIR || path.join(".data", "backups"), storage: backupStorageFrom(process.env) });
  console.log(`Sauvegarde terminée : ${folder}`);
  console.log(`  base de données : ${manifest.database.bytes} octets, sha256 ${manifest.database.sha256}`);
  if (manifest.storage.driver === "local") console.log(`  fichiers : ${manifest.storage.files} (${manifest.storage.bytes} octets)`);
  else console.log(`  fichiers sur S3 : non copiés ; pour restaurer, ramenez le bucket (versionné) à ${manifest.storage.rollBackBucketTo}`);
});
