/**
 * Starts the production build for the browser tests on a fresh database, migrated and seeded with
 * the demo data plus the accounts of tests/e2e/env.ts. Emails go to E2E_SMTP_PORT.
 *   npx tsx tests/support/e2e-server.ts journeys   one instance on E2E_PORT, database E2E_POSTGRES_URL
 *   npx tsx tests/support/e2e-server.ts directories  an LDAP instance and an OIDC instance
 *                                                 (E2E_DIRECTORY_PORTS) on a database of their own,
 *                                                 with a real slapd and OpenID Connect provider
 *   npx tsx tests/support/e2e-server.ts live       two instances on E2E_LIVE_PORTS sharing a database
 *                                                 of their own next to E2E_POSTGRES_URL, and their
 *                                                 files in an S3 bucket (s3rver, started here)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDatabaseClient } from "../../lib/shared/db/database";
import { hashPassword } from "../../lib/auth/password-hash";
import { seed } from "../../prisma/seed";
import { seedUsualDurations } from "./e2e-issue-11-seed";
import { startS3Server } from "./s3-server";
import { startLdapServer } from "./ldap-server";
import { OIDC_CLIENT, startOidcServer } from "./oidc-server";
import { startClamd } from "./clamd";
import { freshSchema } from "./postgres-databases";
import { siblingDatabase } from "./test-postgres";
import { E2E_ACCOUNTS, E2E_DIRECTORIES_DATABASE, E2E_DIRECTORY_PORTS, E2E_ENF_RESET_URL, E2E_OIDC_PROVIDER_PORT, E2E_JOURNEY_LEARNER, E2E_LIVE_DATABASE, E2E_LIVE_PORTS, E2E_PASSWORD, E2E_PORT, E2E_POSTGRES_URL, E2E_S3_DIR, E2E_SMTP_PORT, E2E_STORAGE_DIR } from "../e2e/env";

async function freshDatabase(kind: "journeys" | "live"): Promise<string> {
  if (!E2E_POSTGRES_URL) throw new Error("E2E_POSTGRES_URL n'est pas défini (npm test le définit).");
  const url = kind === "journeys" ? E2E_POSTGRES_URL : await siblingDatabase(E2E_POSTGRES_URL, E2E_LIVE_DATABASE);
  await freshSchema(url);
  return url;
}

/** A profile's own fields, to copy it onto another account. */
function profileFields<T extends { userId: string; createdAt: Date; updatedAt: Date; version: number }>(profile: T) {
  const { userId: _userId, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...fields } = profile;
  return fields;
}

async function seedForTests(url: string): Promise<void> {
  const db = createDatabaseClient(url);
  await seed(db);
  const passwordHash = await hashPassword(E2E_PASSWORD);
  for (const identifier of Object.values(E2E_ACCOUNTS)) {
    const [first, last] = identifier.split(".") as [string, string];
    await db.user.create({ data: { identifier, displayName: `${first} ${last}`, email: `${first}.${last}@e2e.d3.localhost`, passwordHash, role: "AUDITEUR" } });
  }
  const licence = await db.user.findUniqueOrThrow({ where: { identifier: "hugo.roux.auditeur" }, select: { results: true, profile: true } });
  await db.user.create({
    data: {
      identifier: E2E_JOURNEY_LEARNER.identifier,
      displayName: "Inès Garnier",
      email: "ines.garnier@e2e.d3.localhost",
      passwordHash,
      role: "AUDITEUR",
      profile: { create: { ...profileFields(licence.profile!), firstNames: "Inès", birthName: "GARNIER", civility: "MADAME", email: "ines.garnier@e2e.d3.localhost", learnerNumber: E2E_JOURNEY_LEARNER.learnerNumber } },
      results: { create: licence.results.map(({ unitCode, year, grade, obtainedBy, centreCode }) => ({ unitCode, year, grade, obtainedBy, centreCode })) },
    },
  });
  // A year of history for the usual durations (issue 11, J).
  await seedUsualDurations(db);
  await db.$disconnect();
}

function startInstance(port: number, url: string, secret: string, storage: Record<string, string>): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: secret,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(E2E_SMTP_PORT),
      // A folder of each instance's own: only shared storage lets one serve what another received.
      STORAGE_DIR: path.resolve(E2E_STORAGE_DIR, String(port)),
      ...storage,
    },
  });
}

/**
 * The ENF's directories: no D3 account is made for the people of the directory (they are
 * provisioned at their first login), only the demo data for centres and diplomas.
 */
async function directories(secret: string): Promise<void> {
  const url = await siblingDatabase(E2E_POSTGRES_URL, E2E_DIRECTORIES_DATABASE);
  await freshSchema(url);
  const db = createDatabaseClient(url);
  await seed(db);
  await db.$disconnect();
  const ldap = await startLdapServer(path.resolve(`.data/e2e/ldap-${E2E_DIRECTORY_PORTS.ldap}`));
  const oidc = await startOidcServer({ port: E2E_OIDC_PROVIDER_PORT, redirectUris: [`http://localhost:${E2E_DIRECTORY_PORTS.oidc}/api/auth/callback/enf-oidc`] });
  // Nothing is uploaded on these instances: no scanner.
  const common = { CLAMAV_DISABLED: "true", ENF_PASSWORD_RESET_URL: E2E_ENF_RESET_URL };
  const servers = [
    startInstance(E2E_DIRECTORY_PORTS.ldap, url, secret, { ...common, ...ldap.env }),
    startInstance(E2E_DIRECTORY_PORTS.oidc, url, secret, { ...common, IDENTITY_PROVIDER: "oidc", OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: OIDC_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_CLIENT.secret }),
  ];
  const stop = () => {
    servers.forEach((server) => server.kill("SIGTERM"));
    void ldap.stop();
    void oidc.stop();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (const server of servers) server.on("exit", (code) => (stop(), process.exit(code ?? 0)));
}

async function main() {
  if (process.argv[2] === "directories") return directories(randomBytes(32).toString("base64url"));
  const kind = process.argv[2] === "live" ? "live" : "journeys";
  const url = await freshDatabase(kind);
  await seedForTests(url);
  // One secret for all instances: a session opened on one is valid on the others.
  const secret = randomBytes(32).toString("base64url");
  const ports = kind === "live" ? [...E2E_LIVE_PORTS] : [E2E_PORT];
  // Instances behind a load balancer share their files as they share the database: the live pair
  // runs on S3, so that a document uploaded through one is downloaded through the other. The S3
  // server runs in this process, so it ends with it, however it is ended.
  const s3 = kind === "live" ? await startS3Server({ directory: path.resolve(E2E_S3_DIR) }) : null;
  // Every upload of the browser tests is scanned by a real clamd (EICAR signature only), as in production.
  const clamd = await startClamd();
  const servers = ports.map((port) => startInstance(port, url, secret, { ...(s3?.env ?? {}), ...clamd.env }));
  const stop = () => {
    servers.forEach((server) => server.kill("SIGTERM"));
    void clamd.stop();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (const server of servers) server.on("exit", (code) => (stop(), process.exit(code ?? 0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
