import { expect, test, type Page, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { logIn } from "./support";

/**
 * Issue 14 through the production build: the headers of finding 9 (CSP with a nonce that Next puts
 * on its scripts, no violation in the browser; private caching; no session id for page scripts)
 * and the answers of finding 7 that only Next's own request handling gives (a path it cannot
 * decode, a server action from another site, a body it cannot read, repeated and broken query
 * parameters): a 4xx, never a 500.
 */

/** Every Content-Security-Policy violation the page reports, and every uncaught error of its scripts. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("pages carry a strict CSP with a fresh nonce on every script, and nothing is blocked", async ({ page }) => {
  const problems = watchConsole(page);
  const first = await page.goto("/connexion");
  const policy = first!.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  const again = await page.goto("/connexion");
  expect(again!.headers()["content-security-policy"]).not.toContain(nonce);

  // The app still runs under the policy: client-side validation, login, navigation, the live header.
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.goto("/aide");
  await page.goto("/auditeur/nouvelle-demande");
  await expect(page.getByRole("heading", { name: "Nouvelle demande" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("signed-in answers are private, no-store; the session id stays on the server", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  for (const path of ["/auditeur", "/aide", "/api/moi", "/notifications"]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
  const session = await page.request.get("/api/auth/session");
  const body = (await session.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ role: "AUDITEUR" });
  expect(body).not.toHaveProperty("sid");
  expect(JSON.stringify(body)).not.toMatch(/"sid"/);
});

test("HSTS only over https (here: the reverse proxy says so)", async ({ request }) => {
  expect((await request.get("/aide")).headers()["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/aide", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

async function statusOf(request: APIRequestContext, path: string): Promise<number> {
  return (await request.get(path, { maxRedirects: 0 })).status();
}

test("client input never gets a 500: paths Next cannot decode, repeated and broken parameters", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  const request = page.request;
  expect(await statusOf(request, "/auditeur/nouvelle-demande/%E9")).toBe(400);
  expect(await statusOf(request, "/demandes/%ED%A0%80")).toBe(400);
  const paths = [
    "/connexion?callbackUrl=a&callbackUrl=b",
    "/connexion?callbackUrl=%2F%E2%82%AC",
    "/mot-de-passe/nouveau?jeton=a&jeton=b",
    "/auditeur/nouvelle-demande?q=a&q=b",
    "/auditeur/nouvelle-demande?q=%00",
    "/auditeur/nouvelle-demande/%00",
    "/notifications?avant=a&avant=b",
    "/notifications?avant=%00",
    "/demandes/%00",
    "/documents/%00",
    "/api/demandes/%00/etat",
    "/aide/recherche?q=%ED%A0%80",
    "/aide/%00",
  ];
  for (const path of paths) expect(await statusOf(request, path), path).toBeLessThan(500);
  // A signed-in visitor sent to a non-ASCII place: the Location header is percent-encoded.
  const redirect = await request.get("/connexion?callbackUrl=%2F%E2%82%AC", { maxRedirects: 0 });
  expect(redirect.headers()["location"]).toBe("/%E2%82%AC");
});

test("a server action from another site, or with a body Next cannot read, is refused with 403/400, not 500", async ({ page, request }) => {
  // The id of a real action, as the page's form posts it.
  await page.goto("/mot-de-passe-oublie");
  let actionId: string | null = null;
  page.on("request", (sent) => {
    actionId ??= sent.headers()["next-action"] ?? null;
  });
  await page.getByLabel("Identifiant").fill("jean.dupont.auditeur");
  await page.getByRole("button").filter({ hasText: /envoyer|recevoir|lien/i }).first().click();
  await expect.poll(() => actionId).not.toBeNull();
  const post = (body: string, headers: Record<string, string> = {}) =>
    request.post("/mot-de-passe-oublie", { data: body, headers: { "next-action": actionId!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers } });
  expect((await post("[]", { origin: "http://evil.example" })).status()).toBe(403);
  expect((await post("notjson")).status()).toBe(400);
  expect((await post('["$K1"]')).status()).toBe(400);
  const answered = await post('[{"identifier":"jean.dupont\\u0000.auditeur"}]');
  expect(answered.status()).toBe(200);
  expect(await answered.text()).toContain("caractère non autorisé");
});
