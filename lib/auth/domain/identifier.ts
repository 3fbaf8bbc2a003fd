/**
 * ENF identifiers: `prenom.nom.auditeur` for learners, `prenom.nom` for staff. Compared in lower
 * case. Names may hold hyphens (jean-pierre) and a trailing number for namesakes (dupont2).
 */
const NAME = "[a-z]+(?:-[a-z]+)*";
const LEARNER = new RegExp(`^${NAME}\\.${NAME}\\d*\\.auditeur$`);
const STAFF = new RegExp(`^${NAME}\\.${NAME}\\d*$`);

export type IdentifierCheck = { ok: true; identifier: string; kind: "learner" | "staff" } | { ok: false; message: string };

/** Said on the login page, shared by learners and staff: both forms. */
export const IDENTIFIER_FORMAT_HELP = "Votre identifiant est de la forme prenom.nom.auditeur pour les auditeurs et auditrices, prenom.nom pour les personnels du Cnam (sans accent ni espace).";

export function normaliseIdentifier(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkIdentifier(raw: string): IdentifierCheck {
  const identifier = normaliseIdentifier(raw);
  if (identifier === "") return { ok: false, message: "Saisissez votre identifiant." };
  if (/\s/.test(identifier)) return { ok: false, message: "L'identifiant ne contient pas d'espace. " + IDENTIFIER_FORMAT_HELP };
  if (identifier.normalize("NFD") !== identifier || /[^\x00-\x7f]/.test(identifier)) {
    return { ok: false, message: "L'identifiant ne contient pas d'accent ni de caractère spécial (écrivez « e » pour « é », « c » pour « ç »). " + IDENTIFIER_FORMAT_HELP };
  }
  if (identifier.length > 100) return { ok: false, message: "Cet identifiant est trop long. " + IDENTIFIER_FORMAT_HELP };
  if (LEARNER.test(identifier)) return { ok: true, identifier, kind: "learner" };
  // "dupont.auditeur" is a learner identifier missing its first name, not a staff one.
  if (STAFF.test(identifier) && !identifier.endsWith(".auditeur")) return { ok: true, identifier, kind: "staff" };
  return { ok: false, message: "Identifiant mal formé. " + IDENTIFIER_FORMAT_HELP };
}
