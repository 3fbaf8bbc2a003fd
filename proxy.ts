import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isProtectedPath } from "@/lib/auth/domain/policy";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/shared/request-id";
import { HSTS, MALFORMED_PATH_MESSAGE, PRIVATE_NO_STORE, contentSecurityPolicy, decodablePath, hasSessionCookie, newNonce, refuseActionRequest, servedOverHttps } from "@/lib/shared/http-policy";

/** Answers whose own route sets the policy and the caching: a document (sandboxed preview) and the live stream. */
function ownHeaders(pathname: string): { csp: boolean; cache: boolean } {
  if (pathname.startsWith("/documents/")) return { csp: false, cache: true };
  if (/^\/api\/demandes\/[^/]+\/flux$/.test(pathname)) return { csp: true, cache: false };
  return { csp: true, cache: true };
}

/**
 * The first gate of every request:
 * - a path Next cannot decode (`/demandes/%E9`) and server action requests Next would abort with
 *   a 500 (another site's Origin, an unreadable body) are refused here with 400/403
 *   (lib/shared/http-policy.ts);
 * - anonymous visitors of a protected space are sent to the login page (and brought back
 *   afterwards), learners without a profile to "Compléter mon profil" (coarse: the trusted checks
 *   are in lib/auth/session.ts, run by every page and server action);
 * - every answer gets a Content-Security-Policy with this request's nonce (Next puts it on its
 *   scripts), HSTS over https, and `Cache-Control: private, no-store` when a session cookie came.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = requestIdOf(request.headers);
  const nonce = newNonce();
  const https = servedOverHttps(request, process.env.NEXTAUTH_URL);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const own = ownHeaders(pathname);
  const personal = hasSessionCookie(request.headers.get("cookie"));

  const forwarded = new Headers(request.headers);
  forwarded.set("x-d3-path", pathname + search);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);

  const answer = (response: NextResponse) => {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (own.csp) response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    if (personal && own.cache) response.headers.set("Cache-Control", PRIVATE_NO_STORE);
    return response;
  };

  if (!decodablePath(request.nextUrl.pathname)) return answer(new NextResponse(MALFORMED_PATH_MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }));
  const refusal = await refuseActionRequest(request);
  if (refusal) return answer(new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } }));

  if (isProtectedPath(pathname)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, decode: decodeSessionToken });
    // A form sent after the session's end (a server action) is let through: its own gate
    // (defineAction → requireUser) answers with a redirect the page follows, to the login page
    // and back to the page; a redirect here would replay the POST on the login page.
    if (!token && !request.headers.has("next-action")) {
      const login = new URL("/connexion", request.url);
      login.searchParams.set("callbackUrl", pathname + search);
      return answer(NextResponse.redirect(login));
    }
    if (token?.role === "AUDITEUR" && !token.profileComplete && !pathname.startsWith("/profil/completer")) {
      return answer(NextResponse.redirect(new URL("/profil/completer", request.url)));
    }
  }
  return answer(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
