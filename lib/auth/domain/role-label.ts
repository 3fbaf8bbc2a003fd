import { ROLE_LABELS, type Role } from "./policy";

export type Civility = "MADAME" | "MONSIEUR";

/**
 * How the header names the user's role: a woman learner is « Auditrice ». Before the profile is
 * filled in (no civility yet), the neutral « Auditeur ou auditrice ». Staff keep their function.
 */
export function roleLabelFor(role: Role, civility: Civility | null): string {
  if (role !== "AUDITEUR") return ROLE_LABELS[role];
  if (civility === "MADAME") return "Auditrice";
  if (civility === "MONSIEUR") return "Auditeur";
  return "Auditeur ou auditrice";
}
