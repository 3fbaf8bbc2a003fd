import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_ACCOUNTS, E2E_PASSWORD } from "./env";
import { alertBox, expectAccessible, logIn, waitForHydration } from "./support";

test("a wrong password gets one generic message, and the identifier stays typed", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jean.dupont.auditeur", "pas-le-bon-mot-de-passe");
  await expect(alertBox(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  await expect(page.getByLabel("Identifiant")).toHaveValue("jean.dupont.auditeur");
  await expectAccessible(page);
});

test("what is typed before the page is ready stays typed, and logs in", async ({ page }) => {
  // The page's scripts are held back, as on a slow phone, while the person types.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/connexion?callbackUrl=%2Fnotifications", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Identifiant").fill("sophie.bernard");
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  release();
  await waitForHydration(page.getByRole("button", { name: "Se connecter" }));
  await expect(page.getByLabel("Identifiant")).toHaveValue("sophie.bernard");
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
});

test("an identifier with an accent or a space is refused with a clear message, next to the field", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jérôme.durand.auditeur", "peu importe");
  await expect(page.getByText(/ne contient pas d'accent/)).toBeVisible();
  await expect(page.getByLabel("Identifiant")).toHaveAttribute("aria-invalid", "true");
});

test("after 5 failures the account is locked for 15 minutes, even with the right password", async ({ page }) => {
  await page.goto("/connexion");
  for (let i = 1; i <= 4; i++) {
    await logIn(page, E2E_ACCOUNTS.lockout, `mauvais-${i}`);
    await expect(alertBox(page)).toHaveText("Identifiant ou mot de passe incorrect.");
  }
  await logIn(page, E2E_ACCOUNTS.lockout, "mauvais-5");
  await expect(alertBox(page)).toContainText("bloquée pendant 15 minutes");
  await logIn(page, E2E_ACCOUNTS.lockout, E2E_PASSWORD);
  await expect(alertBox(page)).toContainText("bloquée pendant 15 minutes");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a learner without an ENF identifier is told to contact their centre", async ({ page }) => {
  await page.goto("/connexion");
  await expect(page.getByRole("heading", { name: "Vous n'avez pas d'identifiant ENF ?" })).toBeVisible();
  await expect(page.getByText(/contactez votre centre d'inscription/)).toBeVisible();
});

test("Se déconnecter ends the session", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto("/auditeur");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur$/);
});
