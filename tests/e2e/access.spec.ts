import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { expectAccessible, logIn } from "./support";

test("an anonymous visitor is sent to the login page, then back to the page asked for", async ({ page }) => {
  await page.goto("/auditeur/nouvelle-demande");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fauditeur%2Fnouvelle-demande$/);
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur\/nouvelle-demande$/);
  await expect(page.getByRole("heading", { name: "Nouvelle demande" })).toBeVisible();
});

test("a learner opening the centre space gets a 403 page", async ({ page }) => {
  await page.goto("/connexion");
  await logIn(page, "jean.dupont.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  for (const path of ["/centre", "/national", "/admin", "/espace-centre"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("staff log in with prenom.nom and land on their own space; other spaces are refused", async ({ page }) => {
  await page.goto("/espace-centre");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace-centre$/);
  await logIn(page, "sophie.bernard", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/centre$/);
  await expect(page.getByText("Gestionnaire de centre", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/auditeur"))?.status()).toBe(403);
  expect((await page.goto("/national"))?.status()).toBe(403);
});

test("a visitor's header offers the Aide and the login, and the Aide is public", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  await expect(nav.getByRole("link")).toHaveText(["Aide"]);
  await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expectAccessible(page);
  await nav.getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL(/\/aide$/);
  await expect(page.getByRole("heading", { name: "Aide", level: 1 })).toBeVisible();
  await expectAccessible(page);
});
