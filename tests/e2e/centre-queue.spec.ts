import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_POSTGRES_URL } from "./env";
import { expectAccessible, layoutShiftsOf, logIn, recordLayoutShifts, waitForHydration } from "./support";

// Issue 13, point 7 (agents' efficiency): the centre queue shows its results first, the bulk panel
// once a row is ticked, a diploma request with its joint analysis, and the agent chooses their emails.

const root = path.resolve(__dirname, "../..");

/** A new learner of Cnam Paris with a submitted joint diploma request → the two ids. */
function newJointRequest(): { id: string; analysisId: string } {
  const identifier = `file.agents${Date.now()}.auditeur`;
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-actions.ts", "learner-with-request", identifier], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

async function agentPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const settings = { locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 } };
  const context = await browser.newContext(settings);
  const page = await context.newPage();
  await page.goto("/connexion");
  await logIn(page, "sophie.bernard", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/connexion/);
  if (options.javaScriptEnabled !== false) return page;
  // The same session in a browser without scripts.
  const noScript = await browser.newContext({ ...settings, javaScriptEnabled: false, storageState: await context.storageState() });
  return noScript.newPage();
}

test("centre queue at 1280×800: the first row within 500 px, filters folded, the bulk panel once a row is ticked, the joint analysis under its diploma request", async ({ browser }) => {
  const { id, analysisId } = newJointRequest();
  const page = await agentPage(browser);
  await page.goto("/centre");

  const rows = page.getByTestId("queue-table").locator("tbody tr");
  const firstRow = await rows.first().boundingBox();
  expect(firstRow).not.toBeNull();
  // The y of the first row in the page (the page is at its top).
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(firstRow!.y).toBeLessThanOrEqual(500);
  test.info().annotations.push({ type: "first row y (px)", description: String(Math.round(firstRow!.y)) });
  console.log(`centre queue: first row at y = ${Math.round(firstRow!.y)} px`);

  // The other filters are folded, and « Plus de filtres » opens them.
  const more = page.getByTestId("more-filters");
  await expect(more).not.toHaveAttribute("open");
  await expect(page.getByLabel("Type", { exact: true })).toBeHidden();
  await expect(page.getByLabel("Recherche")).toBeVisible();
  await expect(page.getByLabel("État", { exact: true })).toBeVisible();

  // The diploma request, then its joint analysis right under it, each naming the other.
  const numberLinks = await rows.evaluateAll((trs) => trs.map((tr) => ({ href: tr.querySelector("td:nth-child(2) a")?.getAttribute("href"), grouped: tr.hasAttribute("data-grouped") })));
  const at = numberLinks.findIndex((row) => row.href === `/centre/demandes/${id}`);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(numberLinks[at + 1]).toEqual({ href: `/centre/demandes/${analysisId}`, grouped: true });
  await expect(rows.nth(at).getByTestId("queue-partner")).toContainText("avec l'analyse conjointe");
  await expect(rows.nth(at + 1).getByTestId("queue-partner")).toContainText("analyse conjointe de la demande");

  // The bulk panel: hidden until a row is ticked; the selection is announced.
  const panel = page.getByTestId("bulk-actions");
  const live = page.getByTestId("bulk-selection-live");
  await expect(panel).toBeHidden();
  await expect(live).toHaveAttribute("aria-live", "polite");
  const firstBox = rows.nth(at).getByRole("checkbox");
  await waitForHydration(firstBox);
  await firstBox.check();
  await expect(panel).toBeVisible();
  await expect(live).toHaveText("1 demande sélectionnée");
  await rows.nth(at + 1).getByRole("checkbox").check();
  await expect(live).toHaveText("2 demandes sélectionnées");
  await expect(panel.getByRole("button", { name: "Prendre en charge" })).toBeVisible();
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Tout décocher" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByLabel("Sélectionner toutes les demandes de la page")).toBeFocused();

  // A filter under « Plus de filtres » keeps them open after the search, with their count.
  await more.locator("summary").click();
  await page.getByLabel("Type", { exact: true }).selectOption("EXPERIENCE");
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/kind=EXPERIENCE/);
  await expect(page.getByTestId("more-filters")).toHaveAttribute("open");
  await expect(page.getByTestId("more-filters").locator("summary")).toHaveText("Plus de filtres (1 filtre actif)");
  await expectAccessible(page);
});

// Issue 15, point 5: Lighthouse desktop measured a layout shift of 0.2 on a short queue: the table's
// header grew when « Tout sélectionner » replaced its hidden text, and the idle bulk panel, shown
// until the scripts hid it, pushed the footer out of view. In a window tall enough for the whole
// page, any such move is in view: none may happen, however small its share of so tall a window.
test("the queue does not move when its scripts arrive: the header row and the idle bulk panel have their final size from the first paint", async ({ browser }) => {
  newJointRequest();
  const page = await agentPage(browser);
  await page.setViewportSize({ width: 1350, height: 6000 });
  await recordLayoutShifts(page);
  await page.goto("/centre");
  await waitForHydration(page.getByRole("checkbox", { name: "Sélectionner toutes les demandes de la page" }));
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("bulk-actions")).toBeHidden();
  expect(await layoutShiftsOf(page)).toEqual([]);
});

test("without JavaScript the bulk panel stays reachable after the table", async ({ browser }) => {
  newJointRequest();
  const page = await agentPage(browser, { javaScriptEnabled: false });
  await page.goto("/centre");
  const panel = page.getByTestId("bulk-actions");
  await expect(panel).toBeVisible();
  const [table, form] = await Promise.all([page.getByTestId("queue-table").boundingBox(), panel.boundingBox()]);
  expect(form!.y).toBeGreaterThan(table!.y + table!.height - 1);
});

test("Mes courriels: the agent chooses between each deposit, a daily digest (the default) and no email", async ({ browser }) => {
  const page = await agentPage(browser);
  await page.goto("/centre");
  await page.getByRole("link", { name: "Mes courriels" }).click();
  await expect(page).toHaveURL(/\/centre\/courriels$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mes courriels" })).toBeVisible();
  await expect(page.getByLabel("Un récapitulatif quotidien")).toBeChecked();
  await expectAccessible(page);

  const save = page.getByRole("button", { name: "Enregistrer" });
  await waitForHydration(save);
  await page.getByLabel("Aucun courriel").check();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Votre choix est enregistré" })).toHaveText("Votre choix est enregistré : aucun courriel.");
  await page.reload();
  await expect(page.getByLabel("Aucun courriel")).toBeChecked();

  // Back to the default, for the other tests.
  await page.getByLabel("Un récapitulatif quotidien").check();
  await waitForHydration(page.getByRole("button", { name: "Enregistrer" }));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre choix est enregistré" })).toContainText("un récapitulatif quotidien");
});
