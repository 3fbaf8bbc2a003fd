import { headers } from "next/headers";
import pino, { type DestinationStream } from "pino";
import { REQUEST_ID_HEADER } from "./request-id";

/**
 * The application's structured log: one JSON object per line on stdout (pino), for the platform to
 * collect. Each line has an `event` name (`outbox.delivery_failed`) and ids, never a password, a
 * token, a document's content or personal data (email, name): the redaction below is a safety net
 * for the usual field names, not a licence to log objects.
 *
 * LOG_LEVEL sets the threshold (default "info"; "silent" in tests unless set).
 */
export function createLogger(destination?: DestinationStream, level?: string) {
  return pino(
    {
      level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "d3" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "secret", "*.secret", "authorization", "*.authorization", "cookie", "*.cookie", "email", "*.email", "displayName", "*.displayName"],
        censor: "[masqué]",
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination,
  );
}

export const log = createLogger();

export type Logger = typeof log;

/**
 * A logger whose lines carry the id of the HTTP request being served (set by proxy.ts), as `reqId`
 * (`requestId` is the id of a diploma request in this domain), for route handlers and server
 * actions. Outside a request (jobs, scripts, tests) it is the plain logger.
 */
export async function requestLogger(bindings: Record<string, string | number | boolean> = {}): Promise<Logger> {
  let reqId: string | null = null;
  try {
    reqId = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // headers() throws outside a request scope: no id to add.
  }
  return log.child({ ...bindings, ...(reqId ? { reqId } : {}) });
}
