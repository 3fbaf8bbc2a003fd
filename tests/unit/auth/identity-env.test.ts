import { checkEnvironment } from "@/lib/shared/env";

const LDAP = {
  NODE_ENV: "development",
  IDENTITY_PROVIDER: "ldap",
  LDAP_URL: "ldaps://annuaire.cnam.fr",
  LDAP_BASE_DN: "ou=people,dc=cnam,dc=fr",
  LDAP_BIND_DN: "cn=d3,ou=services,dc=cnam,dc=fr",
  LDAP_BIND_PASSWORD: "secret-de-service",
  ENF_PASSWORD_RESET_URL: "https://enf.cnam.fr/mot-de-passe",
};
const OIDC = { NODE_ENV: "development", IDENTITY_PROVIDER: "oidc", OIDC_ISSUER: "https://login.example.fr/tenant/v2.0", OIDC_CLIENT_ID: "d3", OIDC_CLIENT_SECRET: "s3cr3t", ENF_PASSWORD_RESET_URL: "https://enf.cnam.fr/mdp" };

describe("identity provider configuration (lib/shared/env.ts)", () => {
  test("local by default; a complete LDAP or OIDC configuration passes", () => {
    expect(checkEnvironment({ NODE_ENV: "development" })).toEqual([]);
    expect(checkEnvironment(LDAP)).toEqual([]);
    expect(checkEnvironment(OIDC)).toEqual([]);
    expect(checkEnvironment({ ...LDAP, LDAP_URL: "ldap://127.0.0.1:3890", LDAP_STARTTLS: "true", LDAP_USER_FILTER: "(&(objectClass=person)(uid={identifier}))", DIRECTORY_GROUP_ROLES: "ADMIN=cn=a,dc=x;AGENT_NATIONAL=cn=j,dc=x" })).toEqual([]);
  });
  test("an unknown provider is named", () => {
    expect(checkEnvironment({ NODE_ENV: "development", IDENTITY_PROVIDER: "saml" })).toEqual([expect.stringMatching(/^IDENTITY_PROVIDER : « local », « ldap » ou « oidc » est attendu \(reçu « saml »\)\.$/)]);
  });
  test("what each provider needs is required by name, the ENF's reset page included", () => {
    expect(checkEnvironment({ NODE_ENV: "development", IDENTITY_PROVIDER: "ldap" })).toEqual([
      "LDAP_URL : requis quand IDENTITY_PROVIDER=ldap.",
      "LDAP_BASE_DN : requis quand IDENTITY_PROVIDER=ldap.",
      "ENF_PASSWORD_RESET_URL : requis quand IDENTITY_PROVIDER=ldap.",
    ]);
    expect(checkEnvironment({ NODE_ENV: "development", IDENTITY_PROVIDER: "oidc" })).toHaveLength(4);
  });
  test("wrong values: URL scheme, filter without {identifier}, bind DN without password, unmappable role; secrets never shown", () => {
    expect(checkEnvironment({ ...LDAP, LDAP_URL: "https://annuaire" })).toEqual([expect.stringMatching(/^LDAP_URL : une adresse ldap:\/\/ ou ldaps:\/\//)]);
    expect(checkEnvironment({ ...LDAP, LDAP_USER_FILTER: "(uid=x)" })).toEqual([expect.stringContaining("{identifier}")]);
    expect(checkEnvironment({ ...LDAP, LDAP_USER_FILTER: "uid={identifier}" })).toEqual([expect.stringContaining("entre parenthèses")]);
    expect(checkEnvironment({ ...LDAP, LDAP_BIND_PASSWORD: "" })).toEqual([expect.stringMatching(/^LDAP_BIND_DN et LDAP_BIND_PASSWORD/)]);
    expect(checkEnvironment({ ...LDAP, DIRECTORY_GROUP_ROLES: "AGENT_CENTRE=cn=c" })).toEqual([expect.stringMatching(/^DIRECTORY_GROUP_ROLES/)]);
    expect(checkEnvironment({ ...LDAP, LDAP_ATTR_GIVEN_NAME: "given name" })).toEqual([expect.stringMatching(/^LDAP_ATTR_GIVEN_NAME/)]);
    const secret = checkEnvironment({ ...OIDC, OIDC_ISSUER: "pas-une-adresse" });
    expect(secret).toEqual([expect.stringMatching(/^OIDC_ISSUER/)]);
    expect(checkEnvironment({ ...OIDC, LOGIN_MAX_ATTEMPTS_PER_IP: "0" })).toEqual([expect.stringMatching(/^LOGIN_MAX_ATTEMPTS_PER_IP/)]);
  });
});
