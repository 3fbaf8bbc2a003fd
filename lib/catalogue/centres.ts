import { db } from "@/lib/shared/db";

export type CentreOption = { code: string; name: string; region: string };

export function listCentres(): Promise<CentreOption[]> {
  return db.centre.findMany({ select: { code: true, name: true, region: true }, orderBy: { name: "asc" } });
}
