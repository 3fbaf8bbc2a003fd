import pino from "pino";

/**
 * The application's structured log: one JSON object per line on stdout (pino), for the platform to
 * collect. Log ids and codes, never a password, a token, a document's content or personal data:
 * the redaction below is a safety net for the usual field names, not a licence to log objects.
 *
 * LOG_LEVEL sets the threshold (default "info"; "silent" in tests unless set).
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "d3" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "secret", "*.secret", "authorization", "*.authorization", "cookie", "*.cookie", "email", "*.email"],
    censor: "[masqué]",
  },
  serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
});

export type Logger = typeof log;
