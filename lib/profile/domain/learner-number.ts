/**
 * The learner number is what the results import credits, so it is never taken on the learner's
 * word. A profile holds the number the learner declared; results attach only to a confirmed
 * number: given by the ENF's directory, or checked by an agent of the learner's centre.
 */

export type LearnerNumberStatus = "confirmed" | "pending";

/** Confirmed only when the confirmation is for the number the profile declares now. */
export function learnerNumberStatus(declared: string, confirmed: string | null | undefined): LearnerNumberStatus {
  return confirmed !== null && confirmed !== undefined && confirmed === declared ? "confirmed" : "pending";
}

/** A number given by the directory confirms the declared one when they are the same. */
export function confirmedByDirectory(declared: string, directoryNumber: string | null | undefined): boolean {
  return typeof directoryNumber === "string" && directoryNumber.trim() !== "" && directoryNumber.trim() === declared;
}

/** Who may confirm a learner's number: an agent of the learner's centre (it holds the records). */
export function mayConfirmLearnerNumber(agent: { role: string; centreCode: string | null }, learnerCentreCode: string): boolean {
  return agent.role === "AGENT_CENTRE" && agent.centreCode !== null && agent.centreCode === learnerCentreCode;
}

export const LEARNER_NUMBER_PENDING_TEXT =
  "En attente de confirmation par votre centre d'inscription : vos résultats s'afficheront une fois votre numéro confirmé.";
