import { db } from "@/lib/shared/db";
import type { Database, Transaction } from "@/lib/shared/db/database";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { importCatalogue, type ImportReport } from "@/lib/catalogue/import-catalogue";
import { can } from "@/lib/requests/domain/staff-policy";
import { ADMIN_ONLY } from "./centres";

export type CatalogueImportReport = ImportReport | { ok: false; message: string; errors: { path: string; message: string }[] };

/**
 * importCatalogue opens its own transaction; this hands it ours instead, so that the catalogue
 * and its audit row commit together. Only `$transaction` is used by importCatalogue on the client.
 */
function withinTransaction(tx: Transaction): Database {
  return { $transaction: (write: (tx: Transaction) => Promise<unknown>) => write(tx) } as unknown as Database;
}

/** The catalogue file of the imports page (format of prisma/data/cnam-catalogue.json): all or nothing. */
export async function importCatalogueFile(actor: AuditActor, text: string): Promise<CatalogueImportReport> {
  if (!can({ role: actor.role, centreCode: null }, "importCatalogue")) return { ok: false, message: ADMIN_ONLY, errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, message: `Le fichier n'est pas un JSON valide : ${(error as Error).message}`, errors: [] };
  }
  return db.$transaction(
    async (tx) => {
      const report = await importCatalogue(withinTransaction(tx), json);
      if (report.ok) await recordAudit(tx, actor, { action: "catalogue.import", details: { diplomas: report.diplomas, units: report.units, centres: report.centres } });
      return report;
    },
    { timeout: 120_000 },
  );
}
