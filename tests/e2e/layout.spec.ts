import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_POSTGRES_URL } from "./env";
import { expectAccessible, layoutShiftOf, logIn, recordLayoutShifts } from "./support";

/** Runs one SQL statement on the app's database (the session rows the browser's cookie names). */
async function sql(text: string, values: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> {
  const client = new Client({ connectionString: E2E_POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

const sessionsOf = (identifier: string) => `"userId" = (SELECT id FROM "User" WHERE identifier = '${identifier}')`;

async function loginAs(page: Page, identifier: string) {
  await page.goto("/connexion");
  await logIn(page, identifier, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/connexion/);
}

const LEGAL_PAGES = [
  { link: "Accessibilité : partiellement conforme", path: "/accessibilite", heading: "Déclaration d'accessibilité" },
  { link: "Mentions légales", path: "/mentions-legales", heading: "Mentions légales" },
  { link: "Données personnelles", path: "/donnees-personnelles", heading: "Données personnelles" },
  { link: "Plan du site", path: "/plan-du-site", heading: "Plan du site" },
];

test("the brand block, the legal footer and its pages, accessible and each with its own title", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: /^Le Cnam\s*D3 — Diplômes et expérience/ })).toBeVisible();
  const titles = new Set<string>([await page.title()]);
  for (const legal of LEGAL_PAGES) {
    await page.getByRole("contentinfo").getByRole("link", { name: legal.link }).click();
    await expect(page).toHaveURL(new RegExp(`${legal.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: legal.heading })).toBeVisible();
    await expectAccessible(page);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(LEGAL_PAGES.length + 1);
  await page.goto("/accessibilite");
  await expect(page.getByText("partiellement conforme", { exact: true })).toBeVisible();
  await page.goto("/mentions-legales");
  await expect(page.getByText("292 rue Saint-Martin, 75003 Paris", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("L'administrateur général du Cnam.")).toBeVisible();
  await page.goto("/donnees-personnelles");
  await expect(page.getByText(/article 6, paragraphe 1, point e/)).toBeVisible();
  await expect(page.getByText(/supprimé après 90 jours sans activité/)).toBeVisible();
});

const ROLES = [
  { identifier: "jean.dupont.auditeur", tabs: ["Mes demandes", "Aide"], label: "Auditeur" },
  { identifier: "lea.petit.auditeur", tabs: ["Mes demandes", "Aide"], label: "Auditrice" },
  { identifier: "sophie.bernard", tabs: ["Demandes du centre", "Numéros à confirmer", "Aide"], label: "Gestionnaire de centre" },
  { identifier: "claire.moreau", tabs: ["Demandes", "Statistiques", "Aide"], label: "Agent national / jury" },
  { identifier: "nadia.leroy", tabs: ["Administration", "Statistiques", "Aide"], label: "Administrateur" },
];

for (const role of ROLES) {
  test(`${role.identifier} sees only the tabs of their own spaces`, async ({ page }) => {
    await loginAs(page, role.identifier);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    await expect(nav.getByRole("link")).toHaveText(role.tabs);
    await expect(page.getByRole("banner").getByText(role.label, { exact: true })).toBeVisible();
    // Every tab opens a page of the user's own (no 403).
    for (const tab of role.tabs) {
      const href = await nav.getByRole("link", { name: tab, exact: true }).getAttribute("href");
      const response = await page.goto(href!);
      expect([href, response?.status()]).toEqual([href, 200]);
      await expect(page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });
}

/** The pages a role reaches: its site map, and the first request its space lists (if any). */
async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/plan-du-site");
  const hrefs = await page.getByRole("main").getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  const own = [...new Set(hrefs.filter((href) => href.startsWith("/") && !href.startsWith("/connexion") && !href.startsWith("/mot-de-passe")))];
  const found: string[] = [];
  for (const start of own.filter((href) => ["/auditeur", "/centre", "/national"].includes(href))) {
    await page.goto(start);
    const request = await page.locator('main a[href*="/demandes/"]').first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
    if (request) found.push(request);
  }
  return [...own, ...found];
}

for (const role of ROLES.filter((r) => r.identifier !== "lea.petit.auditeur")) {
  test(`${role.identifier}: at 320 px no page scrolls sideways, and every page has its own title`, async ({ page }) => {
    test.setTimeout(180_000);
    await loginAs(page, role.identifier);
    const paths = await pagesOf(page);
    expect(paths.length).toBeGreaterThan(5);
    await page.setViewportSize({ width: 320, height: 640 });
    const titles = new Map<string, string>();
    const overflowing: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 200]);
      await page.waitForLoadState("networkidle");
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      if (width > 320) overflowing.push(`${path} (${width} px)`);
      const title = await page.title();
      const pathname = new URL(page.url()).pathname;
      if (!titles.has(title) || titles.get(title) === pathname) titles.set(title, pathname);
      else throw new Error(`Same title « ${title} » for ${titles.get(title)} and ${pathname}`);
    }
    expect(overflowing).toEqual([]);
  });
}

test("a learner's draft request page fits 320 px and is titled apart from the other pages", async ({ page }) => {
  const learner = "jean.dupont.auditeur";
  try {
    await loginAs(page, learner);
    await page.goto("/auditeur/nouvelle-demande");
    await page.getByLabel("Choisissez le diplôme visé").fill("licence informatique");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: /LG02501A – Licence informatique/ }).click();
    const diplomaTitle = await page.title();
    await page.getByRole("button", { name: "Commencer la demande de délivrance" }).click();
    await expect(page).toHaveURL(/\/demandes\/[^/]+$/);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.title()).not.toBe(diplomaTitle);
    await expectAccessible(page);
  } finally {
    await sql(`DELETE FROM "Request" WHERE "learnerId" = (SELECT id FROM "User" WHERE identifier = $1)`, [learner]);
  }
});

test("the header is compact on a phone: the brand and the tabs fit, the user's name gives way", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await loginAs(page, "claire.moreau");
  const header = page.getByRole("banner");
  await expect(header.getByText("Claire Moreau")).toBeHidden();
  expect((await header.boundingBox())!.height).toBeLessThan(260);
  await expectAccessible(page);
});

test("the header comes with the page: the user's box and tabs are in its HTML, and nothing moves once it is shown", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await loginAs(page, "jean.dupont.auditeur");
  const html = await (await page.request.get("/auditeur")).text();
  expect(html).toContain('data-testid="notifications-link"');
  expect(html).toContain(">Mes demandes<");
  await recordLayoutShifts(page);
  for (const path of ["/auditeur", "/auditeur/profil", "/aide"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await layoutShiftOf(page)).toBeLessThan(0.02);
  }
});

test("the session's end is announced in time, and « Prolonger ma session » gives it a full duration again", async ({ page }) => {
  await loginAs(page, "jean.dupont.auditeur");
  // Every session of this learner (earlier tests logged in too) ends in 3 minutes; the extension gives this one 8 hours again.
  await sql(`UPDATE "Session" SET "expiresAt" = now() + interval '3 minutes' WHERE ${sessionsOf("jean.dupont.auditeur")}`);
  await page.goto("/auditeur/profil");
  const dialog = page.getByRole("alertdialog", { name: "Votre session expire bientôt" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/se termine dans (2|3) minutes/);
  const extend = dialog.getByRole("button", { name: "Prolonger ma session" });
  await expect(extend).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Votre session est prolongée jusqu'à" })).toBeAttached();
  const { rows } = await sql(`SELECT max(EXTRACT(EPOCH FROM ("expiresAt" - now()))) AS left FROM "Session" WHERE ${sessionsOf("jean.dupont.auditeur")}`);
  expect(Number(rows[0]!.left)).toBeGreaterThan(7.9 * 3600);
  // The page still works after the extension: no warning on the next page.
  await page.goto("/auditeur");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("once the session has ended, the warning says so and offers to log in again, back to the same page", async ({ page }) => {
  await loginAs(page, "sophie.bernard");
  await sql(`UPDATE "Session" SET "expiresAt" = now() + interval '4 seconds' WHERE ${sessionsOf("sophie.bernard")}`);
  await page.goto("/notifications");
  await expect(page.getByRole("alertdialog", { name: "Votre session expire bientôt" })).toBeVisible();
  await page.getByRole("button", { name: "Fermer" }).click();
  // Closed, the warning still counts: the end is announced when it comes.
  const ended = page.getByRole("alertdialog", { name: "Votre session a expiré" });
  await expect(ended).toBeVisible({ timeout: 15_000 });
  const again = ended.getByRole("link", { name: "Se reconnecter" });
  await expect(again).toHaveAttribute("href", "/connexion?callbackUrl=%2Fnotifications");
  await again.click();
  // The ended session's dialog stays behind: the login form is not held inert under it.
  await expect(page.getByRole("heading", { name: "Se connecter", level: 1 })).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await logIn(page, "sophie.bernard", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("what was typed survives an expired session: « Enregistrer » leads to the login page and back, the form filled in again; logging out clears the copy", async ({ page }) => {
  test.setTimeout(120_000);
  const learner = "lea.petit.auditeur";
  try {
    await loginAs(page, learner);
    await page.goto("/auditeur/nouvelle-demande");
    await page.getByLabel("Choisissez le diplôme visé").fill("licence informatique");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: /LG02501A – Licence informatique/ }).click();
    await page.getByRole("button", { name: "Commencer une analyse anticipée" }).click();
    await expect(page).toHaveURL(/\/demandes\/[^/]+$/);
    const requestPath = new URL(page.url()).pathname;

    await page.getByRole("button", { name: "Ajouter une expérience" }).click();
    const form = page.getByRole("form", { name: "Ajouter une expérience" });
    await form.getByLabel("Employeur").fill("Atelier Petit");
    await form.getByLabel("Intitulé du poste").fill("Technicienne réseaux");
    await form.getByLabel("Activités").fill("Administration du parc, supervision, assistance aux utilisateurs.");

    // The session ends on the server while the page is open.
    await sql(`UPDATE "Session" SET "expiresAt" = now() - interval '1 minute' WHERE ${sessionsOf(learner)}`);
    await form.getByLabel("Date de début").fill("2021-01-01");
    await form.getByLabel("Date de fin").fill("2024-06-30");
    await form.getByLabel("Temps de travail (%)").fill("100");
    await form.getByLabel("Oui").check();
    await form.getByRole("button", { name: "Ajouter cette expérience" }).click();

    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get("callbackUrl") ?? "")).toBe(requestPath);
    await logIn(page, learner, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${requestPath}$`));
    const again = page.getByRole("form", { name: "Ajouter une expérience" });
    await expect(again.getByLabel("Employeur")).toHaveValue("Atelier Petit");
    await expect(again.getByLabel("Intitulé du poste")).toHaveValue("Technicienne réseaux");
    await expect(again.getByLabel("Date de fin")).toHaveValue("2024-06-30");

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
    const drafts = await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("d3:")));
    expect(drafts).toEqual([]);
  } finally {
    // The other journeys expect this learner without any request.
    await sql(`DELETE FROM "Request" WHERE "learnerId" = (SELECT id FROM "User" WHERE identifier = $1)`, [learner]);
  }
});

