/**
 * The details of an audit row as the journal shows them: « action : Remettre le diplôme ; de :
 * Diplôme envoyé au centre ; vers : Diplôme remis », in the screens' words, never the codes stored
 * (transition and state names, roles, statuses) nor internal ids. Pure.
 */
import { ROLE_LABELS, type Role } from "@/lib/auth/domain/policy";
import { STATE_LABELS, TRANSITION_LABELS, type RequestState, type TransitionName } from "@/lib/requests/domain/request-lifecycle";

const DETAIL_LABELS: Record<string, string> = {
  code: "code",
  name: "nom",
  identifier: "identifiant",
  role: "rôle",
  centreCode: "centre",
  active: "actif",
  diplomas: "diplômes",
  units: "unités",
  centres: "centres",
  rows: "lignes",
  learners: "auditeurs",
  emails: "courriels",
  transition: "action",
  from: "de",
  to: "vers",
  comment: "commentaire",
  diplomaNumber: "numéro de diplôme",
  status: "statut",
  reason: "motif",
};

const DOCUMENT_STATUS_LABELS: Record<string, string> = { TRANSMITTED: "transmise", VALIDATED: "validée", REFUSED: "refusée" };

const lookup = (labels: Record<string, string>, value: unknown) => (typeof value === "string" ? labels[value] : undefined);

/** A coded value in words; a code without words is not shown as such (« autre » rather than « closeWithLinkedRequest »). */
function valueText(key: string, value: unknown): string {
  if (value === true) return "oui";
  if (value === false) return "non";
  if (value === null || value === undefined) return "aucun";
  switch (key) {
    case "role":
      return lookup(ROLE_LABELS as Record<Role, string>, value) ?? "autre";
    case "transition":
      return lookup(TRANSITION_LABELS as Record<TransitionName, string>, value) ?? "changement d'étape";
    case "from":
    case "to":
      return lookup(STATE_LABELS as Record<RequestState, string>, value) ?? "autre étape";
    case "status":
      return lookup(DOCUMENT_STATUS_LABELS, value) ?? "autre";
    default:
      return String(value);
  }
}

export function summariseAuditDetails(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  const flat = { ...(details as Record<string, unknown>), ...((details as { changes?: Record<string, unknown> }).changes ?? {}) };
  return Object.entries(flat)
    .filter(([key]) => key in DETAIL_LABELS)
    .map(([key, value]) => `${DETAIL_LABELS[key]} : ${valueText(key, value)}`)
    .join(" ; ");
}
