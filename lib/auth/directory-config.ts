import { IDENTITY_VARIABLES, readVariables, type Environment } from "@/lib/shared/env";
import {
  DEFAULT_LDAP_ATTRIBUTES,
  DEFAULT_LDAP_USER_FILTER,
  DEFAULT_OIDC_CLAIMS,
  parseGroupRoles,
  type AttributeMap,
  type GroupRoles,
} from "@/lib/auth/domain/directory";

export type IdentityProvider = "local" | "ldap" | "oidc";

export type LdapSettings = {
  url: string;
  bindDn: string | null;
  bindPassword: string | null;
  baseDn: string;
  userFilter: string;
  caFile: string | null;
  startTls: boolean;
  timeoutMs: number;
  attributes: AttributeMap;
  groupRoles: GroupRoles;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  identifierClaim: string;
  claims: AttributeMap;
  groupRoles: GroupRoles;
};

function read(env: Environment) {
  const result = readVariables(IDENTITY_VARIABLES, env);
  // The same check stopped the server at start (lib/shared/env.ts): reaching this means a script.
  if (!result.ok) throw new Error(result.message);
  return result.values;
}

/** IDENTITY_PROVIDER, « local » when unset (development and demo). */
export function identityProvider(env: Environment = process.env): IdentityProvider {
  return read(env).IDENTITY_PROVIDER ?? "local";
}

/** With an external directory D3 keeps no password: no local reset, no password on new accounts. */
export function usesLocalPasswords(env: Environment = process.env): boolean {
  return identityProvider(env) === "local";
}

/** Where « Mot de passe oublié ? » leads with an external directory: the ENF's own page. */
export function enfPasswordResetUrl(env: Environment = process.env): string | null {
  return usesLocalPasswords(env) ? null : (read(env).ENF_PASSWORD_RESET_URL ?? null);
}

/**
 * Attempts allowed per client address and per 15 minutes, over every identifier: high enough for a
 * centre's learners behind one address, low enough to stop spraying passwords over identifiers.
 */
export const DEFAULT_MAX_ATTEMPTS_PER_IP = 300;

export function maxAttemptsPerIp(env: Environment = process.env): number {
  return Number(read(env).LOGIN_MAX_ATTEMPTS_PER_IP ?? DEFAULT_MAX_ATTEMPTS_PER_IP);
}

function groupRoles(raw: string | undefined): GroupRoles {
  const parsed = parseGroupRoles(raw);
  if (!parsed.ok) throw new Error(`DIRECTORY_GROUP_ROLES : ${parsed.message}.`);
  return parsed.mapping;
}

export function ldapSettings(env: Environment = process.env): LdapSettings {
  const v = read(env);
  if (!v.LDAP_URL || !v.LDAP_BASE_DN) throw new Error("LDAP_URL et LDAP_BASE_DN : requis quand IDENTITY_PROVIDER=ldap.");
  return {
    url: v.LDAP_URL,
    bindDn: v.LDAP_BIND_DN ?? null,
    bindPassword: v.LDAP_BIND_PASSWORD ?? null,
    baseDn: v.LDAP_BASE_DN,
    userFilter: v.LDAP_USER_FILTER ?? DEFAULT_LDAP_USER_FILTER,
    caFile: v.LDAP_CA_FILE ?? null,
    startTls: v.LDAP_STARTTLS === "true",
    timeoutMs: Number(v.LDAP_TIMEOUT_MS ?? 5000),
    attributes: {
      givenName: v.LDAP_ATTR_GIVEN_NAME ?? DEFAULT_LDAP_ATTRIBUTES.givenName,
      surname: v.LDAP_ATTR_SURNAME ?? DEFAULT_LDAP_ATTRIBUTES.surname,
      email: v.LDAP_ATTR_EMAIL ?? DEFAULT_LDAP_ATTRIBUTES.email,
      learnerNumber: v.LDAP_ATTR_LEARNER_NUMBER ?? DEFAULT_LDAP_ATTRIBUTES.learnerNumber,
      groups: v.LDAP_ATTR_GROUPS ?? DEFAULT_LDAP_ATTRIBUTES.groups,
    },
    groupRoles: groupRoles(v.DIRECTORY_GROUP_ROLES),
  };
}

export function oidcSettings(env: Environment = process.env): OidcSettings {
  const v = read(env);
  if (!v.OIDC_ISSUER || !v.OIDC_CLIENT_ID || !v.OIDC_CLIENT_SECRET) throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET : requis quand IDENTITY_PROVIDER=oidc.");
  return {
    issuer: v.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: v.OIDC_CLIENT_ID,
    clientSecret: v.OIDC_CLIENT_SECRET,
    identifierClaim: v.OIDC_CLAIM_IDENTIFIER ?? "preferred_username",
    claims: {
      givenName: v.OIDC_CLAIM_GIVEN_NAME ?? DEFAULT_OIDC_CLAIMS.givenName,
      surname: v.OIDC_CLAIM_SURNAME ?? DEFAULT_OIDC_CLAIMS.surname,
      email: v.OIDC_CLAIM_EMAIL ?? DEFAULT_OIDC_CLAIMS.email,
      learnerNumber: v.OIDC_CLAIM_LEARNER_NUMBER ?? DEFAULT_OIDC_CLAIMS.learnerNumber,
      groups: v.OIDC_CLAIM_GROUPS ?? DEFAULT_OIDC_CLAIMS.groups,
    },
    groupRoles: groupRoles(v.DIRECTORY_GROUP_ROLES),
  };
}
