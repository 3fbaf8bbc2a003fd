import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

test("the health check goes through the proxy without a session, with a request id on the request passed on and on the response", async () => {
  const response = await proxy(new NextRequest("http://localhost/api/sante"));
  expect(response.status).toBe(200);
  expect(response.headers.get("location")).toBeNull();
  const id = response.headers.get("x-request-id");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
  expect(response.headers.get("x-middleware-request-x-request-id")).toBe(id);
});

test("an anonymous visitor of a protected space is redirected, and the redirect carries the request id too", async () => {
  const response = await proxy(new NextRequest("http://localhost/centre", { headers: { "x-request-id": "lb-0123456789" } }));
  expect(response.status).toBe(307);
  expect(response.headers.get("location")).toContain("/connexion?callbackUrl=%2Fcentre");
  expect(response.headers.get("x-request-id")).toBe("lb-0123456789");
});
