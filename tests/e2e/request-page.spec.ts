import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_PASSWORD, E2E_PORT, E2E_POSTGRES_URL, E2E_STORAGE_DIR } from "./env";
import { expectAccessible, logIn } from "./support";

/**
 * Issue 13, points 4, 7 and 9 on the request pages: on a phone (375 px) the state and what to do,
 * the steps, the récépissé and letters and the documents come within the first 1 500 px, before
 * the messages and the history (in the DOM, so in reading order too); no sideways scroll at 320 px;
 * each page has its own title (number and state); the staff's page starts with the actions.
 * The requests are made with the real use cases (tests/support/e2e-request-page.ts).
 */

const root = path.resolve(__dirname, "../..");
const PHONE = { width: 375, height: 800 };
const FIRST_SCREENS = 1500;

function prepare(...args: string[]): { id: string; analysisId?: string } {
  const env = { ...process.env, DATABASE_URL: E2E_POSTGRES_URL, STORAGE_DIR: path.resolve(root, E2E_STORAGE_DIR, String(E2E_PORT)) };
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-request-page.ts", ...args], { cwd: root, env, encoding: "utf8" });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

async function session(browser: Browser, identifier: string, password: string, viewport = PHONE): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport })).newPage();
  await page.goto("/connexion");
  await logIn(page, identifier, password);
  await expect(page).not.toHaveURL(/connexion/);
  return page;
}

/** The top (or bottom) of an element, in CSS pixels from the top of the page. */
async function y(locator: Locator, edge: "top" | "bottom" = "top"): Promise<number> {
  await expect(locator).toBeVisible();
  return locator.evaluate((element, which) => element.getBoundingClientRect()[which] + window.scrollY, edge);
}

/** Whether `first` comes before `second` in the document (reading and keyboard order). */
async function before(first: Locator, second: Locator): Promise<boolean> {
  const handle = await second.elementHandle();
  return first.evaluate((a, b) => Boolean(b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING), handle);
}

