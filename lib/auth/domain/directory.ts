import type { Role } from "./policy";
import { checkIdentifier } from "./identifier";

/**
 * What D3 learns about a person from the ENF directory (LDAP entry or OpenID Connect claims),
 * once the directory has accepted their password, and what D3 does with it. Pure: the directories
 * themselves are in lib/auth/ldap-directory.ts and lib/auth/auth-options.ts.
 */
export type DirectoryPerson = {
  identifier: string;
  givenName: string | null;
  surname: string | null;
  email: string | null;
  learnerNumber: string | null;
  groups: string[];
};

/** The result of asking a directory to check an identifier and a password. */
export type Authentication =
  | { status: "accepted"; person: DirectoryPerson }
  // Unknown entry or wrong password: the same answer, so the form never tells which.
  | { status: "rejected" }
  // The directory could not be reached or answered an error: nothing was checked.
  | { status: "unavailable" };

/** Which attribute (LDAP) or claim (OIDC) holds each piece, with the defaults of the README. */
export type AttributeMap = { givenName: string; surname: string; email: string; learnerNumber: string; groups: string };

export const DEFAULT_LDAP_ATTRIBUTES: AttributeMap = { givenName: "givenName", surname: "sn", email: "mail", learnerNumber: "employeeNumber", groups: "memberOf" };
export const DEFAULT_OIDC_CLAIMS: AttributeMap = { givenName: "given_name", surname: "family_name", email: "email", learnerNumber: "learner_number", groups: "groups" };

export const DEFAULT_LDAP_USER_FILTER = "(uid={identifier})";

/**
 * RFC 4515 escaping of a value placed in a search filter, so that an identifier can never change
 * the filter (« * », parentheses, backslash, NUL). The identifier's format check already refuses
 * them; this is the second lock.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** The configured filter with every {identifier} replaced by the escaped identifier. */
export function userFilter(template: string, identifier: string): string {
  return template.split("{identifier}").join(escapeFilterValue(identifier));
}

/** A filter template is usable when it is parenthesised and names the identifier. */
export function checkUserFilter(template: string): string | null {
  if (!template.includes("{identifier}")) return "le filtre doit contenir {identifier}, par exemple (uid={identifier})";
  if (!template.startsWith("(") || !template.endsWith(")")) return "le filtre doit être entre parenthèses, par exemple (uid={identifier})";
  return null;
}

type Value = string | string[] | Buffer | Buffer[] | unknown;

function firstText(value: Value): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() || null;
  if (Buffer.isBuffer(first)) return first.toString("utf8").trim() || null;
  if (typeof first === "number") return String(first);
  return null;
}

function allTexts(value: Value): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.map((v) => firstText(v)).filter((v): v is string => v !== null);
}

/** Reads an entry's attributes (or a token's claims) through the map; names compare case-insensitively, as LDAP does. */
export function personFrom(identifier: string, attributes: Record<string, unknown>, map: AttributeMap): DirectoryPerson {
  const lower = new Map(Object.entries(attributes).map(([key, value]) => [key.toLowerCase(), value]));
  const read = (name: string) => lower.get(name.toLowerCase());
  return {
    identifier,
    givenName: firstText(read(map.givenName)),
    surname: firstText(read(map.surname)),
    email: firstText(read(map.email)),
    learnerNumber: firstText(read(map.learnerNumber)),
    groups: allTexts(read(map.groups)),
  };
}

export function displayNameOf(person: DirectoryPerson): string {
  const name = [person.givenName, person.surname].filter(Boolean).join(" ");
  return name || person.identifier;
}

/**
 * Optional mapping of directory groups to D3 roles, for staff accounts opened at first login:
 * « ADMIN=cn=d3-admins,ou=groups,dc=cnam,dc=fr;AGENT_NATIONAL=cn=jury,ou=groups,dc=cnam,dc=fr ».
 * Centre agents need a centre, which only D3's administration gives: they cannot be mapped.
 */
export type GroupRoles = { role: Exclude<Role, "AUDITEUR" | "AGENT_CENTRE">; group: string }[];
const MAPPABLE = ["ADMIN", "AGENT_NATIONAL"] as const;

export function parseGroupRoles(raw: string | undefined): { ok: true; mapping: GroupRoles } | { ok: false; message: string } {
  if (!raw?.trim()) return { ok: true, mapping: [] };
  const mapping: GroupRoles = [];
  for (const part of raw.split(";").map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf("=");
    const role = part.slice(0, at).trim();
    const group = part.slice(at + 1).trim();
    if (at < 0 || !group) return { ok: false, message: `« ${part} » : la forme RÔLE=groupe est attendue, par exemple ADMIN=cn=d3-admins,ou=groups,dc=cnam,dc=fr` };
    if (!(MAPPABLE as readonly string[]).includes(role)) return { ok: false, message: `« ${role} » : seuls ADMIN et AGENT_NATIONAL peuvent venir d'un groupe (un gestionnaire de centre est créé dans l'administration de D3)` };
    mapping.push({ role: role as GroupRoles[number]["role"], group });
  }
  return { ok: true, mapping };
}

/** The highest role the person's groups give (groups compare case-insensitively, as DNs do), if any. */
export function roleFromGroups(groups: readonly string[], mapping: GroupRoles): GroupRoles[number]["role"] | null {
  const held = new Set(groups.map((g) => g.toLowerCase()));
  for (const role of MAPPABLE) {
    if (mapping.some((m) => m.role === role && held.has(m.group.toLowerCase()))) return role;
  }
  return null;
}

export type ExistingAccount = { id: string; role: Role; active: boolean };

/**
 * What a login accepted by the directory does in D3:
 * - an existing active account: opened (its role stays the one D3's administration gave);
 * - an existing disabled account: refused, even though the directory accepted the password;
 * - no account, learner identifier: a learner account is opened (then « Compléter mon profil »);
 * - no account, staff identifier: opened with the role its groups map to, else refused: staff
 *   accounts are opened in D3's administration.
 */
export type AccountDecision =
  | { kind: "open"; userId: string }
  | { kind: "provision"; role: Role }
  | { kind: "disabled" }
  | { kind: "staff-unknown" };

export function accountDecision(identifier: string, existing: ExistingAccount | null, groups: readonly string[], mapping: GroupRoles): AccountDecision {
  if (existing) return existing.active ? { kind: "open", userId: existing.id } : { kind: "disabled" };
  const checked = checkIdentifier(identifier);
  if (checked.ok && checked.kind === "learner") return { kind: "provision", role: "AUDITEUR" };
  const role = roleFromGroups(groups, mapping);
  return role ? { kind: "provision", role } : { kind: "staff-unknown" };
}

