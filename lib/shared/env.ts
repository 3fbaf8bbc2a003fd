import { isIP } from "node:net";
import { z } from "zod";
import { parseDiplomaNumberFormat } from "@/lib/requests/domain/diploma-number";
import { reminderSettingsFrom } from "@/lib/notifications/domain/reminders";
import { log } from "./log";

/**
 * Every environment variable the application reads, checked once when the server starts, so that a
 * wrong setting stops it at once with a message naming the variable, rather than failing on the
 * first user who reaches the code that reads it (README, "Configuration", describes each one).
 *
 * What only production needs (the session secret, the database address, the public address) may
 * be missing in development and tests: `npm run dev` supplies them. A value that is set must be
 * valid everywhere.
 */
export type Environment = Record<string, string | undefined>;

// Their values never appear in a message, even when wrong.
const SECRETS = new Set(["NEXTAUTH_SECRET", "LDAP_BIND_PASSWORD", "OIDC_CLIENT_SECRET", "SMTP_PASSWORD", "S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID", "DATABASE_URL"]);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const integer = (min: number, max: number, what: string) =>
  z.string().regex(/^\d+$/, `${what} entre ${min} et ${max} est attendu`).refine((value) => Number(value) >= min && Number(value) <= max, `${what} entre ${min} et ${max} est attendu`);
const flag = z.enum(["true", "false"], "« true » ou « false » est attendu");
const httpUrl = z.url({ protocol: /^https?$/, error: "une adresse complète est attendue, par exemple https://d3.example.fr" });
const days = integer(1, 3650, "un nombre entier de jours");
const milliseconds = integer(100, 600_000, "un nombre entier de millisecondes");
const text = z.string();

/** The job queue's variables, also read by lib/shared/jobs/settings.ts through readVariables(). */
export const JOB_VARIABLES = {
  JOBS_IN_PROCESS: flag.optional(),
  JOBS_CONCURRENCY: integer(1, 50, "un nombre entier").optional(),
};

/** The database client's variables, also read by lib/shared/db/database.ts through readVariables(). */
export const DATABASE_VARIABLES = {
  DATABASE_POOL_SIZE: integer(1, 500, "un nombre entier de connexions").optional(),
  DATABASE_TRANSACTION_WAIT_MS: milliseconds.optional(),
  DATABASE_TRANSACTION_TIMEOUT_MS: milliseconds.optional(),
};

/** The storage's variables, also read by lib/shared/storage through readVariables(). */
export const STORAGE_VARIABLES = {
  STORAGE_DRIVER: z.enum(["local", "s3"], "« local » ou « s3 » est attendu").optional(),
  STORAGE_DIR: text.optional(),
  S3_BUCKET: text.optional(),
  S3_REGION: text.optional(),
  S3_ENDPOINT: httpUrl.optional(),
  S3_ACCESS_KEY_ID: text.optional(),
  S3_SECRET_ACCESS_KEY: text.optional(),
  S3_FORCE_PATH_STYLE: flag.optional(),
};
/** The virus scanner's variables (ClamAV's clamd), also read by lib/shared/storage/virus-scan.ts. */
export const SCANNER_VARIABLES = {
  CLAMAV_HOST: text.optional(),
  CLAMAV_PORT: integer(1, 65535, "un numéro de port").optional(),
  CLAMAV_SOCKET: text.optional(),
  CLAMAV_TIMEOUT_MS: milliseconds.optional(),
  CLAMAV_DISABLED: flag.optional(),
};
export const SCANNER_REQUIRED_IN_PRODUCTION =
  "CLAMAV_HOST ou CLAMAV_SOCKET : requis en production (l'adresse du démon clamd qui analyse chaque pièce envoyée) ; CLAMAV_DISABLED=true pour s'en passer délibérément.";

/** Uploads and live streams: limits that tests lower. Read by the modules that use them through readVariables(). */
export const LIMIT_VARIABLES = {
  LEARNER_STORAGE_QUOTA_MB: integer(1, 100_000, "un nombre entier de mégaoctets").optional(),
  STREAM_SESSION_CHECK_MS: milliseconds.optional(),
  STREAM_MAX_PER_USER: integer(1, 1_000, "un nombre entier").optional(),
};