test("with the session cookie gone (its end in the browser), « Enregistrer mes changements » leads to the login page and back to Mon profil, with what was typed", async ({ page, context }) => {
  await loginAs(page, "hugo.roux.auditeur");
  await page.goto("/auditeur/profil");
  await page.getByLabel("Commune", { exact: true }).fill("Villeneuve-d'Ascq");
  await context.clearCookies({ name: "next-auth.session-token" });
  await page.getByRole("button", { name: "Enregistrer mes changements" }).click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur%2Fprofil$/);
  await logIn(page, "hugo.roux.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur\/profil$/);
  await expect(page.getByLabel("Commune", { exact: true })).toHaveValue("Villeneuve-d'Ascq");
});

test("error pages carry their own title", async ({ page }) => {
  const missing = await page.goto("/cette-page-n-existe-pas");
  expect(missing?.status()).toBe(404);
  await expect(page).toHaveTitle("Page introuvable (erreur 404) – D3 – Cnam");
  await loginAs(page, "jean.dupont.auditeur");
  const refused = await page.goto("/centre");
  expect(refused?.status()).toBe(403);
  await expect(page).toHaveTitle("Accès refusé (erreur 403) – D3 – Cnam");
  await expectAccessible(page);
});

test("a form sent with errors lists them as links to their fields, and the title says « Erreur »", async ({ page }) => {
  await loginAs(page, "jean.dupont.auditeur");
  await page.goto("/auditeur/profil");
  const title = await page.title();
  const email = page.getByLabel("Adresse électronique");
  await email.fill("pas-une-adresse");
  await page.getByRole("button", { name: /Enregistrer/ }).first().click();
  const summary = page.getByRole("alert").filter({ hasText: "à corriger" });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(`Erreur – ${title}`);
  await summary.getByRole("link").first().click();
  await expect(email).toBeFocused();
});
