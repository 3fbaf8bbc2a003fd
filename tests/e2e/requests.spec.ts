import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { uploadFixtures } from "./fixtures/files";
import { alertBox, expectAccessible, logIn } from "./support";

async function openDiploma(page: Page, identifier: string) {
  await page.goto("/connexion");
  await logIn(page, identifier, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.getByRole("link", { name: "Nouvelle demande" }).click();
  await page.getByLabel("Choisissez le diplôme visé").fill("licence informatique");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("link", { name: /LG02501A – Licence informatique/ }).click();
  await expect(page.getByRole("heading", { name: "Licence informatique (niveau L3 transcrit)" })).toBeVisible();
}

test("an ineligible learner sees what is missing and cannot submit", async ({ page }) => {
  await openDiploma(page, "lea.petit.auditeur");
  // In plain words (issue 13): units by their title with the code, a choice among the themes not met, the failed unit with its grade.
  const missing = page.getByTestId("missing-units");
  await expect(missing.getByText("Il vous manque :")).toBeVisible();
  await expect(missing.getByRole("listitem").filter({ hasText: /^Anglais professionnel \(ANG320\)$/ })).toBeVisible();
  await expect(missing).toContainText("Une unité au choix parmi les suivantes :");
  await expect(missing.getByText("Systèmes de gestion de bases de données (NFP107) – non obtenue (8/20 en 2023)")).toBeVisible();
  await expect(page.getByTestId("failed-units")).toContainText("NFP107 – Systèmes de gestion de bases de données : non obtenue (8/20 en 2023)");
  // The themes already met are validated, never listed as missing; no internal term left unexplained.
  await expect(missing).not.toContainText("Conception et développement du logiciel");
  await expect(page.getByRole("main")).not.toContainText(/Manque :|ECTS comptés|\bUE\b|\bUA\b|\bbloc/);
  await expect(page.getByText("UAAL0T (accès direct en L3) ou UAAL0S (parcours complet L1–L3)", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Commencer la demande de délivrance" })).toHaveCount(0);
  await expect(page.getByText("La demande de délivrance sera possible quand vous aurez obtenu toutes les unités.")).toBeVisible();
  // An anticipated experience analysis stays possible.
  await expect(page.getByRole("button", { name: "Commencer une analyse anticipée" })).toBeVisible();
  await expectAccessible(page);
});

test("an eligible learner submits a diploma request with a joint experience analysis, documents and récépissé", async ({ page }) => {
  const files = uploadFixtures();
  await openDiploma(page, "hugo.roux.auditeur");
  await expect(page.getByText("Vous avez obtenu toutes les unités d'enseignement de ce diplôme.")).toBeVisible();
  await expect(page.getByTestId("missing-units")).toHaveCount(0);
  await expect(page.getByText(/son analyse sera demandée en même temps/)).toBeVisible();
  await page.getByRole("button", { name: "Commencer la demande de délivrance" }).click();

  await expect(page).toHaveURL(/\/demandes\/[^/]+$/);
  await expect(page.getByText("Brouillon – pas encore déposé")).toBeVisible();
  await expect(page.getByText("Avec une demande d'analyse de l'expérience professionnelle conjointe.")).toBeVisible();

  // Submitting too early lists what is missing.
  await page.getByRole("checkbox", { name: /^Je certifie sur l'honneur/ }).check();
  await page.getByRole("button", { name: "Déposer les deux demandes" }).click();
  await expect(alertBox(page).filter({ hasText: "pas complète" })).toContainText("Déclarez au moins une expérience professionnelle.");

  // One experience, with a wrong end date first: the message sits next to the field, nothing typed is lost.
  // No form is open on an empty list; « Ajouter une expérience » opens it (its chunk comes then) with the focus on its first field.
  await expect(page.getByRole("form", { name: "Ajouter une expérience" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ajouter une expérience" }).click();
  const form = page.getByRole("form", { name: "Ajouter une expérience" });
  await expect(form.getByLabel("Employeur")).toBeFocused();
  await form.getByLabel("Employeur").fill("Société Générale");
  await form.getByLabel("Intitulé du poste").fill("Développeur d'applications");
  await form.getByLabel("Date de début").fill("2023-01-01");
  await form.getByLabel("Date de fin").fill("2022-06-30");
  await form.getByLabel("Oui").check();
  await form.getByLabel("Activités").fill("Conception et développement d'applications web, revue de code, mise en production.");
  await form.getByRole("button", { name: "Ajouter cette expérience" }).click();
  await expect(form.getByText("Date de fin : elle précède la date de début.")).toBeVisible();
  await expect(form.getByLabel("Employeur")).toHaveValue("Société Générale");
  await expectAccessible(page);
  await form.getByLabel("Date de fin").fill("2024-12-31");
  await form.getByRole("button", { name: "Ajouter cette expérience" }).click();
  await expect(page.getByText("Développeur d'applications – Société Générale")).toBeVisible();
  // The licence's rule depends on the route: until the learner says which, no comparison is made.
  await expect(page.getByTestId("experience-assessment")).toContainText("Indiquez votre parcours");
  await page.getByLabel("Accès direct en L3 : 1 an d'expérience dans la spécialité").check();
  await page.getByRole("button", { name: "Enregistrer mon parcours" }).click();
  await expect(page.getByTestId("experience-assessment")).toContainText("2 ans en équivalent temps plein dans le domaine pour 1 an requis");

  // Pièces justificatives: a text file named .pdf is refused by its content.
  await page.getByLabel("Type de pièce").selectOption({ label: "Autre pièce" });
  await page.getByLabel("Fichier").setInputFiles(files.fake);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByText(/n'est ni un PDF, ni une image JPEG ou PNG/)).toBeVisible();

  await page.getByLabel("Type de pièce").selectOption({ label: "Curriculum vitae" });
  await page.getByLabel("Fichier").setInputFiles(files.pdf);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByRole("list", { name: "Pièces jointes" })).toContainText("CV Zoé Lefèvre.pdf");
  await page.getByLabel("Type de pièce").selectOption({ label: "Attestation d'employeur ou certificat de travail" });
  await page.getByLabel("Fichier").setInputFiles(files.png);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByRole("list", { name: "Pièces jointes" })).toContainText("attestation-employeur.png");

  await page.getByRole("checkbox", { name: /^Je certifie sur l'honneur/ }).check();
  await page.getByRole("button", { name: "Déposer les deux demandes" }).click();
  await expect(page.getByTestId("state-DIPLOMA")).toHaveText("Déposée");
  const number = (await page.locator("p", { hasText: /^D3-\d{4}-\d{6}$/ }).first().textContent())!;
  expect(number).toMatch(/^D3-\d{4}-\d{6}$/);
  await expectAccessible(page);

  // The récépissé, read back from the PDF.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Télécharger le récépissé de dépôt \(PDF, \d+ Ko\)$/ }).click();
  const file = path.resolve(__dirname, "../../.data/e2e/results/recepisse.pdf");
  await (await download).saveAs(file);
  const text = execFileSync("pdftotext", ["-layout", file!, "-"], { encoding: "utf8" });
  expect(text).toContain("Récépissé de dépôt");
  expect(text).toContain(number);
  expect(text).toContain("LG02501A");
  expect(text).toContain("Hugo ROUX");
  expect(text).toContain("Société Générale");
  expect(text).toContain("CV Zoé Lefèvre.pdf");
  const pdffonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  expect(pdffonts.length).toBeGreaterThan(0);
  for (const font of pdffonts) expect(font).toMatch(/OpenSans.* yes +yes +yes/);

  // The same récépissé as a web page, from beside the PDF's link: headings, the same words, axe clean.
  await page.getByRole("complementary").getByRole("link", { name: "Version accessible (page web) du récépissé" }).click();
  await expect(page).toHaveURL(/\/recepisse\/version-accessible$/);
  await expect(page.getByRole("heading", { level: 1, name: "Récépissé de dépôt" })).toBeVisible();
  await expect(page).toHaveTitle(`Récépissé de dépôt ${number} – version accessible – D3 – Cnam`);
  for (const heading of ["Demandes déposées", "Auditeur", "Diplôme", "Expériences professionnelles déclarées", "Pièces justificatives"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const article = page.getByRole("article");
  await expect(article).toContainText(number);
  await expect(article).toContainText("Hugo ROUX");
  await expect(article).toContainText("CV Zoé Lefèvre.pdf");
  await expect(article.getByRole("link", { name: /^Télécharger le récépissé \(PDF, \d+ Ko\)$/ })).toBeVisible();
  await expectAccessible(page);
  // Read on a phone: nothing scrolls sideways at 320 px (RGAA 10.11).
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize(viewport);
  await page.getByRole("link", { name: "← Retour à la demande" }).click();
  await expect(page.getByTestId("state-DIPLOMA")).toHaveText("Déposée");

  // Suivi de dossiers lists it.
  await page.getByRole("link", { name: "← Suivi de dossiers" }).click();
  await expect(page.getByTestId("request-list")).toContainText(number);
  await expect(page.getByTestId("request-list")).toContainText("Déposée");
});