/**
 * The reverse proxies whose X-Forwarded-For is believed (lib/shared/request-ip.ts): addresses or
 * CIDR ranges separated by commas. Unset: none, the client's address is the connection's.
 */
export const PROXY_VARIABLES = {
  TRUSTED_PROXIES: text
    .refine((value) => value.split(",").every((entry) => isAddressOrRange(entry.trim())), "une liste d'adresses IP ou de plages CIDR séparées par des virgules est attendue, par exemple 10.0.0.0/8,192.168.1.10")
    .optional(),
};

/** An IPv4 or IPv6 address, with an optional /prefix. */
export function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * What the decision letters print (lib/requests/letters/settings.ts reads them through
 * readVariables()): the national signatory and the appeal routes. Unset: the defaults there.
 */
export const LETTER_VARIABLES = {
  LETTER_SIGNATORY_NAME: z.string().max(120, "120 caractères au plus").optional(),
  LETTER_SIGNATORY_TITLE: z.string().max(300, "300 caractères au plus").optional(),
  LETTER_APPEAL_TEXT: z.string().min(40, "un texte d'au moins 40 caractères est attendu (les voies et délais de recours)").max(3000, "3 000 caractères au plus").optional(),
};

/**
 * What the legal pages name (lib/shared/legal.ts reads them through readVariables()): the host on
 * /mentions-legales, the data protection officer's and the accessibility contact's addresses.
 */
export const LEGAL_VARIABLES = {
  LEGAL_HOST: z.string().max(300, "300 caractères au plus").optional(),
  DPO_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+$/, "une adresse électronique est attendue, par exemple dpo@example.fr").optional(),
  ACCESSIBILITY_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+$/, "une adresse électronique est attendue, par exemple accessibilite@example.fr").optional(),
};

export const S3_REQUIRED = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
export const requiredWithS3 = (name: string) => `${name} : requis quand STORAGE_DRIVER=s3.`;

const ldapUrl = z.url({ protocol: /^ldaps?$/, error: "une adresse ldap:// ou ldaps:// est attendue, par exemple ldaps://annuaire.cnam.fr" });
const anyUrl = z.url({ protocol: /^https?$/, error: "une adresse complète est attendue, par exemple https://enf.cnam.fr/mot-de-passe" });
const attribute = z.string().regex(/^[A-Za-z][\w.:-]*$/, "un nom d'attribut ou de revendication est attendu, par exemple givenName");

/**
 * Where identifiers and passwords are checked (lib/auth/directory-config.ts reads them through
 * readVariables()): D3's own accounts (local), the ENF's LDAP directory or its OpenID Connect provider.
 */
export const IDENTITY_VARIABLES = {
  IDENTITY_PROVIDER: z.enum(["local", "ldap", "oidc"], "« local », « ldap » ou « oidc » est attendu").optional(),
  LDAP_URL: ldapUrl.optional(),
  LDAP_BIND_DN: text.optional(),
  LDAP_BIND_PASSWORD: text.optional(),
  LDAP_BASE_DN: text.optional(),
  LDAP_USER_FILTER: z
    .string()
    .refine((value) => value.includes("{identifier}"), "le filtre doit contenir {identifier}, par exemple (uid={identifier})")
    .refine((value) => value.startsWith("(") && value.endsWith(")"), "le filtre doit être entre parenthèses, par exemple (uid={identifier})")
    .optional(),
  LDAP_CA_FILE: text.optional(),
  LDAP_STARTTLS: flag.optional(),
  LDAP_TIMEOUT_MS: milliseconds.optional(),
  LDAP_ATTR_GIVEN_NAME: attribute.optional(),
  LDAP_ATTR_SURNAME: attribute.optional(),
  LDAP_ATTR_EMAIL: attribute.optional(),
  LDAP_ATTR_LEARNER_NUMBER: attribute.optional(),
  LDAP_ATTR_GROUPS: attribute.optional(),
  OIDC_ISSUER: anyUrl.optional(),
  OIDC_CLIENT_ID: text.optional(),
  OIDC_CLIENT_SECRET: text.optional(),
  OIDC_CLAIM_IDENTIFIER: attribute.optional(),
  OIDC_CLAIM_GIVEN_NAME: attribute.optional(),
  OIDC_CLAIM_SURNAME: attribute.optional(),
  OIDC_CLAIM_EMAIL: attribute.optional(),
  OIDC_CLAIM_LEARNER_NUMBER: attribute.optional(),
  OIDC_CLAIM_GROUPS: attribute.optional(),
  DIRECTORY_GROUP_ROLES: z
    .string()
    .refine(
      (value) => value.split(";").every((part) => !part.trim() || /^(ADMIN|AGENT_NATIONAL)=.+$/.test(part.trim())),
      "la forme RÔLE=groupe;RÔLE=groupe est attendue, avec ADMIN ou AGENT_NATIONAL, par exemple ADMIN=cn=d3-admins,ou=groups,dc=cnam,dc=fr",
    )
    .optional(),
  ENF_PASSWORD_RESET_URL: anyUrl.optional(),
  LOGIN_MAX_ATTEMPTS_PER_IP: integer(1, 100_000, "un nombre entier de tentatives").optional(),
};

