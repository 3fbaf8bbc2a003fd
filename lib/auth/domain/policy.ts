/**
 * Who may enter which space. Pages, route handlers and server actions all ask this module (through
 * lib/auth/session.ts); proxy.ts only makes a coarse, early redirect for anonymous visitors.
 */
export const ROLES = ["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  AUDITEUR: "Auditeur",
  AGENT_CENTRE: "Gestionnaire de centre",
  AGENT_NATIONAL: "Agent national / jury",
  ADMIN: "Administrateur",
};

export type Space = "auditeur" | "centre" | "national" | "admin";

const SPACE_ROLES: Record<Space, readonly Role[]> = {
  auditeur: ["AUDITEUR"],
  centre: ["AGENT_CENTRE"],
  national: ["AGENT_NATIONAL"],
  admin: ["ADMIN"],
};

export const SPACE_PATHS: Record<Space, string> = {
  auditeur: "/auditeur",
  centre: "/centre",
  national: "/national",
  admin: "/admin",
};

export function canEnter(role: Role, space: Space): boolean {
  return SPACE_ROLES[space].includes(role);
}

export function isStaff(role: Role): boolean {
  return role !== "AUDITEUR";
}

/** Where a user lands after logging in (a learner with an incomplete profile is sent on by requireUser). */
const HOME_SPACE: Record<Role, Space> = { AUDITEUR: "auditeur", AGENT_CENTRE: "centre", AGENT_NATIONAL: "national", ADMIN: "admin" };

export function homePath(role: Role): string {
  return SPACE_PATHS[HOME_SPACE[role]];
}

/** Paths that need a session; everything else (home, Aide, login, reset) is public. */
export const PROTECTED_PREFIXES = ["/espace", "/auditeur", "/demandes", "/documents", "/notifications", "/centre", "/national", "/admin", "/profil"] as const;

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + "/"));
}
