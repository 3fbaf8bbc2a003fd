import type { ExperienceRule } from "@/lib/catalogue/domain/model";
import { findEdge, type LinkedClosure } from "./commands";
import { isOpen, type ExperienceMode, type RequestKind, type RequestState } from "./request-lifecycle";

/**
 * How a diploma request and the experience analysis it relies on live together, so that no path
 * leaves one of them open with nobody able to act on it. Pure: no Next, no Prisma.
 *
 * - A diploma request and its joint analysis (mode CONJOINTE) live and die together: the refusal
 *   or the withdrawal of either closes the other, with the same reason.
 * - A diploma request may instead rely on the learner's anticipated analysis (Request.linkedAnalysisId):
 *   that analysis has a life of its own (closing the diploma request leaves it alone), but when it
 *   ends without a favourable opinion the diploma request cannot be validated, so it closes too.
 * - An unfavourable opinion (or a condition not met) ends the analysis and, with it, the diploma request.
 */

export type LinkedRequest = { id: string; kind: RequestKind; mode: ExperienceMode | null; state: RequestState };

/** The closure a request's end brings to the requests that live with it; null when it brings none (a favourable end). */
export function closureFor(to: RequestState): LinkedClosure | null {
  if (to === "WITHDRAWN") return "WITHDRAWN";
  if (to === "REFUSED" || to === "UNFAVOURABLE") return "REFUSED";
  return null;
}

/**
 * The requests to close with `closed`: for a diploma request, its joint analysis (never an
 * anticipated one, which stands alone); for an analysis, the diploma requests that rely on it.
 * Only requests the closure applies to (lib/requests/domain/commands.ts): submitted and undecided.
 */
export function requestsToClose(closed: { kind: RequestKind }, related: readonly LinkedRequest[]): LinkedRequest[] {
  return related.filter((other) => {
    // A draft is the learner's; a closed request stays closed; a validated diploma is past the point where its experience matters.
    if (!findEdge(other.kind, other.state, "closeWithLinkedRequest")) return false;
    return closed.kind === "DIPLOMA" ? other.kind === "EXPERIENCE" && other.mode === "CONJOINTE" : other.kind === "DIPLOMA";
  });
}

const WHAT: Record<RequestKind, string> = {
  DIPLOMA: "la demande de délivrance de diplôme",
  EXPERIENCE: "la demande d'analyse de l'expérience professionnelle",
};

/**
 * Why the linked request closes, as the learner reads it in its history and notification: what
 * ended, the reason given, and what the learner can do next.
 */
export function linkedClosureReason(closed: { kind: RequestKind; number: string | null; to: RequestState }, reason: string | null | undefined): string {
  const which = `${WHAT[closed.kind]}${closed.number ? ` n° ${closed.number}` : ""}`;
  const cause =
    closed.to === "WITHDRAWN"
      ? `Vous avez abandonné ${which}.`
      : closed.to === "UNFAVOURABLE"
        ? `Avis défavorable sur ${which}.`
        : `Refus de ${which}.`;
  const motive = reason?.trim() ? ` Motif : ${reason.trim()}` : "";
  const next =
    closed.kind === "EXPERIENCE" && closed.to !== "WITHDRAWN"
      ? " Sans expérience professionnelle validée, le diplôme ne peut pas être délivré : renseignez-vous auprès de votre centre d'inscription (nouvelle expérience, stage), puis faites une nouvelle demande à partir de celle-ci."
      : " Vous pouvez faire une nouvelle demande à partir de celle-ci : vos expériences et vos pièces seront reprises.";
  return `${cause}${motive}${next}`;
}

/**
 * Which anticipated analysis a new diploma request relies on instead of a joint one: one under way
 * (submitted, not closed), or a favourable one when the rule names no experience unit (its opinion
 * is then the only proof). A favourable opinion that credited the units needs no link: the
 * learner's results show them.
 */
export function anticipatedAnalysisToLink<A extends { state: RequestState; mode: ExperienceMode | null }>(
  analyses: readonly A[],
  rule: ExperienceRule,
): A | null {
  const namesUnits = rule.kind !== "excluded" && rule.unitCodes.length > 0;
  return (
    analyses.find((analysis) => analysis.mode === "ANTICIPEE" && analysis.state !== "DRAFT" && (isOpen(analysis.state) || (analysis.state === "FAVOURABLE" && !namesUnits))) ??
    null
  );
}

/**
 * Is a diploma request's experience requirement met? By the learner's results (the experience
 * units obtained, or the diploma excluded from the analysis), or, for a rule that names no unit,
 * by the favourable opinion on the analysis it relies on. A favourable opinion that credited only
 * some units (the engineer's UAEP04 without UAEP03) does not meet it.
 */
export function experienceRequirementMet(experience: "missing" | string | null, analysisState: RequestState | null, rule: ExperienceRule | null): boolean {
  if (experience !== null && experience !== "missing") return true;
  const namesUnits = rule !== null && rule.kind !== "excluded" && rule.unitCodes.length > 0;
  return analysisState === "FAVOURABLE" && !namesUnits;
}

/**
 * The units a favourable opinion (with or without condition) names: a choice among the rule's
 * units, at least one when the rule names any; an error message for the "units" field otherwise.
 */
export function checkCreditedUnits(rule: ExperienceRule, units: readonly string[]): { ok: true; units: string[] } | { ok: false; message: string } {
  const codes = rule.kind === "excluded" ? [] : rule.unitCodes;
  const named = [...new Set(units.map((unit) => unit.trim()).filter(Boolean))];
  const unknown = named.filter((unit) => !codes.includes(unit));
  if (unknown.length > 0) return { ok: false, message: `Unité inconnue pour ce diplôme : ${unknown.join(", ")}. Choisissez parmi ${codes.join(", ") || "aucune"}.` };
  if (codes.length > 0 && named.length === 0) return { ok: false, message: "Cochez les unités d'expérience que la décision valide." };
  return { ok: true, units: codes.filter((code) => named.includes(code)) };
}

/** The named units the learner does not hold yet: those the decision writes in the results. */
export function unitsToCredit(named: readonly string[], held: ReadonlySet<string>): string[] {
  return named.filter((code) => !held.has(code));
}

/**
 * What a diploma request's page says of its joint analysis for the validation: that it waits for
 * the jury's favourable opinion only while that opinion is to come; once given, whether it meets
 * the experience requirement (`requirementMet`, computed by the caller, null when unknown); under
 * condition, that the internship must be checked first. Nothing once the analysis is closed
 * otherwise: its state is shown beside.
 */
export function jointAnalysisNote(analysisState: RequestState, requirementMet: boolean | null): string | null {
  switch (analysisState) {
    case "FAVOURABLE":
      if (requirementMet === false) return "Le jury a rendu un avis favorable sur cette analyse, mais il ne valide pas toutes les unités d'expérience du diplôme : l'exigence d'expérience professionnelle n'est pas satisfaite.";
      return "Le jury a rendu un avis favorable sur cette analyse : l'exigence d'expérience professionnelle est satisfaite.";
    case "FAVOURABLE_WITH_CONDITION":
    case "CONDITION_REVIEW":
      return "Le jury a rendu un avis favorable sous condition de stage : le diplôme pourra être validé une fois le stage vérifié par le centre.";
    case "UNFAVOURABLE":
    case "REFUSED":
    case "WITHDRAWN":
      return null;
    default:
      return "Le diplôme ne peut être validé qu'après un avis favorable du jury sur cette analyse.";
  }
}
