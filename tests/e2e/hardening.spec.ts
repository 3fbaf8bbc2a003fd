import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_JOURNEY_LEARNER } from "./env";
import { uploadFixtures } from "./fixtures/files";
import { expectAccessible, logIn } from "./support";

/**
 * Issue 14 in the browser: every upload is scanned by the real clamd the e2e server starts (EICAR
 * signature only); a centre agent confirms a learner number declared by a learner of the centre.
 */

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

test("an infected file is refused next to its field and a clean PDF is accepted (anticipated analysis draft)", async ({ page }) => {
  const files = uploadFixtures();
  const infected = path.join(path.dirname(files.pdf), "releve-infecte.pdf");
  writeFileSync(infected, `%PDF-1.4\n${EICAR}\n%%EOF\n`);

  await page.goto("/connexion");
  await logIn(page, "lea.petit.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.getByRole("link", { name: "Nouvelle demande" }).click();
  await page.getByLabel("Choisissez le diplôme visé").fill("licence informatique");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("link", { name: /LG02501A – Licence informatique/ }).click();
  await page.getByRole("button", { name: "Commencer une analyse anticipée" }).click();
  await expect(page).toHaveURL(/\/demandes\/[^/]+$/);

  await page.getByLabel("Type de pièce").selectOption({ label: "Autre pièce" });
  await page.getByLabel("Fichier").setInputFiles(infected);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByText(/« releve-infecte\.pdf » contient un virus ou un programme malveillant/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Pièces jointes" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Type de pièce").selectOption({ label: "Curriculum vitae" });
  await page.getByLabel("Fichier").setInputFiles(files.pdf);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByRole("list", { name: "Pièces jointes" })).toContainText("CV Zoé Lefèvre.pdf");
  await expect(page.getByRole("list", { name: "Pièces jointes" })).not.toContainText("releve-infecte.pdf");
});

test("a centre agent confirms the number a learner of the centre declared; the audit log keeps the connection's address, not a forged one", async ({ page }) => {
  // No TRUSTED_PROXIES on the test server: what a client says of its address is ignored.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-d3-peer": "203.0.113.68" });
  await page.goto("/connexion");
  await logIn(page, "sophie.bernard", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Numéros à confirmer" }).click();
  await expect(page.getByRole("heading", { name: "Numéros d'auditeur à confirmer" })).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole("row", { name: new RegExp(`Inès.*${E2E_JOURNEY_LEARNER.learnerNumber}`) });
  await row.getByRole("button", { name: `Confirmer le numéro ${E2E_JOURNEY_LEARNER.learnerNumber} de Inès GARNIER` }).click();
  await expect(row.getByText("Numéro confirmé : les résultats importés pour ce numéro iront à cet auditeur.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(E2E_JOURNEY_LEARNER.learnerNumber) })).toHaveCount(0);

  // The administrator, in the same browser once the agent's cookies are gone.
  await page.context().clearCookies();
  const admin = page;
  await admin.goto("/connexion");
  await logIn(admin, "nadia.leroy", DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/admin/);
  await admin.goto("/admin/journal?action=learner.confirmNumber");
  const entry = admin.getByRole("row", { name: /Confirmation d'un numéro d'auditeur/ }).first();
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("cell").last()).toHaveText(/^(127\.0\.0\.1|::1)$/);
});
