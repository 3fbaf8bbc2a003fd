import type { Database } from "@/lib/shared/db/database";
import { parseCatalogue } from "@/lib/catalogue/domain/import";
import type { Catalogue } from "@/lib/catalogue/domain/model";
import { searchKey } from "@/lib/shared/text";

export type ImportReport =
  | { ok: true; diplomas: number; requestable: number; units: number; centres: number }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Validates a catalogue file (format of prisma/data/cnam-catalogue.json) and writes it in one
 * transaction: all or nothing. Diplomas, units and centres are upserted; none is deleted, since
 * requests refer to them.
 */
export async function importCatalogue(db: Database, json: unknown): Promise<ImportReport> {
  const parsed = parseCatalogue(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  await writeCatalogue(db, parsed.catalogue);
  const { diplomas, units, centres } = parsed.catalogue;
  return { ok: true, diplomas: diplomas.length, requestable: diplomas.filter((d) => d.requestable).length, units: units.length, centres: centres.length };
}

async function writeCatalogue(db: Database, catalogue: Catalogue): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const centre of catalogue.centres) {
        const data = { name: centre.name, region: centre.region, verified: centre.verified };
        await tx.centre.upsert({ where: { code: centre.code }, create: { code: centre.code, ...data }, update: data });
      }
      for (const unit of catalogue.units) {
        const data = { title: unit.title, ects: unit.ects, kind: unit.kind };
        await tx.catalogueUnit.upsert({ where: { code: unit.code }, create: { code: unit.code, ...data }, update: data });
      }
      for (const diploma of catalogue.diplomas) {
        const data = {
          code: diploma.code,
          version: diploma.version ?? null,
          title: diploma.title,
          requestable: diploma.requestable,
          searchText: searchKey(`${diploma.code ?? ""} ${diploma.title}`),
          definition: JSON.parse(JSON.stringify(diploma)),
          importedAt: new Date(),
        };
        await tx.diploma.upsert({ where: { key: diploma.key }, create: { key: diploma.key, ...data }, update: data });
      }
    },
    { timeout: 60_000 },
  );
}
