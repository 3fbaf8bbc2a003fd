import type { ActorRole, TransitionCommand, TransitionName } from "@/lib/requests/domain/request-lifecycle";

/** A valid command of each type (payloads filled in). */
export function validCommand(type: TransitionName, actorRole: ActorRole, expectedVersion = 3): TransitionCommand {
  const base = { actorRole, expectedVersion };
  switch (type) {
    case "submit":
      return { ...base, type, certified: true };
    case "assign":
      return { ...base, type, assigneeId: "agent-42" };
    case "askForCorrection":
      return { ...base, type, comment: "Attestation employeur manquante" };
    case "forward":
      return { ...base, type, opinion: "FAVOURABLE", comment: "Dossier complet" };
    case "refuse":
      return { ...base, type, reason: "Pièces non conformes" };
    case "decideExperience":
      return { ...base, type, decision: { outcome: "FAVOURABLE" } };
    case "recordConditionNotMet":
      return { ...base, type, reason: "Le rapport de stage ne couvre pas la durée demandée" };
    case "closeWithLinkedRequest":
      return { ...base, type, closure: "REFUSED", reason: "Refus de la demande liée" };
    case "recordEdition":
      return { ...base, type, diplomaNumber: "2025-000123" };
    default:
      return { ...base, type };
  }
}

