import { parseDiplomaDefinition } from "./definition";
import { db } from "@/lib/shared/db";
import type { Diploma } from "@/lib/catalogue/domain/model";
import { searchKey } from "@/lib/shared/text";

export type DiplomaSummary = { key: string; code: string | null; version: string | null; title: string; requestable: boolean; compositionVerified: boolean };

const summary = { key: true, code: true, version: true, title: true, requestable: true, definition: true } as const;

/** Diplomas whose code or title contains every word typed (accents and case ignored). */
export async function searchDiplomas(query: string, limit = 30): Promise<DiplomaSummary[]> {
  const words = searchKey(query).split(" ").filter(Boolean).slice(0, 6);
  const rows = await db.diploma.findMany({
    where: { AND: words.map((word) => ({ searchText: { contains: word } })) },
    select: summary,
    orderBy: [{ requestable: "desc" }, { code: "asc" }, { title: "asc" }],
    take: limit,
  });
  return rows.map(({ definition, ...row }) => ({ ...row, compositionVerified: parseDiplomaDefinition(row.key, definition).compositionVerified }));
}

export async function getDiploma(key: string): Promise<Diploma | null> {
  const row = await db.diploma.findUnique({ where: { key }, select: { definition: true } });
  return row ? parseDiplomaDefinition(key, row.definition) : null;
}

export async function unitTitles(codes: readonly string[]): Promise<Map<string, string | null>> {
  const units = await db.catalogueUnit.findMany({ where: { code: { in: [...codes] } }, select: { code: true, title: true } });
  return new Map(units.map((u) => [u.code, u.title]));
}
