import { db } from "@/lib/shared/db";
import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { chosenRoute } from "@/lib/catalogue/domain/experience";
import { isEditableByLearner } from "@/lib/requests/domain/request-access";
import { NOT_FOUND, type Actor } from "./transition";
import { NOT_EDITABLE, editAnalysis, findOwnedAnalysis, type Failure } from "./learner-requests";

/**
 * The access route the learner says applies, where the diploma's experience rule has several (the
 * licence: direct access to L3, or the full L1–L3 route). Stored on the analysis
 * (Request.experienceRoute), it picks the durations the experience is compared with, and an
 * analysis cannot be submitted without it.
 */
export async function chooseExperienceRoute(learner: Actor, requestId: string, route: unknown): Promise<{ ok: true } | Failure> {
  const analysis = await findOwnedAnalysis(learner, requestId);
  if (!analysis) return NOT_FOUND;
  if (!isEditableByLearner(analysis.state)) return NOT_EDITABLE;
  const diploma = await db.diploma.findUnique({ where: { key: analysis.diplomaKey }, select: { key: true, definition: true } });
  const rule = diploma ? parseDiplomaDefinition(diploma.key, diploma.definition).experience : null;
  if (!rule || rule.kind !== "required" || !rule.routes) return { ok: false, message: "Ce diplôme n'a qu'une règle d'expérience : aucun parcours à choisir." };
  const chosen = typeof route === "string" ? chosenRoute(rule, route) : null;
  if (!chosen) return { ok: false, message: "Le parcours n'a pas été enregistré.", fieldErrors: { route: "Choisissez votre parcours dans la liste." } };
  return editAnalysis(analysis.id, async (tx): Promise<{ ok: true }> => {
    await tx.request.update({ where: { id: analysis.id }, data: { experienceRoute: chosen.id } });
    return { ok: true };
  });
}
