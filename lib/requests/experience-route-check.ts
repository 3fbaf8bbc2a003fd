import type { Transaction } from "@/lib/shared/db/database";
import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { routeProblem } from "@/lib/catalogue/domain/experience";

/** Checked at submission and resubmission: the route the rule needs, if it is not chosen. */
export async function experienceRouteProblem(tx: Transaction, analysisId: string): Promise<string | null> {
  const row = await tx.request.findUnique({ where: { id: analysisId }, select: { experienceRoute: true, diploma: { select: { key: true, definition: true } } } });
  if (!row) return null;
  return routeProblem(parseDiplomaDefinition(row.diploma.key, row.diploma.definition).experience, row.experienceRoute);
}
