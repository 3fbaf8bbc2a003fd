import { diplomaSchema } from "@/lib/catalogue/domain/model-schema";
import type { Diploma } from "@/lib/catalogue/domain/model";
import { log } from "@/lib/shared/log";
import { UnreadableDataError } from "@/lib/shared/result";

/**
 * The one reader of Diploma.definition, a JSON column written by the catalogue import: parsed with
 * the model's schema, so that a corrupt row is logged with its key and stops the use case with a
 * clear message rather than failing somewhere inside the eligibility rules.
 */
export function parseDiplomaDefinition(diplomaKey: string, definition: unknown): Diploma {
  const parsed = diplomaSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  log.error({ event: "catalogue.definition_unreadable", diplomaKey, issues: parsed.error.issues.slice(0, 5) }, "Diploma.definition does not match the catalogue model");
  throw new UnreadableDataError(`La définition du diplôme ${diplomaKey} dans le catalogue est illisible : rien n'a été modifié. Signalez-le à l'administration, qui réimportera le catalogue.`);
}

const parsed = new Map<string, { text: string; diploma: Diploma }>();

/**
 * parseDiplomaDefinition for the column as text, remembered per diploma while that text stays the
 * same (a new import changes it): the request page reads its diploma's definition on each view, and
 * parsing it (JSON, then the model's schema) cost more than the rest of its data. The definition
 * given is shared between requests, so it is frozen: reading it is all anyone does.
 */
export function diplomaDefinitionFromText(diplomaKey: string, text: string): Diploma {
  const known = parsed.get(diplomaKey);
  if (known?.text === text) return known.diploma;
  const diploma = deepFreeze(parseDiplomaDefinition(diplomaKey, JSON.parse(text)));
  parsed.set(diplomaKey, { text, diploma });
  return diploma;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
