/** Settings shared by the browser tests and the servers they start (tests/support/e2e-server.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Two instances of the app on one database, for the live-update test across instances. */
export const E2E_LIVE_PORTS = [E2E_PORT + 2, E2E_PORT + 3] as const;
/**
 * A PostgreSQL database the browser tests may wipe (npm test gives one); the live-update test uses
 * a second database next to it, `<name>_live`.
 */
export const E2E_POSTGRES_URL = process.env.E2E_POSTGRES_URL ?? "";
export const E2E_LIVE_DATABASE = E2E_POSTGRES_URL ? `${decodeURIComponent(new URL(E2E_POSTGRES_URL).pathname.slice(1))}_live` : "";
export const E2E_LIVE_POSTGRES_URL = E2E_POSTGRES_URL ? Object.assign(new URL(E2E_POSTGRES_URL), { pathname: `/${E2E_LIVE_DATABASE}` }).toString() : "";
/**
 * Sign-in through the ENF's directories: one instance with IDENTITY_PROVIDER=ldap (a real slapd),
 * one with IDENTITY_PROVIDER=oidc (a real OpenID Connect provider on E2E_OIDC_PROVIDER_PORT), on a
 * database of their own next to E2E_POSTGRES_URL, `<name>_directories`.
 */
export const E2E_DIRECTORY_PORTS = { ldap: E2E_PORT + 4, oidc: E2E_PORT + 5 } as const;
export const E2E_OIDC_PROVIDER_PORT = E2E_PORT + 6;
export const E2E_DIRECTORIES_DATABASE = E2E_POSTGRES_URL ? `${decodeURIComponent(new URL(E2E_POSTGRES_URL).pathname.slice(1))}_directories` : "";
export const E2E_ENF_RESET_URL = "https://enf.example.test/mot-de-passe-oublie";
/** The app sends its emails here; the test that needs them starts a real SMTP server on it. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const E2E_STORAGE_DIR = ".data/e2e/uploads";
/** The objects of the S3 server that the live instances share (emptied when it starts). */
export const E2E_S3_DIR = ".data/e2e/s3";

/** Accounts made for the browser tests only, besides the demo accounts of the seed. */
export const E2E_ACCOUNTS = {
  lockout: "lucie.verrou.auditeur",
  reset: "remi.oubli.auditeur",
} as const;
/** A learner of Cnam Paris with every unit of the licence LG02501A and no validated experience. */
export const E2E_JOURNEY_LEARNER = { identifier: "ines.garnier.auditeur", learnerNumber: "100200399" } as const;
export const E2E_PASSWORD = "mot-de-passe-e2e-2026";
