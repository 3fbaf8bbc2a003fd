import { identityProvider, ldapSettings } from "./directory-config";
import { localDirectory, type IdentityDirectory } from "./identity";
import { ldapDirectory } from "./ldap-directory";

/**
 * The directory that checks passwords typed in D3's login form: D3's own accounts or the ENF's
 * LDAP directory. With OpenID Connect the form is not used: null.
 */
export function passwordDirectory(): IdentityDirectory | null {
  const provider = identityProvider();
  if (provider === "local") return localDirectory;
  if (provider === "oidc") return null;
  return ldapDirectory(ldapSettings());
}
