/**
 * Issue 12: a learner who exists only in the ENF logs in with the ENF's password, completes the
 * profile, logs in again and lands on « Suivi de dossiers »; once through the LDAP directory
 * (a real slapd), once through the OpenID Connect provider (npm oidc-provider). The two D3
 * instances are started by tests/support/e2e-server.ts directories.
 */
import { expect, test, type Page } from "@playwright/test";
import { E2E_DIRECTORY_PORTS, E2E_ENF_RESET_URL } from "./env";
import { DIRECTORY_PEOPLE } from "../support/ldap-server";
import { OIDC_PEOPLE } from "../support/oidc-server";
import { alertBox, expectAccessible, logIn } from "./support";

const LDAP_APP = `http://localhost:${E2E_DIRECTORY_PORTS.ldap}`;
const OIDC_APP = `http://localhost:${E2E_DIRECTORY_PORTS.oidc}`;

async function completeProfile(page: Page, learnerNumber: string) {
  await expect(page).toHaveURL(/\/profil\/completer$/);
  await expect(page.getByRole("heading", { name: "Compléter mon profil" })).toBeVisible();
  await page.getByLabel("Madame").check();
  await page.getByLabel("Nom de naissance").fill("Annuaire");
  await page.getByLabel("Prénom(s)").fill("Léa");
  await page.getByLabel("Date de naissance").fill("1992-04-02");
  await page.getByLabel("Commune de naissance").fill("Nantes");
  await page.getByLabel("Adresse", { exact: true }).fill("2 rue de l'Annuaire");
  await page.getByLabel("Code postal").fill("44000");
  await page.getByLabel("Commune", { exact: true }).fill("Nantes");
  await page.getByLabel("Adresse électronique").fill("lea.profil@example.fr");
  await page.getByLabel("Téléphone").fill("02 40 00 00 00");
  // The learner number may come from the directory rather than from the learner (issue 14).
  const number = page.getByLabel("Numéro d'auditeur");
  if ((await number.count()) > 0 && (await number.isEditable())) await number.fill(learnerNumber);
  await page.getByLabel("Centre d'inscription").selectOption({ label: "Cnam Bourgogne-Franche-Comté" });
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(page).toHaveURL(/\/profil-enregistre$/);
}

test("LDAP: the directory's password, « Compléter mon profil », then « Suivi de dossiers »; wrong password and ENF reset link", async ({ page }) => {
  const { learner } = DIRECTORY_PEOPLE;
  await page.goto(`${LDAP_APP}/connexion`);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: /Mot de passe oublié/ })).toHaveAttribute("href", E2E_ENF_RESET_URL);

  // D3 keeps no password: its own reset pages lead to the ENF's.
  await page.goto(`${LDAP_APP}/mot-de-passe-oublie`);
  await expect(page.getByRole("link", { name: "Choisir un nouveau mot de passe sur l'ENF" })).toHaveAttribute("href", E2E_ENF_RESET_URL);
  await expect(page.getByLabel("Identifiant")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`${LDAP_APP}/connexion`);

  await logIn(page, learner.uid, "pas-le-mot-de-passe-ENF");
  await expect(alertBox(page)).toHaveText("Identifiant ou mot de passe incorrect.");

  await logIn(page, learner.uid, learner.password);
  await completeProfile(page, "LDAP2026001");

  await page.goto(`${LDAP_APP}/auditeur`);
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur$/);
  await logIn(page, learner.uid, learner.password);
  await expect(page).toHaveURL(/\/auditeur$/);
  await expect(page.getByRole("heading", { name: "Suivi de dossiers" })).toBeVisible();
  await expectAccessible(page);
});

test("OpenID Connect: « Se connecter avec mon compte ENF », the ENF's page, « Compléter mon profil », then « Suivi de dossiers »", async ({ page }) => {
  const [identifier, person] = Object.entries(OIDC_PEOPLE).find(([id]) => id.endsWith(".auditeur"))!;
  await page.goto(`${OIDC_APP}/connexion`);
  await expectAccessible(page);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Mot de passe oublié/ })).toHaveAttribute("href", E2E_ENF_RESET_URL);

  await page.getByRole("button", { name: "Se connecter avec mon compte ENF" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel("Identifiant ENF").fill(identifier);
  await page.getByLabel("Mot de passe ENF").fill("pas-le-bon");
  await page.getByRole("button", { name: "Se connecter à l'ENF" }).click();
  await expect(page.getByRole("alert")).toHaveText("Identifiant ou mot de passe ENF incorrect.");
  await page.getByLabel("Identifiant ENF").fill(identifier);
  await page.getByLabel("Mot de passe ENF").fill(person.password);
  await page.getByRole("button", { name: "Se connecter à l'ENF" }).click();
  await completeProfile(page, "OIDC2026001");

  // Saving the profile ended D3's session; the ENF's own session may still be open (single sign-on).
  await page.goto(`${OIDC_APP}/auditeur`);
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur$/);
  await page.getByRole("button", { name: "Se connecter avec mon compte ENF" }).click();
  const enfLogin = page.getByLabel("Identifiant ENF");
  await expect(enfLogin.or(page.getByRole("heading", { name: "Suivi de dossiers" }))).toBeVisible();
  if (await enfLogin.isVisible()) {
    await enfLogin.fill(identifier);
    await page.getByLabel("Mot de passe ENF").fill(person.password);
    await page.getByRole("button", { name: "Se connecter à l'ENF" }).click();
  }
  await expect(page).toHaveURL(new RegExp(`^${OIDC_APP}/auditeur$`));
  await expect(page.getByRole("heading", { name: "Suivi de dossiers" })).toBeVisible();

  // Logging out ends D3's session row, whatever the provider.
  await page.getByRole("button", { name: /Se déconnecter/ }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto(`${OIDC_APP}/auditeur`);
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur$/);
});

test("OpenID Connect: a staff member the ENF knows but D3 has not opened is told to ask the administrator", async ({ page }) => {
  const [identifier, person] = Object.entries(OIDC_PEOPLE).find(([id]) => !id.endsWith(".auditeur"))!;
  await page.goto(`${OIDC_APP}/connexion`);
  await page.getByRole("button", { name: "Se connecter avec mon compte ENF" }).click();
  await page.getByLabel("Identifiant ENF").fill(identifier);
  await page.getByLabel("Mot de passe ENF").fill(person.password);
  await page.getByRole("button", { name: "Se connecter à l'ENF" }).click();
  await expect(page).toHaveURL(/\/connexion\?erreur=NOT_OPENED/);
  await expect(alertBox(page)).toContainText("Demandez à l'administrateur de D3 d'ouvrir votre compte.");
});
