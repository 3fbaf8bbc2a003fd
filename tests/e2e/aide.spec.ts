import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

test("the Aide is readable without logging in, from the tab of the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL(/\/aide$/);
  await expect(page.getByRole("heading", { level: 1, name: "Aide" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Les pages de l'aide" }).getByRole("link", { name: "Les étapes d'une demande" }).click();
  await expect(page).toHaveURL(/\/aide\/etapes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Les étapes d'une demande" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages de l'aide" }).getByRole("link", { name: "Les étapes d'une demande" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Sur cette page" }).getByRole("link", { name: "Complément demandé" })).toHaveAttribute("href", "#complement-demande");
  await page.getByRole("navigation", { name: "Pages précédente et suivante" }).getByRole("link", { name: /Questions fréquentes/ }).click();
  await expect(page).toHaveURL(/\/aide\/faq$/);
  await expectAccessible(page);
});

test("searching « experience » finds the experience page, and a result leads to its section", async ({ page }) => {
  await page.goto("/aide");
  await page.getByLabel("Rechercher dans l'aide").fill("experience");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/aide\/recherche\?q=experience$/);

  const results = page.getByTestId("help-results");
  await expect(results.getByRole("link").first()).toHaveAttribute("href", /^\/aide\/analyse-experience/);
  await expect(results.locator("mark").first()).toHaveText(/^expérience$/i);
  const durations = results.getByRole("link", { name: "Les durées exigées" });
  await expect(durations).toHaveAttribute("href", "/aide/analyse-experience#durees");
  await expectAccessible(page);

  await durations.click();
  await expect(page).toHaveURL(/\/aide\/analyse-experience#durees$/);
  await expect(page.locator("#durees")).toBeInViewport();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still answers", async ({ page }) => {
    await page.goto("/aide/faq");
    await page.getByLabel("Rechercher dans l'aide").fill("récépissé");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/\/aide\/recherche\?q=r%C3%A9c%C3%A9piss%C3%A9$/);
    await expect(page.getByRole("heading", { level: 2, name: /résultats? pour « récépissé »/ })).toBeVisible();
    await expect(page.getByTestId("help-results").getByRole("link", { name: "J'ai perdu mon récépissé de dépôt" })).toHaveAttribute("href", "/aide/faq#recepisse");
  });
});

test("a contextual link from a request lands on the explained step", async ({ page }) => {
  await page.goto("/aide/etapes#complement-demande");
  const step = page.locator("#complement-demande");
  await expect(step).toBeVisible();
  await expect(step).toHaveText("Complément demandé");
  await expect(step).toBeInViewport();
  await expectAccessible(page);
});

test("an old English anchor (#in-review, in pages and emails sent before) still lands on its French section", async ({ page }) => {
  await page.goto("/aide/etapes#in-review");
  await expect(page).toHaveURL(/\/aide\/etapes#en-instruction$/);
  await expect(page.locator("#en-instruction")).toBeInViewport();
});

test("the help reads on a phone without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/aide", "/aide/analyse-experience", "/aide/centres", "/aide/recherche?q=stage"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
});
