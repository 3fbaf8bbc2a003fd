/**
 * `npm run storage:orphans`: lists the stored files that no row names and the rows whose file is
 * missing, in the configured storage (local folder or S3 bucket, see lib/shared/storage).
 * `npm run storage:orphans -- --delete` also deletes the orphans older than 24 hours. Exits with 1
 * when a row lacks its file or an orphan could not be deleted: something for the operator to see.
 */
import { withDatabase } from "../../../prisma/scripts/with-database";
import { createDatabaseClient } from "../db/database";
import { storage } from "./index";
import { findOrphans, ORPHAN_GRACE_MS, type OrphanReport } from "./orphans";

const GRACE_HOURS = ORPHAN_GRACE_MS / 3_600_000;

function formatReport(report: OrphanReport, remove: boolean): string {
  const lines = [`${report.files} fichier(s) stocké(s), ${report.rows} ligne(s) qui nomment un fichier.`];
  lines.push(`Fichiers orphelins (aucune ligne ne les nomme) : ${report.orphans.length}`);
  for (const file of report.orphans) lines.push(`  ${file.storageKey}  ${file.size} octets  ${file.modifiedAt.toISOString()}`);
  if (remove) {
    lines.push(`Supprimés (plus de ${GRACE_HOURS} h) : ${report.removed.length}`);
    if (report.notRemoved.length > 0) lines.push(`NON supprimés (erreur du stockage, voir le journal) : ${report.notRemoved.join(", ")}`);
    const kept = report.orphans.length - report.removed.length - report.notRemoved.length;
    if (kept > 0) lines.push(`Gardés (moins de ${GRACE_HOURS} h : un envoi peut être en cours) : ${kept}`);
  } else if (report.orphans.length > 0) {
    lines.push(`Pour supprimer ceux de plus de ${GRACE_HOURS} h : npm run storage:orphans -- --delete`);
  }
  lines.push(`Lignes dont le fichier manque : ${report.missing.length}`);
  for (const row of report.missing) lines.push(`  ${row.kind === "document" ? "pièce justificative" : "courrier"} ${row.id}  ${row.storageKey}`);
  return lines.join("\n");
}

async function main(url: string): Promise<void> {
  const options = process.argv.slice(2);
  const remove = options.includes("--delete");
  const unknown = options.filter((option) => option !== "--delete");
  if (unknown.length > 0) {
    console.error(`Option inconnue : ${unknown.join(" ")}. Usage : npm run storage:orphans [-- --delete]`);
    process.exitCode = 1;
    return;
  }
  const db = createDatabaseClient(url);
  try {
    const report = await findOrphans(db, storage(), { remove });
    console.log(formatReport(report, remove));
    if (report.missing.length > 0 || report.notRemoved.length > 0) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void withDatabase(main);
