import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isProtectedPath } from "@/lib/auth/domain/policy";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/shared/request-id";

/**
 * A coarse, early gate: anonymous visitors of a protected space are sent to the login page (and
 * brought back afterwards), learners without a profile to "Compléter mon profil". The trusted
 * checks are in lib/auth/session.ts, run by every page and server action.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = requestIdOf(request.headers);
  const forwarded = new Headers(request.headers);
  forwarded.set("x-d3-path", pathname + search);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  const answer = (response: NextResponse) => {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };

  if (isProtectedPath(pathname)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
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
