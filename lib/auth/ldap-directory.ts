import { readFileSync } from "node:fs";
import { Client, InvalidCredentialsError, SizeLimitExceededError } from "ldapts";
import { log } from "@/lib/shared/log";
import { personFrom, userFilter, type Authentication } from "@/lib/auth/domain/directory";
import type { LdapSettings } from "./directory-config";
import type { IdentityDirectory } from "./identity";

/**
 * The ENF's LDAP directory: a service account (LDAP_BIND_DN) searches the entry of the identifier
 * (LDAP_USER_FILTER under LDAP_BASE_DN), then a bind as that entry checks the password. ldaps://
 * or StartTLS, with the directory's certificate checked against LDAP_CA_FILE when given (the
 * system's authorities otherwise). D3 keeps no password: only the attributes it needs come back.
 */
export function ldapDirectory(settings: LdapSettings): IdentityDirectory {
  const tlsOptions = () => (settings.caFile ? { ca: [readFileSync(settings.caFile)] } : {});
  const ldaps = settings.url.startsWith("ldaps://");
  // ldapts opens a TLS socket whenever tlsOptions are given: only for ldaps://, StartTLS takes its own.
  const client = () => new Client({ url: settings.url, timeout: settings.timeoutMs, connectTimeout: settings.timeoutMs, ...(ldaps ? { tlsOptions: tlsOptions() } : {}) });
  const { attributes } = settings;

  async function open(): Promise<Client> {
    const c = client();
    if (settings.startTls && !ldaps) await c.startTLS(tlsOptions());
    return c;
  }

  return {
    async authenticate(identifier, password): Promise<Authentication> {
      // A simple bind with an empty password is an anonymous bind, which succeeds: never send one.
      if (!password) return { status: "rejected" };
      let search: Client | null = null;
      let user: Client | null = null;
      try {
        search = await open();
        if (settings.bindDn) await search.bind(settings.bindDn, settings.bindPassword ?? "");
        const entries = await search
          .search(settings.baseDn, {
            scope: "sub",
            filter: userFilter(settings.userFilter, identifier),
            attributes: [attributes.givenName, attributes.surname, attributes.email, attributes.learnerNumber, attributes.groups],
            sizeLimit: 2,
          })
          .then(({ searchEntries }) => searchEntries)
          // More entries than the limit: an ambiguous filter, like two entries below.
          .catch((error: unknown) => (error instanceof SizeLimitExceededError ? [] : Promise.reject(error)));
        // No entry, or an ambiguous filter: the same answer as a wrong password, after a bind that
        // fails the same way (a DN that does not exist), so that the time taken does not tell either.
        const entry = entries.length === 1 ? entries[0]! : null;
        user = await open();
        try {
          await user.bind(entry?.dn ?? `cn=d3-absent,${settings.baseDn}`, password);
        } catch (error) {
          if (error instanceof InvalidCredentialsError) return { status: "rejected" };
          throw error;
        }
        if (!entry) return { status: "rejected" };
        return { status: "accepted", person: personFrom(identifier, entry, attributes) };
      } catch (error) {
        // The service account refused, the server unreachable, a timeout, a TLS failure: the
        // directory is out of service for us, which is not the person's failure.
        log.error({ event: "auth.directory.unavailable", err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "annuaire LDAP injoignable");
        return { status: "unavailable" };
      } finally {
        for (const c of [search, user]) await c?.unbind().catch(() => undefined);
      }
    },
  };
}
