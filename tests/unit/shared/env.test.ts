import { assertEnvironment, checkEnvironment, CHECKED_VARIABLES, InvalidEnvironmentError } from "@/lib/shared/env";

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://d3:motdepasse@db.internal:5432/d3",
  NEXTAUTH_SECRET: "k".repeat(44),
  NEXTAUTH_URL: "https://d3.example.fr",
  CLAMAV_HOST: "clamd.internal",
};

test("a complete production configuration passes, and so does an empty one in development and tests", () => {
  expect(checkEnvironment(PRODUCTION)).toEqual([]);
  expect(checkEnvironment({ NODE_ENV: "development" })).toEqual([]);
  expect(checkEnvironment({ NODE_ENV: "test", NEXTAUTH_SECRET: "court" })).toEqual([]);
});

test("in production, each missing required variable gives one message naming it", () => {
  const messages = checkEnvironment({ NODE_ENV: "production", NEXTAUTH_SECRET: "" });
  expect(messages).toHaveLength(4);
  expect(messages[0]).toMatch(/^DATABASE_URL : requise en production/);
  expect(messages[1]).toMatch(/^NEXTAUTH_SECRET : requis en production/);
  expect(messages[2]).toMatch(/^NEXTAUTH_URL : requise en production/);
  expect(messages[3]).toMatch(/^CLAMAV_HOST ou CLAMAV_SOCKET : requis en production/);
});

test("production refuses to start without a virus scanner, unless it is turned off on purpose", () => {
  const { CLAMAV_HOST: _host, ...withoutScanner } = PRODUCTION;
  expect(checkEnvironment(withoutScanner)).toEqual([expect.stringMatching(/^CLAMAV_HOST ou CLAMAV_SOCKET : requis en production/)]);
  expect(checkEnvironment({ ...withoutScanner, CLAMAV_SOCKET: "/run/clamav/clamd.ctl" })).toEqual([]);
  expect(checkEnvironment({ ...withoutScanner, CLAMAV_DISABLED: "true" })).toEqual([]);
  expect(checkEnvironment({ ...withoutScanner, CLAMAV_DISABLED: "false" })).toHaveLength(1);
  expect(checkEnvironment({ ...PRODUCTION, CLAMAV_PORT: "clam" })).toEqual([expect.stringMatching(/^CLAMAV_PORT : un numéro de port/)]);
  // Development and tests may run without one.
  expect(checkEnvironment({ NODE_ENV: "development" })).toEqual([]);
});

test("TRUSTED_PROXIES takes addresses and CIDR ranges, nothing else", () => {
  expect(checkEnvironment({ ...PRODUCTION, TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.10,::1,fd00::/8" })).toEqual([]);
  for (const wrong of ["*", "10.0.0.0/33", "proxy.internal", "10.0.0.1,", "::1/129"]) {
    expect(checkEnvironment({ ...PRODUCTION, TRUSTED_PROXIES: wrong })).toEqual([expect.stringMatching(/^TRUSTED_PROXIES : une liste d'adresses IP/)]);
  }
});

test("each wrong variable gives exactly one message that names it, without showing a secret", () => {
  const wrong = {
    ...PRODUCTION,
    DATABASE_URL: "mysql://root:hunter2@db/d3",
    NEXTAUTH_SECRET: "trop-court-hunter2",
    NEXTAUTH_URL: "d3.example.fr",
    APP_URL: "ftp://d3.example.fr",
    SMTP_PORT: "smtp",
    SMTP_SECURE: "oui",
    DIPLOMA_NUMBER_FORMAT: "{year}",
    REMINDER_CORRECTION_DAYS: "0",
    REMINDER_DRAFT_DAYS: "-3",
    LOG_LEVEL: "verbose",
    STORAGE_DRIVER: "ftp",
    JOBS_IN_PROCESS: "1",
    JOBS_CONCURRENCY: "500",
    DATABASE_POOL_SIZE: "dix",
    DATABASE_TRANSACTION_WAIT_MS: "10s",
    DATABASE_TRANSACTION_TIMEOUT_MS: "50",
  };
  const messages = checkEnvironment(wrong);
  const named = Object.keys(wrong).filter((name) => name !== "NODE_ENV" && name !== "CLAMAV_HOST");
  expect(messages).toHaveLength(named.length);
  for (const name of named) expect(messages.filter((message) => message.startsWith(`${name} : `))).toHaveLength(1);
  expect(messages.join("\n")).not.toContain("hunter2");
  expect(messages).toContain("SMTP_PORT : un numéro de port entre 1 et 65535 est attendu (reçu « smtp »).");
  expect(messages).toContain("DATABASE_TRANSACTION_TIMEOUT_MS : un nombre entier de millisecondes entre 100 et 600000 est attendu (reçu « 50 »).");
  expect(messages.find((m) => m.startsWith("DIPLOMA_NUMBER_FORMAT"))).toContain("exactement un {seq}");
});

test("S3 storage needs its bucket and keys; the reminder days keep their order rule", () => {
  expect(checkEnvironment({ STORAGE_DRIVER: "s3", S3_BUCKET: "d3", S3_ENDPOINT: "pas une adresse" })).toEqual([
    "S3_ENDPOINT : une adresse complète est attendue, par exemple https://d3.example.fr (reçu « pas une adresse »).",
    "S3_ACCESS_KEY_ID : requis quand STORAGE_DRIVER=s3.",
    "S3_SECRET_ACCESS_KEY : requis quand STORAGE_DRIVER=s3.",
  ]);
  expect(checkEnvironment({ STORAGE_DRIVER: "local" })).toEqual([]);
  expect(checkEnvironment({ REMINDER_DRAFT_DAYS: "100", PURGE_DRAFT_DAYS: "90" })).toEqual([expect.stringMatching(/^PURGE_DRAFT_DAYS \(90\) doit être supérieur à REMINDER_DRAFT_DAYS/)]);
});

test("every variable the application reads is checked", () => {
  expect(CHECKED_VARIABLES).toEqual(expect.arrayContaining(["DATABASE_URL", "NEXTAUTH_SECRET", "SMTP_PORT", "STORAGE_DRIVER", "S3_BUCKET", "JOBS_CONCURRENCY", "LOG_LEVEL", "MAIL_DIR"]));
});

test("assertEnvironment throws one error listing every message", () => {
  expect(() => assertEnvironment({ NODE_ENV: "development", SMTP_PORT: "0", LOG_LEVEL: "bavard" })).toThrow(InvalidEnvironmentError);
  expect(() => assertEnvironment({ NODE_ENV: "development", SMTP_PORT: "0", LOG_LEVEL: "bavard" })).toThrow(/SMTP_PORT[\s\S]*LOG_LEVEL/);
  expect(() => assertEnvironment({ NODE_ENV: "development" })).not.toThrow();
});
