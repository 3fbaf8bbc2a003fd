/**
 * Issue 13, point 8: no internal code nor English word on the staff's pages — the history of a
 * request, the audit journal, the administration's imports and emails (« transition :
 * recordHandover ; de : SENT_TO_CENTRE », « npm run jobs:outbox », « Au format de prisma/data/… »
 * were there). The learner's and the centre agent's main pages are read by screenshots.spec.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { internalCodesOnPage, learnerWithRequest } from "./journey-data";
import { logIn } from "./support";

async function loginAs(page: Page, identifier: string) {
  await page.goto("/connexion");
  await logIn(page, identifier, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** Every internal code on each page, by address (none: an empty list for each). */
async function codesOn(page: Page, urls: string[]): Promise<[string, string[]][]> {
  const found: [string, string[]][] = [];
  for (const url of urls) {
    const response = await page.goto(url);
    expect([url, response?.status()]).toEqual([url, 200]);
    await expect(page.locator("h1").first()).toBeVisible();
    found.push([url, await internalCodesOnPage(page)]);
  }
  return found;
}

const noCodes = (urls: string[]) => urls.map((url): [string, string[]] => [url, []]);

test("the administration's pages, the audit journal first, say nothing in code", async ({ page }) => {
  await loginAs(page, "nadia.leroy");
  // Rows of several kinds in the journal: the seed's imports, and this login's own actions.
  const urls = ["/admin", "/admin/journal", "/admin/courriels", "/admin/imports", "/admin/comptes", "/admin/centres", "/admin/statistiques"];
  expect(await codesOn(page, urls)).toEqual(noCodes(urls));
});

test("the centre's and the national service's pages, with a request's history and its récépissé, say nothing in code", async ({ page }) => {
  const { id } = learnerWithRequest("noe.codes.auditeur");
  await loginAs(page, "sophie.bernard");
  // The récépissé's web version says what its PDF says (the PDF's text: tests/integration/requests/receipt.test.ts).
  const centre = ["/centre", "/centre/numeros", `/centre/demandes/${id}`, `/demandes/${id}/recepisse/version-accessible`];
  expect(await codesOn(page, centre)).toEqual(noCodes(centre));

  await page.context().clearCookies();
  await loginAs(page, "claire.moreau");
  const national = ["/national", "/national/statistiques"];
  expect(await codesOn(page, national)).toEqual(noCodes(national));
});

test("the help pages say nothing in code", async ({ page }) => {
  await page.goto("/aide");
  const pages = await page.getByRole("main").locator('a[href^="/aide/"]').evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).pathname))]);
  expect(pages.length).toBeGreaterThan(3);
  expect(await codesOn(page, pages)).toEqual(noCodes(pages));
});