/** What each external directory needs; with them D3 keeps no password, « Mot de passe oublié ? » goes to the ENF. */
export const IDENTITY_REQUIRED = {
  ldap: ["LDAP_URL", "LDAP_BASE_DN", "ENF_PASSWORD_RESET_URL"],
  oidc: ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "ENF_PASSWORD_RESET_URL"],
} as const;

function schema(production: boolean) {
  const inProduction = <T extends z.ZodType>(rule: T) => (production ? rule : rule.optional());
  return z.object({
    DATABASE_URL: inProduction(
      z
        .string("requise en production (postgresql://utilisateur:mot-de-passe@hôte:5432/base)")
        .regex(/^postgres(ql)?:\/\/[^/\s]+\/\S+$/, "une adresse postgresql://utilisateur:mot-de-passe@hôte:5432/base est attendue"),
    ),
    ...DATABASE_VARIABLES,
    NEXTAUTH_SECRET: inProduction(
      z.string("requis en production (par exemple : openssl rand -base64 32)").refine((value) => !production || value.length >= 32, "au moins 32 caractères sont attendus en production (openssl rand -base64 32)"),
    ),
    NEXTAUTH_URL: inProduction(z.string("requise en production : l'adresse publique du site, par exemple https://d3.example.fr").pipe(httpUrl)),
    APP_URL: httpUrl.optional(),
    SMTP_HOST: text.optional(),
    SMTP_PORT: integer(1, 65535, "un numéro de port").optional(),
    SMTP_SECURE: flag.optional(),
    SMTP_USER: text.optional(),
    SMTP_PASSWORD: text.optional(),
    MAIL_FROM: z.string().regex(/@/, "une adresse d'expéditeur est attendue, par exemple D3 – Cnam <no-reply@d3.example.fr>").optional(),
    MAIL_DIR: text.optional(),
    ...STORAGE_VARIABLES,
    ...IDENTITY_VARIABLES,
    ...LETTER_VARIABLES,
    ...SCANNER_VARIABLES,
    ...LIMIT_VARIABLES,
    ...PROXY_VARIABLES,
    ...LEGAL_VARIABLES,
    DIPLOMA_NUMBER_FORMAT: z
      .string()
      .superRefine((format, context) => {
        const parsed = parseDiplomaNumberFormat(format);
        if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
      })
      .optional(),
    REMINDER_CORRECTION_DAYS: days.optional(),
    REMINDER_DRAFT_DAYS: days.optional(),
    PURGE_DRAFT_DAYS: days.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, `un de ces niveaux est attendu : ${LOG_LEVELS.join(", ")}`).optional(),
    ...JOB_VARIABLES,
  });
}

/** The variables this module checks (the keys of its schema). */
export const CHECKED_VARIABLES = Object.keys(schema(true).shape);

function shown(name: string, value: string | undefined): string {
  if (value === undefined) return "";
  if (SECRETS.has(name)) return " (valeur masquée)";
  return ` (reçu « ${value.length > 80 ? `${value.slice(0, 80)}…` : value} »)`;
}

/** The set values of the given variables, trimmed: empty values count as unset, as `VAR=` in a .env file means. */
function setValues(env: Environment, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name]?.trim() ? [[name, env[name]!.trim()]] : [])));
}

