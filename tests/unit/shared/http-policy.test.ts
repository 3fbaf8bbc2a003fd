import { HSTS, contentSecurityPolicy, hasSessionCookie, newNonce, refuseActionRequest, servedOverHttps } from "@/lib/shared/http-policy";

describe("contentSecurityPolicy", () => {
  test("scripts and styles only with this request's nonce; no plugin, no framing, no foreign form target", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("style-src 'self' 'nonce-abc123'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  test("eval only for React's development build; upgrade-insecure-requests over https", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  test("a new nonce for each request: 128 random bits", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("servedOverHttps (HSTS)", () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });
  test("an https request, a reverse proxy saying https, or an https public URL", () => {
    expect(servedOverHttps(request("https://d3.example/"), undefined)).toBe(true);
    expect(servedOverHttps(request("http://10.0.0.2/", { "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(servedOverHttps(request("http://localhost/"), "https://d3.cnam.fr")).toBe(true);
  });
  test("plain http otherwise", () => {
    expect(servedOverHttps(request("http://localhost/"), "http://localhost:3000")).toBe(false);
    expect(servedOverHttps(request("http://localhost/", { "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(HSTS).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });
});

test("hasSessionCookie: NextAuth's session cookie, plain or __Secure-, whole or in chunks", () => {
  expect(hasSessionCookie("a=1; next-auth.session-token=xyz")).toBe(true);
  expect(hasSessionCookie("__Secure-next-auth.session-token=xyz")).toBe(true);
  expect(hasSessionCookie("next-auth.session-token.0=xy; next-auth.session-token.1=z")).toBe(true);
  expect(hasSessionCookie("next-auth.csrf-token=abc")).toBe(false);
  expect(hasSessionCookie(null)).toBe(false);
});

describe("refuseActionRequest: what Next would answer with a 500 or an error payload", () => {
  const action = (body: BodyInit, headers: Record<string, string> = {}, url = "http://localhost:3000/auditeur") =>
    new Request(url, { method: "POST", body, headers: { host: "localhost:3000", origin: "http://localhost:3000", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", ...headers } });

  test("another site's Origin: 403 (Next throws 'Invalid Server Actions request')", async () => {
    expect(await refuseActionRequest(action("[]", { origin: "http://evil.example" }))).toMatchObject({ status: 403 });
    expect(await refuseActionRequest(action("[]", { origin: "null" }))).toMatchObject({ status: 403 });
    // A form posted without JavaScript carries no Next-Action header: the same check.
    const form = new FormData();
    form.set("$ACTION_ID_7f00", "");
    expect(await refuseActionRequest(new Request("http://localhost:3000/notifications", { method: "POST", body: form, headers: { host: "localhost:3000", origin: "http://evil.example" } }))).toMatchObject({ status: 403 });
  });

  test("the reverse proxy's host counts, as for Next", async () => {
    expect(await refuseActionRequest(action("[]", { origin: "https://d3.example", "x-forwarded-host": "d3.example" }))).toBeNull();
  });

  test("a body that is not the client's encoding: 400", async () => {
    expect(await refuseActionRequest(action("notjson"))).toMatchObject({ status: 400 });
    expect(await refuseActionRequest(action('{"a":1}'))).toMatchObject({ status: 400 });
    expect(await refuseActionRequest(action('["$K1"]'))).toMatchObject({ status: 400 });
    expect(await refuseActionRequest(action('[{"a":"$Q2"}]'))).toMatchObject({ status: 400 });
    const multipart = new FormData();
    multipart.set("1_a", "b");
    expect(await refuseActionRequest(action(multipart, { "content-type": "" }))).toMatchObject({ status: 400 });
  });

  test("what the client sends goes on", async () => {
    expect(await refuseActionRequest(action('[{"requestId":"r","body":"$$5 de plus","at":"$D2026-01-01T00:00:00.000Z","x":"$undefined"}]'))).toBeNull();
    const form = new FormData();
    form.set("0", '[null,"$K1"]');
    form.set("1_comment", "Bonjour");
    const request = new Request("http://localhost:3000/centre", { method: "POST", body: form, headers: { host: "localhost:3000", origin: "http://localhost:3000", "next-action": "7f00" } });
    expect(await refuseActionRequest(request)).toBeNull();
    // The body is read from a clone: Next reads it again.
    expect((await request.formData()).get("1_comment")).toBe("Bonjour");
  });

  test("other requests are not its business", async () => {
    expect(await refuseActionRequest(new Request("http://localhost:3000/auditeur"))).toBeNull();
    expect(await refuseActionRequest(new Request("http://localhost:3000/api/auth/callback/enf", { method: "POST", body: new URLSearchParams({ a: "b" }), headers: { origin: "http://evil.example" } }))).toBeNull();
  });
});
