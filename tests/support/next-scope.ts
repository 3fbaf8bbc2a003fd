/**
 * Next's request scope and NextAuth's cookie decoding for the tests that call server actions
 * through the real session gate (see session-gate.ts). No imports: the mock factories load it
 * while the application's modules are still loading.
 */
let currentSid: string | null = null;

export function setTestSession(sid: string | null): void {
  currentSid = sid;
}

/** What NextAuth's getServerSession answers for the current test. */
export function testSession(): { sid: string } | null {
  return currentSid ? { sid: currentSid } : null;
}

/** Next's navigation signals as errors the tests can recognise. */
export const navigation = {
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;${url}`, url });
  },
  forbidden: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;403"), { digest: "NEXT_HTTP_ERROR_FALLBACK;403", forbidden: true });
  },
  unstable_rethrow: (error: unknown) => {
    if (typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_")) throw error;
  },
};

export const requestScope = {
  headers: async () => new Headers({ "x-d3-path": "/espace", "x-d3-peer": "203.0.113.7" }),
  cookies: async () => ({ has: () => false, delete: () => undefined, get: () => undefined }),
};