/** How far the page scrolls sideways at the current width, and the elements that stick out (for the message). */
async function sidewaysScroll(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.parentElement?.closest(".overflow-x-auto"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const found = await sidewaysScroll(page);
  expect(found.overflow, `défilement horizontal à 320 px : ${found.culprits.join(", ")}`).toBeLessThanOrEqual(0);
}

test("Phones first: on the learner's request page the state, the next step, the steps, the récépissé, the letters and the documents come first, before messages and history", async ({ browser }) => {
  const requests = {
    draft: prepare("draft", "pia.brouillon.auditeur"),
    submitted: prepare("submitted", "paul.depot.auditeur"),
    correction: prepare("correction", "rose.complement.auditeur"),
    decided: prepare("decided", "yves.avis.auditeur"),
  };
  const identifiers = { draft: "pia.brouillon.auditeur", submitted: "paul.depot.auditeur", correction: "rose.complement.auditeur", decided: "yves.avis.auditeur" };
  const titles: string[] = [];

  for (const [name, request] of Object.entries(requests) as [keyof typeof requests, { id: string }][]) {
    const page = await session(browser, identifiers[name], E2E_PASSWORD);
    await page.goto(`/demandes/${request.id}`);
    const main = page.getByRole("main");
    const status = main.getByRole("region", { name: "Où en est votre dossier" });
    const steps = main.getByRole("heading", { level: 2, name: "Étapes", exact: true });
    const documents = main.getByRole("region", { name: "Pièces justificatives" });

    // The state and what to do, the steps and the documents, within the first screens of a phone.
    const tops: Record<string, number> = {
      state: await y(page.getByTestId("state-DIPLOMA")),
      "end of the state and next step": await y(status, "bottom"),
      steps: await y(steps),
      documents: await y(documents),
    };
    if (name !== "draft") tops["récépissé"] = await y(main.getByRole("link", { name: /récépissé de dépôt/ }));
    if (name === "decided") {
      tops.decision = await y(page.getByTestId("decision-EXPERIENCE"));
      tops.letters = await y(page.getByTestId("letters"));
    }
    // Right after a deposit (until the centre takes the request) and once decided, a block comes
    // first that itself says the state, the next step and gives the récépissé or the letter: it
    // starts on the first screen, and the rest keeps within the first screens after it.
    const first = name === "submitted" ? page.getByTestId("deposit-confirmation") : name === "decided" ? page.getByTestId("decision-EXPERIENCE") : null;
    const pushedBy = first ? (await y(first, "bottom")) - (await y(first)) : 0;
    if (first) expect(await y(first)).toBeLessThan(PHONE.height);
    const positions = Object.entries(tops).map(([what, top]) => `${what}: ${Math.round(top)} px`);
    expect(Object.values(tops).every((top) => top - pushedBy < FIRST_SCREENS), `${name} (${Math.round(pushedBy)} px before) – ${positions.join(", ")}`).toBe(true);

    // In the DOM: state, steps, documents, then the experience, the messages and the history.
    expect(await before(status, steps)).toBe(true);
    expect(await before(steps, documents)).toBe(true);
    expect(await before(documents, main.getByRole("region", { name: "Expérience professionnelle", exact: true }))).toBe(true);
    if (name !== "draft") expect(await before(documents, main.getByRole("region", { name: "Historique" }))).toBe(true);

    // A draft's documents are not sent yet; once deposited they are.
    const badges = documents.getByRole("list", { name: "Pièces jointes" });
    if (name === "draft") {
      await expect(badges.getByText("Pas encore transmis")).toHaveCount(2);
      await expect(badges.getByText("Transmis", { exact: true })).toHaveCount(0);
    } else {
      await expect(badges.getByText("Transmis", { exact: true })).toHaveCount(2);
    }

    // The jury's step explains the jury's opinion, not the favourable one.
    if (name === "submitted") {
      // (The joint analysis's steps are folded under « Analyse conjointe : déposée », the jury's beyond the next one.)
      await main.getByText("Analyse conjointe : déposée").click();
      await main.getByRole("list", { name: /^Étapes de la demande d'analyse/ }).locator("xpath=following-sibling::details/summary").click();
      await expect(main.getByRole("link", { name: "En savoir plus sur l'étape « Avis du jury »" })).toHaveAttribute("href", "/aide/etapes#avis-du-jury");
    }

    titles.push(await page.title());
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.context().close();
  }

  // Each request page has its own title: its number (or, for a draft, its diploma) and its state.
  expect(titles[0]).toBe("Demande de diplôme LG02501A – Brouillon – D3 – Cnam");
  expect(titles[1]).toMatch(/^Demande D3-\d{4}-\d{6} – Déposée – D3 – Cnam$/);
  expect(titles[2]).toMatch(/^Demande D3-\d{4}-\d{6} – Complément demandé – D3 – Cnam$/);
  expect(titles[3]).toMatch(/^Demande D3-\d{4}-\d{6} – Transmise au national \/ au jury – D3 – Cnam$/);
  expect(new Set(titles).size).toBe(titles.length);
});

test("On a wide screen the steps stay a column beside the state, after it in reading order", async ({ browser }) => {
  const { id } = prepare("submitted", "lina.large.auditeur");
  const page = await session(browser, "lina.large.auditeur", E2E_PASSWORD, { width: 1280, height: 900 });
  await page.goto(`/demandes/${id}`);
  const status = page.getByRole("region", { name: "Où en est votre dossier" });
  const steps = page.getByRole("complementary", { name: "Étapes" });
  const [statusBox, stepsBox] = [await status.boundingBox(), await steps.boundingBox()];
  expect(stepsBox!.x).toBeGreaterThan(statusBox!.x + statusBox!.width);
  expect(Math.abs(stepsBox!.y - statusBox!.y)).toBeLessThan(2);
  expect(await before(status, steps)).toBe(true);
  await expectAccessible(page);
});

test("Staff request pages: own titles, the actions first, and no « ne peut être validé » after the jury's favourable opinion", async ({ browser }) => {
  const submitted = prepare("submitted", "noa.centre.auditeur");
  const decided = prepare("decided", "eve.national.auditeur");

  const agent = await session(browser, "sophie.bernard", DEMO_PASSWORD);
  await agent.goto(`/centre/demandes/${submitted.id}`);
  await expect(agent).toHaveTitle(/^Demande D3-\d{4}-\d{6} – Déposée – Espace centre – D3 – Cnam$/);
  const main = agent.getByRole("main");
  const actions = main.getByRole("heading", { level: 2, name: "Actions", exact: true });
  await expect(agent.getByTestId("staff-state")).toHaveText("Déposée");
  expect(await y(actions)).toBeLessThan(FIRST_SCREENS / 2);
  expect(await before(actions, main.getByRole("heading", { level: 2, name: "Étapes", exact: true }))).toBe(true);
  expect(await before(main.getByRole("heading", { level: 2, name: "Étapes", exact: true }), main.getByRole("heading", { level: 2, name: /^Audit(eur|rice)$/ }))).toBe(true);
  await expectAccessible(agent);
  await expectNoSidewaysScroll(agent);
  // The joint analysis's page has a title of its own.
  const diplomaTitle = await agent.title();
  await agent.goto(`/centre/demandes/${submitted.analysisId}`);
  await expect(agent).toHaveTitle(/^Demande D3-\d{4}-\d{6} – Déposée – Espace centre – D3 – Cnam$/);
  expect(await agent.title()).not.toBe(diplomaTitle);
  await agent.context().close();

  const national = await session(browser, "claire.moreau", DEMO_PASSWORD, { width: 1280, height: 900 });
  await national.goto(`/national/demandes/${decided.id}`);
  await expect(national).toHaveTitle(/^Demande D3-\d{4}-\d{6} – Transmise au national \/ au jury – Service national des diplômes – D3 – Cnam$/);
  await expect(national.getByTestId("joint-analysis-note")).toHaveText("Le jury a rendu un avis favorable sur cette analyse : l'exigence d'expérience professionnelle est satisfaite.");
  await expect(national.getByRole("main")).not.toContainText("ne peut être validé qu'après un avis favorable");
  await national.goto(`/national/demandes/${decided.analysisId}`);
  await expect(national).toHaveTitle(/^Demande D3-\d{4}-\d{6} – Avis favorable – Service national des diplômes – D3 – Cnam$/);
  await expectAccessible(national);
});
