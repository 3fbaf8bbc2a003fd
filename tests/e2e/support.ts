import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export async function logIn(page: Page, identifier: string, password: string) {
  await page.getByLabel("Identifiant").fill(identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  const submit = page.getByRole("button", { name: "Se connecter" });
  await waitForHydration(submit);
  await submit.click();
}

/** A page in a browser context of its own (its own cookies), logged in as `identifier`. */
export async function session(browser: Browser, identifier: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  await page.goto("/connexion");
  await logIn(page, identifier, password);
  await expect(page).not.toHaveURL(/connexion/);
  return page;
}

/**
 * Until React has hydrated an element, a click on it is the browser's alone (a form would be sent
 * without its script). React marks each element it hydrates with its fiber.
 */
export async function waitForHydration(locator: Locator) {
  await expect.poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$"))), { timeout: 15_000 }).toBe(true);
}

/** No WCAG 2.1 A/AA violation that axe can detect on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a server action, Next streams the refreshed page's metadata after its body: the <title>
  // is briefly absent. A page whose title never comes still fails here.
  await expect.poll(() => page.title(), { message: "the page has a title" }).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The page's own alert (Next.js adds an empty route announcer with role="alert" too). */
export function alertBox(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/**
 * Records the page's layout shifts (CLS's raw material; shifts right after an input excluded) from
 * its first paint, each with what moved: call before `goto`, then read `layoutShiftsOf(page)`.
 */
export async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        const moved = (entry.sources ?? []).map(({ node }) => (node instanceof Element ? `<${node.localName}${node.id ? `#${node.id}` : ""} class="${node.className}">` : String(node?.nodeName)));
        shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

export async function layoutShiftsOf(page: Page): Promise<{ value: number; moved: string[] }[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: { value: number; moved: string[] }[] }).layoutShifts);
}

/** The page's cumulated layout shift so far (recordLayoutShifts first). */
export async function layoutShiftOf(page: Page): Promise<number> {
  return (await layoutShiftsOf(page)).reduce((sum, shift) => sum + shift.value, 0);
}
