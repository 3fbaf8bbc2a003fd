/**
 * What proxy.ts adds to every answer and checks on every request before Next does, kept pure so
 * that unit tests read it: the Content-Security-Policy with a nonce per request, HSTS over https,
 * `Cache-Control: private` for signed-in answers, and the gate of server action requests (another
 * site's Origin, a body that is not what the browser sends). No Next import.
 */

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The strict policy of the pages: scripts only with this request's nonce (and what they load,
 * 'strict-dynamic'), nothing inline otherwise, no plugin, no base or form target elsewhere, not
 * framed (the staff preview of a document frames /documents only, same origin). Next reads the
 * nonce from this header on the request and puts it on its own scripts. `dev`: React's dev build
 * needs eval.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: sent only over https (a browser ignores it over http anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Whether this answer goes out over https: the request itself, the reverse proxy's word, or the configured public URL. */
export function servedOverHttps(request: { url: string; headers: Pick<Headers, "get"> }, publicUrl: string | undefined): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  if (request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return typeof publicUrl === "string" && publicUrl.startsWith("https://");
}

/** Every answer to a signed-in browser: kept by no shared cache, nor stored by the browser. */
export const PRIVATE_NO_STORE = "private, no-store";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Whether the request carries a session cookie (checked or not: either way its answer is personal). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => SESSION_COOKIES.some((name) => part.trim().startsWith(`${name}=`) || part.trim().startsWith(`${name}.`)));
}

/**
 * Whether a path's segments all decode (percent-encoded UTF-8): Next decodes a dynamic segment
 * itself and answers a bare 500 when it cannot (`/demandes/%E9`, an encoded lone surrogate).
 */
export function decodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export const MALFORMED_PATH_MESSAGE = "Adresse invalide : elle contient un caractère mal encodé. Vérifiez le lien ou repartez de l'accueil.";

export type ActionRefusal = { status: 400 | 403; message: string };

// In the reply the client encodes, a string starting with "$" is a reference ("$$" escapes a
// plain one). A JSON body stands alone: only the references that need no other part may appear
// (undefined, a date, a bigint, the odd numbers); "$1", "$K1", "$Q1"… point at parts a JSON body
// does not have, and React's decoder throws on them.
const STANDALONE_REFERENCE = /^\$(?:\$|undefined$|D|n-?\d+$|-0$|NaN$|Infinity$|-Infinity$)/;

function standaloneReply(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || STANDALONE_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((item) => standaloneReply(item, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((item) => standaloneReply(item, depth + 1));
  return true;
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  // Browsers send Origin with every POST; a request without one is not a cross-site browser request.
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return originHost === host;
}

/**
 * A server action request that Next would abort with a 500 or an error payload: another site's
 * Origin (Next's CSRF check throws "Invalid Server Actions request"), a body that is neither the
 * JSON array the client sends nor a multipart form Next can decode. Server actions are POSTs with
 * a Next-Action header, or form posts (without JavaScript) to a page. Answers null when Next may go on.
 */
export async function refuseActionRequest(request: Request): Promise<ActionRefusal | null> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return null;
  const type = request.headers.get("content-type") ?? "";
  const isForm = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  const isAction = request.headers.has("next-action");
  if (!isAction && !isForm) return null;
  if (!sameOrigin(request)) return { status: 403, message: "Requête refusée : elle vient d'un autre site." };
  if (!isAction) return null;

  const malformed: ActionRefusal = { status: 400, message: "Requête illisible : rechargez la page puis recommencez." };
  if (isForm) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return malformed;
    }
    // The client's encoding has its root in field "0".
    const root = form.get("0");
    if (typeof root !== "string") return malformed;
    try {
      JSON.parse(root);
    } catch {
      return malformed;
    }
    return null;
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.clone().text());
  } catch {
    return malformed;
  }
  return Array.isArray(body) && standaloneReply(body) ? null : malformed;
}
