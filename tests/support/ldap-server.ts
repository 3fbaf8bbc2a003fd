/**
 * A real OpenLDAP server for the tests (Debian's slapd, installed by .ci/run): its own
 * configuration and database under .data/, unprivileged ports on 127.0.0.1, ldap:// and ldaps://
 * with a certificate signed by a test authority made here with openssl (for LDAP_CA_FILE). It
 * holds the ENF entries of DIRECTORY_PEOPLE, a service account for D3's searches, and groups
 * (memberOf maintained by slapd's memberof overlay).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { Client } from "ldapts";

export const LDAP_BASE_DN = "dc=enf,dc=test";
const ROOT_DN = `cn=admin,${LDAP_BASE_DN}`;
const ROOT_PASSWORD = "racine-ldap-tests";
export const LDAP_SERVICE = { dn: `cn=d3,ou=services,${LDAP_BASE_DN}`, password: "compte-de-service-d3" };
export const LDAP_GROUPS = { admins: `cn=d3-admins,ou=groups,${LDAP_BASE_DN}`, jury: `cn=jury,ou=groups,${LDAP_BASE_DN}` };

export type DirectoryEntry = { uid: string; givenName: string; sn: string; mail: string; password: string | null; employeeNumber?: string; groups?: string[] };

/** The ENF as the tests know it: a learner, staff members (one an administrator by group), an entry without a password. */
export const DIRECTORY_PEOPLE = {
  learner: { uid: "lea.annuaire.auditeur", givenName: "Léa", sn: "Annuaire", mail: "lea.annuaire@enf.test", password: "mot-de-passe-ENF-lea", employeeNumber: "100900001" },
  secondLearner: { uid: "noe.premier.auditeur", givenName: "Noé", sn: "Premier", mail: "noe.premier@enf.test", password: "mot-de-passe-ENF-noe", employeeNumber: "100900002" },
  staff: { uid: "paul.agent", givenName: "Paul", sn: "Agent", mail: "paul.agent@enf.test", password: "mot-de-passe-ENF-paul" },
  admin: { uid: "ada.admin", givenName: "Ada", sn: "Admin", mail: "ada.admin@enf.test", password: "mot-de-passe-ENF-ada", groups: [LDAP_GROUPS.admins] },
  disabled: { uid: "denis.desactive", givenName: "Denis", sn: "Désactivé", mail: "denis.desactive@enf.test", password: "mot-de-passe-ENF-denis" },
  noPassword: { uid: "sans.motdepasse.auditeur", givenName: "Sans", sn: "Motdepasse", mail: "sans@enf.test", password: null },
} satisfies Record<string, DirectoryEntry>;

export type LdapServer = {
  url: string;
  ldapsUrl: string;
  caFile: string;
  /** IDENTITY_PROVIDER=ldap and the LDAP_* variables for this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function makeCertificates(dir: string): void {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=D3 test CA");
  run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(path.join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
}

function config(dir: string): string {
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile ${dir}/slapd.pid
TLSCACertificateFile ${dir}/ca.pem
TLSCertificateFile ${dir}/server.pem
TLSCertificateKeyFile ${dir}/server.key
database mdb
maxsize 33554432
suffix "${LDAP_BASE_DN}"
rootdn "${ROOT_DN}"
rootpw ${ROOT_PASSWORD}
directory ${dir}/db
overlay memberof
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
`;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slapd s'est arrêté (code ${child.exitCode})`);
    const client = new Client({ url, connectTimeout: 1000 });
    try {
      await client.bind(ROOT_DN, ROOT_PASSWORD);
      await client.unbind();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

async function load(url: string): Promise<void> {
  const client = new Client({ url });
  await client.bind(ROOT_DN, ROOT_PASSWORD);
  const add = (dn: string, attributes: Record<string, string | string[]>) => client.add(dn, attributes);
  await add(LDAP_BASE_DN, { objectClass: ["dcObject", "organization"], dc: "enf", o: "ENF de test" });
  for (const ou of ["people", "services", "groups"]) await add(`ou=${ou},${LDAP_BASE_DN}`, { objectClass: "organizationalUnit", ou });
  await add(LDAP_SERVICE.dn, { objectClass: ["organizationalRole", "simpleSecurityObject"], cn: "d3", userPassword: LDAP_SERVICE.password });
  for (const person of Object.values(DIRECTORY_PEOPLE) as DirectoryEntry[]) {
    await add(`uid=${person.uid},ou=people,${LDAP_BASE_DN}`, {
      objectClass: "inetOrgPerson",
      uid: person.uid,
      cn: `${person.givenName} ${person.sn}`,
      givenName: person.givenName,
      sn: person.sn,
      mail: person.mail,
      ...(person.password ? { userPassword: person.password } : {}),
      ...(person.employeeNumber ? { employeeNumber: person.employeeNumber } : {}),
    });
  }
  for (const [name, dn] of Object.entries(LDAP_GROUPS)) {
    const members = (Object.values(DIRECTORY_PEOPLE) as DirectoryEntry[]).filter((p) => p.groups?.includes(dn)).map((p) => `uid=${p.uid},ou=people,${LDAP_BASE_DN}`);
    await add(dn, { objectClass: "groupOfNames", cn: dn.slice(3, dn.indexOf(",")), member: members.length ? members : [ROOT_DN], description: name });
  }
  await client.unbind();
}

/** Starts slapd in `dir` (emptied first) with the entries above; stop() ends it. */
export async function startLdapServer(dir: string): Promise<LdapServer> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "db"), { recursive: true });
  makeCertificates(dir);
  writeFileSync(path.join(dir, "slapd.conf"), config(path.resolve(dir)));
  const [port, tlsPort] = [await freePort(), await freePort()];
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${tlsPort}`;
  // -d 0: stays in the foreground (so it ends with its parent's kill) and logs nothing.
  const child = spawn("slapd", ["-d", "0", "-f", path.resolve(dir, "slapd.conf"), "-h", `${url}/ ${ldapsUrl}/`], { stdio: "ignore" });
  await waitFor(url, child);
  await load(url);
  const caFile = path.resolve(dir, "ca.pem");
  return {
    url,
    ldapsUrl,
    caFile,
    env: {
      IDENTITY_PROVIDER: "ldap",
      LDAP_URL: ldapsUrl,
      LDAP_CA_FILE: caFile,
      LDAP_BIND_DN: LDAP_SERVICE.dn,
      LDAP_BIND_PASSWORD: LDAP_SERVICE.password,
      LDAP_BASE_DN: `ou=people,${LDAP_BASE_DN}`,
      ENF_PASSWORD_RESET_URL: "https://enf.example.test/mot-de-passe-oublie",
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
