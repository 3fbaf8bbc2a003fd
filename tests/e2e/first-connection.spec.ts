import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { expectAccessible, logIn } from "./support";

test("first connection: profile form with an error corrected, forced re-login, then Suivi de dossiers", async ({ page }) => {
  await page.goto("/connexion");
  await expectAccessible(page);
  await logIn(page, "Marie.Martin.Auditeur", DEMO_PASSWORD);

  await expect(page).toHaveURL(/\/profil\/completer$/);
  await expect(page.getByRole("heading", { name: "Compléter mon profil" })).toBeVisible();
  // Whatever page is asked for, an incomplete profile comes first.
  await page.goto("/auditeur");
  await expect(page).toHaveURL(/\/profil\/completer$/);

  await page.getByLabel("Madame").check();
  await page.getByLabel("Nom de naissance").fill("Martin");
  await page.getByLabel("Prénom(s)").fill("Marie Hélène");
  await page.getByLabel("Date de naissance").fill("1985-03-21");
  await page.getByLabel("Commune de naissance").fill("Besançon");
  await page.getByLabel("Adresse", { exact: true }).fill("5 rue Pasteur");
  await page.getByLabel("Code postal").fill("2500");
  await page.getByLabel("Commune", { exact: true }).fill("Besançon");
  await page.getByLabel("Adresse électronique").fill("marie.martin@example.fr");
  await page.getByLabel("Téléphone").fill("03 81 00 00 00");
  await page.getByLabel("Numéro d'auditeur").fill("BFC2026001");
  await page.getByLabel("Centre d'inscription").selectOption({ label: "Cnam Bourgogne-Franche-Comté" });
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();

  const postalCode = page.getByLabel("Code postal");
  // The message next to the field (tied to it by aria-describedby), and a link to it in the error summary.
  await expect(postalCode).toHaveAccessibleDescription(/Code postal : 5 chiffres pour une adresse en France\./);
  await expect(page.getByRole("link", { name: /Code postal : 5 chiffres pour une adresse en France\./ })).toBeVisible();
  await expect(postalCode).toHaveAttribute("aria-invalid", "true");
  await expect(postalCode).toBeFocused();
  await expect(page.getByLabel("Commune de naissance")).toHaveValue("Besançon");
  await expectAccessible(page);

  await postalCode.fill("25000");
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();

  await expect(page).toHaveURL(/\/profil-enregistre$/);
  await expect(page.getByText("Votre profil est enregistré.")).toBeVisible();
  // The old session no longer opens anything.
  await page.goto("/auditeur");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur$/);

  await logIn(page, "marie.martin.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await expect(page.getByRole("heading", { name: "Suivi de dossiers" })).toBeVisible();
  await expect(page.getByTestId("learner-name")).toHaveText("Madame Marie Hélène Martin");
  await expect(page.getByTestId("learner-centre")).toContainText("Cnam Bourgogne-Franche-Comté");
  await expect(page.getByText("Vous n'avez encore aucune demande.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nouvelle demande" })).toBeVisible();
  await expectAccessible(page);
});
