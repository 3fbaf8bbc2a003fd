import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { STATE_LABELS, type RequestState } from "../../lib/requests/domain/states";
import { E2E_PASSWORD, E2E_POSTGRES_URL } from "./env";
import { expectAccessible, logIn, waitForHydration } from "./support";

/**
 * Issue 13, « Done when »: every request state the use cases can reach (tests/support/e2e-every-state.ts),
 * seen by its learner, by the centre's agent and, once forwarded, by the national service's agent,
 * at 1280 px and at 320 px: axe finds no violation, nothing scrolls sideways at 320 px (RGAA 10.11),
 * at most one primary action is shown at a time (point 9), and each page has a title of its own
 * with the request's number and state (RGAA 8.6). The administration's, the national service's and
 * the centre's other pages are read at 320 px too. One browser context per role; the learners take
 * turns in theirs. Failures are collected (expect.soft) so that one run lists every page to fix.
 */

const root = path.resolve(__dirname, "../..");
const DESK = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };

type Titled = { state: RequestState; number: string | null };
type Made = Titled & { identifier: string; id: string; national: boolean; diploma: Titled };

function prepare(): Made[] {
  // « <state's French name>.etat<digits>.auditeur »: an identifier of the ENF's form (lib/auth/domain/identifier.ts), new at each run.
  const suffix = `etat${Date.now() % 1e9}`;
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-every-state.ts", "all", suffix], { cwd: root, env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL }, encoding: "utf8" });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

async function context(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport: DESK })).newPage();
}

async function signIn(page: Page, identifier: string, password: string) {
  await page.context().clearCookies();
  await page.goto("/connexion");
  await logIn(page, identifier, password);
  await expect(page).not.toHaveURL(/connexion/);
}

/** The visible actions styled as primary (components/ui/Button.tsx's data-variant), by their text. */
async function primaryActions(page: Page): Promise<string[]> {
  return page.locator('[data-variant="primary"]').evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0).map((element) => (element.textContent ?? "").trim().replace(/\s+/g, " ")),
  );
}

/** How far the page scrolls sideways, and the first elements that stick out (for the message). */
async function sidewaysScroll(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.parentElement?.closest(".overflow-x-auto, .overflow-auto"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { width: document.scrollingElement!.scrollWidth, culprits };
  });
}

/** Everything found on each page, by address, so that a run lists every page to fix. */
class Sweep {
  readonly titles = new Map<string, string>();

  async visit(page: Page, url: string, widths: readonly { width: number; height: number }[]): Promise<string> {
    for (const viewport of widths) {
      await page.setViewportSize(viewport);
      const response = await page.goto(url);
      expect.soft(response?.status(), `${url} : statut`).toBe(200);
      await expect(page.locator("h1").first()).toBeVisible();
      const where = `${url} à ${viewport.width} px`;
      if (viewport.width <= 320) {
        const found = await sidewaysScroll(page);
        expect.soft(found.width, `${where} : défilement horizontal (${found.culprits.join(", ")})`).toBeLessThanOrEqual(320);
      }
      const primaries = await primaryActions(page);
      expect.soft(primaries.length, `${where} : actions principales ${JSON.stringify(primaries)}`).toBeLessThanOrEqual(1);
      await test.step(`axe ${where}`, async () => {
        try {
          await expectAccessible(page);
        } catch (error) {
          expect.soft(String(error), `${where} : axe`).toBe("");
        }
      });
    }
    const title = await page.title();
    const other = this.titles.get(title);
    expect.soft(other === undefined || other === url, `titre « ${title} » de ${url} déjà pris par ${other}`).toBe(true);
    this.titles.set(title, url);
    return title;
  }
}

