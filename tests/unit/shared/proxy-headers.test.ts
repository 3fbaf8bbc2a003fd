import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

/** Issue 14, finding 9: the headers proxy.ts puts on every answer, and finding 7: the server action requests it refuses. */

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("every answer has a Content-Security-Policy with a nonce of its own, handed to Next on the request", async () => {
  const [first, second] = [await proxy(new NextRequest("http://localhost/aide")), await proxy(new NextRequest("http://localhost/aide"))];
  const policy = first.headers.get("content-security-policy");
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(nonceOf(policy)).toBeTruthy();
  expect(nonceOf(policy)).not.toBe(nonceOf(second.headers.get("content-security-policy")));
  // NextResponse.next({ request: { headers } }): Next reads the nonce from the request's policy and puts it on its scripts.
  expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(policy));
});

test("a document keeps the policy its route sets (sandboxed preview)", async () => {
  const response = await proxy(new NextRequest("http://localhost/documents/abc?apercu=1"));
  expect(response.headers.get("content-security-policy")).toBeNull();
});

test("HSTS only over https: the request, the reverse proxy's word or NEXTAUTH_URL", async () => {
  const previous = process.env.NEXTAUTH_URL;
  try {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect((await proxy(new NextRequest("http://localhost/aide"))).headers.get("strict-transport-security")).toBeNull();
    expect((await proxy(new NextRequest("https://d3.example/aide"))).headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect((await proxy(new NextRequest("http://localhost/aide", { headers: { "x-forwarded-proto": "https" } }))).headers.get("strict-transport-security")).toMatch(/^max-age=/);
    process.env.NEXTAUTH_URL = "https://d3.cnam.fr";
    expect((await proxy(new NextRequest("http://localhost/aide"))).headers.get("strict-transport-security")).toMatch(/^max-age=/);
  } finally {
    process.env.NEXTAUTH_URL = previous;
  }
});

test("an answer to a request with a session cookie is private, no-store; the live stream sets its own", async () => {
  const cookie = { cookie: "next-auth.session-token=opaque" };
  expect((await proxy(new NextRequest("http://localhost/aide", { headers: cookie }))).headers.get("cache-control")).toBe("private, no-store");
  expect((await proxy(new NextRequest("http://localhost/api/moi", { headers: cookie }))).headers.get("cache-control")).toBe("private, no-store");
  expect((await proxy(new NextRequest("http://localhost/api/demandes/abc/flux", { headers: cookie }))).headers.get("cache-control")).toBeNull();
  expect((await proxy(new NextRequest("http://localhost/aide"))).headers.get("cache-control")).toBeNull();
});

test("a server action from another site's page is refused with 403 before Next (which answered 500)", async () => {
  const response = await proxy(
    new NextRequest("http://localhost:3000/notifications", {
      method: "POST",
      body: "[]",
      headers: { host: "localhost:3000", origin: "http://evil.example", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" },
    }),
  );
  expect(response.status).toBe(403);
  expect(await response.text()).toContain("autre site");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
});

test("a path Next cannot decode is a 400 here, not Next's bare 500", async () => {
  for (const url of ["http://localhost/auditeur/nouvelle-demande/%E9", "http://localhost/demandes/%ED%A0%80", "http://localhost/aide/%"]) {
    const response = await proxy(new NextRequest(url));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Adresse invalide");
  }
  expect((await proxy(new NextRequest("http://localhost/auditeur/nouvelle-demande/LG02501A%7Ev2"))).status).not.toBe(400);
});