/** One message per wrong variable, by name, from a schema's issues. */
function messagesOf(error: z.ZodError, values: Record<string, string>): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of error.issues) {
    const name = String(issue.path[0]);
    if (!messages.has(name)) messages.set(name, `${name} : ${issue.message.replace(/\.$/, "")}${shown(name, values[name])}.`);
  }
  return messages;
}

/**
 * The object schema of a shape, made once: zod compiles an object schema on its first parse, which
 * cost more than the parse itself where a variable is read per use (the storage, per file opened).
 */
const objects = new WeakMap<z.ZodRawShape, z.ZodObject>();
function objectOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
  let object = objects.get(shape) as z.ZodObject<S> | undefined;
  if (!object) {
    object = z.object(shape);
    objects.set(shape, object);
  }
  return object;
}

/**
 * Some of the variables, checked with the same rules and messages as at start, for the modules
 * that read them (also outside the server: `npm run worker`, scripts).
 */
export function readVariables<S extends z.ZodRawShape>(shape: S, env: Environment = process.env): { ok: true; values: z.infer<z.ZodObject<S>> } | { ok: false; message: string } {
  const values = setValues(env, Object.keys(shape));
  const result = objectOf(shape).safeParse(values);
  if (result.success) return { ok: true, values: result.data };
  return { ok: false, message: [...messagesOf(result.error, values).values()][0]! };
}

/**
 * One French message per wrong variable, naming it; none when the configuration is usable. Pure:
 * the environment is an argument.
 */
export function checkEnvironment(env: Environment): string[] {
  const production = env.NODE_ENV === "production";
  const values = setValues(env, CHECKED_VARIABLES);
  const result = schema(production).safeParse(values);
  const messages = result.success ? new Map<string, string>() : messagesOf(result.error, values);
  if (values.STORAGE_DRIVER === "s3") {
    for (const name of S3_REQUIRED) {
      if (!values[name] && !messages.has(name)) messages.set(name, requiredWithS3(name));
    }
  }
  if (production && !values.CLAMAV_HOST && !values.CLAMAV_SOCKET && values.CLAMAV_DISABLED !== "true" && !messages.has("CLAMAV_DISABLED")) {
    messages.set("CLAMAV_HOST", SCANNER_REQUIRED_IN_PRODUCTION);
  }
  const provider = values.IDENTITY_PROVIDER;
  if (provider === "ldap" || provider === "oidc") {
    for (const name of IDENTITY_REQUIRED[provider]) {
      if (!values[name] && !messages.has(name)) messages.set(name, `${name} : requis quand IDENTITY_PROVIDER=${provider}.`);
    }
  }
  if (provider === "ldap" && !values.LDAP_BIND_DN !== !values.LDAP_BIND_PASSWORD && !messages.has("LDAP_BIND_DN")) {
    messages.set("LDAP_BIND_DN", "LDAP_BIND_DN et LDAP_BIND_PASSWORD : les deux ou aucun (recherche anonyme) sont attendus.");
  }
  const reminderNames = ["REMINDER_CORRECTION_DAYS", "REMINDER_DRAFT_DAYS", "PURGE_DRAFT_DAYS"];
  if (!reminderNames.some((name) => messages.has(name))) {
    // Each value is valid on its own: what is left is the rule between them (purge after reminder).
    const reminders = reminderSettingsFrom(values);
    if (!reminders.ok) messages.set("PURGE_DRAFT_DAYS", reminders.message);
  }
  return [...messages.values()];
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly messages: string[]) {
    super(`Configuration invalide :\n- ${messages.join("\n- ")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** At server start: logs each wrong variable, then stops the start with all of them in one error. */
export function assertEnvironment(env: Environment = process.env): void {
  const messages = checkEnvironment(env);
  if (messages.length === 0) return;
  for (const message of messages) log.fatal({ event: "config.invalid" }, message);
  throw new InvalidEnvironmentError(messages);
}

/**
 * From instrumentation.ts. In production a wrong configuration ends the process (status 1), so
 * that the service manager shows a failed start with the messages above: Next.js would otherwise
 * keep listening and answer every request with a 500. In development the error stays on screen.
 */
export function checkEnvironmentAtStart(): void {
  try {
    assertEnvironment();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError && process.env.NODE_ENV === "production") process.exit(1);
    throw error;
  }
}

/** Public address of the application, used in the links sent by email. */
export function appUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "");
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}
