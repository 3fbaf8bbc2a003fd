import { LETTER_VARIABLES, readVariables, type Environment } from "@/lib/shared/env";
import type { Decision } from "./decision";

/**
 * What a decision letter prints beyond the decision: who signs it and, for a decision the learner
 * may contest, the appeal routes and deadlines. Configurable (LETTER_SIGNATORY_NAME,
 * LETTER_SIGNATORY_TITLE, LETTER_APPEAL_TEXT), with defaults that a Cnam service can send as is.
 */

export type Signatory = { name: string; title: string };
export type LetterSettings = { national: Signatory; appealText: string };

export const DEFAULT_SIGNATORY: Signatory = {
  name: "Le chef du service national des diplômes",
  title: "Pour l'administrateur général du Conservatoire national des arts et métiers et par délégation",
};

/**
 * Code des relations entre le public et l'administration (art. L411-2, L411-7, L231-4) and code de
 * justice administrative (art. R421-1, R421-2, R414-6): two months from notification, a gracious
 * appeal to the author's authority (the administrateur général, who delivers the Cnam's diplomas)
 * keeps the litigation deadline open; the Paris administrative court has jurisdiction over the Cnam's seat.
 */
export const DEFAULT_APPEAL_TEXT =
  "Voies et délais de recours : si vous contestez cette décision, vous pouvez, dans un délai de deux mois à compter de sa réception, " +
  "former un recours gracieux auprès de l'administrateur général du Conservatoire national des arts et métiers (292 rue Saint-Martin, 75141 Paris Cedex 03), " +
  "ou un recours contentieux devant le tribunal administratif de Paris (7 rue de Jouy, 75181 Paris Cedex 04), qui peut aussi être saisi par l'application " +
  "Télérecours citoyens (www.telerecours.fr). Le recours gracieux prolonge le délai du recours contentieux : celui-ci court à nouveau pendant deux mois " +
  "à compter de la réponse de l'administration ; l'absence de réponse pendant deux mois vaut rejet.";

/** The settings from the environment (checked at start by lib/shared/env.ts), or the defaults. */
export function letterSettings(env: Environment = process.env): LetterSettings {
  const read = readVariables(LETTER_VARIABLES, env);
  const values = read.ok ? read.values : {};
  return {
    national: { name: values.LETTER_SIGNATORY_NAME ?? DEFAULT_SIGNATORY.name, title: values.LETTER_SIGNATORY_TITLE ?? DEFAULT_SIGNATORY.title },
    appealText: values.LETTER_APPEAL_TEXT ?? DEFAULT_APPEAL_TEXT,
  };
}

/** A decision the learner may wish to contest: a refusal, an unfavourable or conditional opinion. */
export function isContestable(decision: Decision): boolean {
  return decision.kind === "REFUSED" || decision.kind === "EXPERIENCE_UNFAVOURABLE" || decision.kind === "EXPERIENCE_FAVOURABLE_WITH_CONDITION";
}

/**
 * Who signs: a centre's refusal is signed by the agent who recorded it (name from the history row),
 * for the director of the centre; every other decision by the configured national signatory.
 */
export function signatoryOf(decision: Decision, settings: LetterSettings, centreName: string, agentName: string | null): Signatory {
  if (decision.kind === "REFUSED" && decision.by === "CENTRE") {
    return { name: agentName ?? "Le gestionnaire du centre", title: `Pour le directeur du centre d'inscription ${centreName} et par délégation` };
  }
  return settings.national;
}