test("every request state: the learner's, the centre's and the national service's request pages, at 1280 and 320 px, accessible, without sideways scroll, one primary action, titles of their own", async ({ browser }) => {
  test.setTimeout(300_000);
  const made = prepare();
  expect(made.map((request) => request.state).length).toBeGreaterThanOrEqual(15);
  const sweep = new Sweep();
  const widths = [DESK, NARROW] as const;
  const titleOf = (request: Titled) => new RegExp(`^${request.number ? `Demande ${request.number}` : "Demande de diplôme LG02501A"} – ${STATE_LABELS[request.state]}`);

  const learner = await context(browser);
  for (const request of made) {
    await signIn(learner, request.identifier, E2E_PASSWORD);
    // A joint analysis is shown to its learner with its diploma request, on a page named after the latter.
    expect.soft(await sweep.visit(learner, `/demandes/${request.id}`, widths)).toMatch(titleOf(request.diploma));
    // The page's one primary action is the learner's next step, not saving a piece of the draft.
    const next: Partial<Record<RequestState, RegExp>> = { DRAFT: /^Déposer les deux demandes$/, CORRECTION_REQUESTED: /^Renvoyer ma demande complétée$/, FAVOURABLE_WITH_CONDITION: /^Envoyer la convention/ };
    if (next[request.state]) expect.soft(await primaryActions(learner), `action principale (${request.state})`).toEqual([expect.stringMatching(next[request.state]!)]);
    if (request.state === "CORRECTION_REQUESTED") {
      // Opening the withdrawal's confirmation adds no second primary action beside the resubmission.
      const withdraw = learner.getByRole("button", { name: "Abandonner cette demande" });
      await waitForHydration(withdraw);
      await withdraw.click();
      await expect(learner.getByRole("button", { name: "Confirmer l'abandon" })).toBeVisible();
      expect.soft(await primaryActions(learner), "action principale, abandon ouvert").toEqual(["Renvoyer ma demande complétée"]);
    }
  }

  const centre = await context(browser);
  await signIn(centre, "sophie.bernard", DEMO_PASSWORD);
  for (const request of made.filter((r) => r.state !== "DRAFT")) {
    expect.soft(await sweep.visit(centre, `/centre/demandes/${request.id}`, widths)).toMatch(titleOf(request));
  }
  // An action opened on the staff's page: its confirmation is the one primary action (the button that opened it is not).
  const inReview = made.find((request) => request.state === "IN_REVIEW")!;
  await centre.goto(`/centre/demandes/${inReview.id}`);
  const opener = centre.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Demander un complément", exact: true });
  await waitForHydration(opener);
  await opener.click();
  await expect(centre.getByRole("heading", { level: 3, name: "Demander un complément" })).toBeVisible();
  expect.soft(await primaryActions(centre), "action principale, une action ouverte").toEqual(["Envoyer la demande de complément"]);

  const national = await context(browser);
  await signIn(national, "claire.moreau", DEMO_PASSWORD);
  for (const request of made.filter((r) => r.national)) {
    // The same page as the centre's (StaffRequestView), read at 1280 px there: 320 px only here.
    expect.soft(await sweep.visit(national, `/national/demandes/${request.id}`, [NARROW])).toMatch(titleOf(request));
  }
});

test("the administration's, the national service's and the centre's pages at 320 px: accessible, without sideways scroll, one primary action, titles of their own", async ({ browser }) => {
  test.setTimeout(120_000);
  const sweep = new Sweep();
  const spaces: [string, string[]][] = [
    ["nadia.leroy", ["/admin", "/admin/journal", "/admin/courriels", "/admin/imports", "/admin/comptes", "/admin/centres", "/admin/statistiques"]],
    ["claire.moreau", ["/national", "/national/statistiques"]],
    ["sophie.bernard", ["/centre", "/centre/numeros", "/centre/courriels"]],
  ];
  for (const [identifier, urls] of spaces) {
    const page = await context(browser);
    await signIn(page, identifier, DEMO_PASSWORD);
    for (const url of urls) await sweep.visit(page, url, [NARROW]);
  }
  expect(sweep.titles.size).toBe(12);
});
