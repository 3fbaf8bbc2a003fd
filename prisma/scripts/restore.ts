/**
 * `npm run restore -- <backup folder> [--force]`: into the EMPTY database of DATABASE_URL
 * (refused otherwise; --force replaces what the backup contains), then the files into STORAGE_DIR.
 * Reports the rows whose file is missing. Stop the application first.
 */
import { backupStorageFrom, restoreBackup } from "../../lib/shared/backup";
import { withDatabase } from "./with-database";

const args = process.argv.slice(2);
const force = args.includes("--force");
const folder = args.find((arg) => !arg.startsWith("--"));

if (!folder) {
  console.error("Usage : npm run restore -- <dossier de sauvegarde> [--force]   (par exemple .data/backups/2026-11-30T02-50-01.123Z)");
  process.exit(2);
}

void withDatabase(async (url) => {
  const report = await restoreBackup({ folder, databaseUrl: url, storage: backupStorageFrom(process.env), force });
  console.log(`Restauration terminée : ${report.tables} tables et séquences, ${report.files} fichiers remis en place.`);
  if (report.rollBackBucketTo) console.log(`Fichiers sur S3 : ramenez le bucket (versionné) à son état du ${report.rollBackBucketTo}.`);
  if (report.rowsWithoutFile.length > 0) {
    console.log(`${report.rowsWithoutFile.length} ligne(s) sur ${report.documentRows} sans leur fichier (supprimées pendant la sauvegarde) : ${report.rowsWithoutFile.join(", ")}`);
  }
});
