import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCatalogue } from "@/lib/catalogue/domain/import";
import { catalogueSourceSchema } from "@/lib/catalogue/domain/source-schema";
import type { HelpData } from "./data-blocks";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/**
 * The catalogue the application imports; the help reads the same file, so both say the same thing.
 * The path is written out in full (not passed in) so that the bundler ships exactly this file.
 */
export function readHelpData(): HelpData {
  const json: unknown = JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "data", "cnam-catalogue.json"), "utf8"));
  const parsed = parseCatalogue(json);
  if (!parsed.ok) throw new Error(`Catalogue illisible pour l'aide : ${parsed.errors.map((e) => `${e.path} ${e.message}`).join(" ; ")}`);
  // The model keeps neither the notes on centres (where contacts are) nor the sources of the rules.
  const source = catalogueSourceSchema.parse(json);
  const { diplomas } = parsed.catalogue;

  return {
    centres: source.centres.map((centre) => {
      const email = EMAIL.exec(centre.note ?? "")?.[0];
      return { name: centre.name, region: centre.region, ...(email ? { email } : {}) };
    }),
    experienceRules: diplomas.flatMap((diploma, index) => {
      const rule = diploma.experience;
      if (!diploma.requestable || diploma.code === null || rule.kind !== "required") return [];
      return [
        {
          diplomaCode: diploma.code,
          diplomaTitle: diploma.title,
          diplomaKind: diploma.kind,
          ruleText: rule.ruleText,
          alternativeText: rule.alternativeText,
          sources: source.diplomas[index]?.ep.duration_sources ?? [],
        },
      ];
    }),
    diplomasWithoutAnalysis: diplomas.filter((d) => d.experience.kind === "excluded").map((d) => (d.code ? `${d.code} – ${d.title}` : d.title)),
  };
}
