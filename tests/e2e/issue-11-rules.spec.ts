import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { DURATION_CENTRES, REFUSAL_REASON } from "../support/e2e-issue-11-seed";
import { uploadFixtures } from "./fixtures/files";
import { E2E_PASSWORD, E2E_POSTGRES_URL } from "./env";
import { alertBox, expectAccessible, session } from "./support";

const root = path.resolve(__dirname, "../..");

/** tests/support/e2e-issue-11.ts, on the browser tests' database: the real use cases. */
function prepare(...args: string[]): string {
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-issue-11.ts", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL }, encoding: "utf8" });
  return output.trim().split("\n").at(-1)!;
}

function jointRequest(identifier: string, centre = "PARIS"): { id: string; analysisId: string } {
  return JSON.parse(prepare("joint", identifier, centre));
}

test("Scenario F — the centre names the missing piece on a diploma request; the learner uploads it there, resubmits, and answers with a file", async ({ browser }) => {
  const files = uploadFixtures();
  const { id } = jointRequest("fanny.piece.auditeur");

  const agent = await session(browser, "sophie.bernard", DEMO_PASSWORD);
  await agent.goto(`/centre/demandes/${id}`);
  await agent.getByRole("button", { name: "Prendre en charge", exact: true }).click();
  await agent.getByRole("button", { name: "Confirmer la prise en charge" }).click();
  await expect(agent.getByTestId("staff-state")).toHaveText("En instruction");
  await agent.getByRole("button", { name: "Demander un complément", exact: true }).click();
  await agent.getByRole("group", { name: "Pièces à fournir" }).getByLabel("Attestation d'employeur ou certificat de travail").check();
  await agent.getByLabel("Ce qui manque ou est à corriger").fill("Merci de joindre une attestation lisible.");
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(agent.getByTestId("staff-state")).toHaveText("Complément demandé");

  const learner = await session(browser, "fanny.piece.auditeur", E2E_PASSWORD);
  await learner.goto(`/demandes/${id}`);
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Complément demandé");
  await expect(learner.getByTestId("requested-pieces-DIPLOMA")).toHaveText("Attestation d'employeur ou certificat de travail");

  // Sent back too early: the named piece is missing.
  await learner.getByRole("button", { name: "Renvoyer ma demande complétée" }).click();
  await expect(alertBox(learner).filter({ hasText: "attend encore des pièces" })).toContainText("« Attestation d'employeur ou certificat de travail »");

  // The upload control of the diploma request itself.
  const pieces = learner.getByRole("region", { name: "Pièces de la demande de diplôme" });
  await pieces.getByLabel("Type de pièce").selectOption({ label: "Attestation d'employeur ou certificat de travail" });
  await pieces.getByLabel("Fichier").setInputFiles(files.png);
  await pieces.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(pieces.getByRole("list", { name: "Pièces jointes" })).toContainText("attestation-employeur.png");
  await expectAccessible(learner);

  // A message with a file: a wrong file is refused next to its field, a real one travels with the message.
  await learner.getByLabel("Votre message à votre centre").fill("Voici l'attestation demandée, et mon CV à jour.");
  await learner.getByLabel("Pièce jointe (facultatif)").setInputFiles(files.fake);
  await learner.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(learner.getByText(/n'est ni un PDF, ni une image JPEG ou PNG/)).toBeVisible();
  await learner.getByLabel("Pièce jointe (facultatif)").setInputFiles(files.pdf);
  await learner.getByRole("button", { name: "Envoyer le message" }).click();
  const thread = learner.getByRole("list", { name: "Messages échangés" });
  await expect(thread).toContainText("Voici l'attestation demandée");
  await expect(thread.getByRole("link", { name: "CV Zoé Lefèvre.pdf" })).toBeVisible();

  await learner.getByRole("button", { name: "Renvoyer ma demande complétée" }).click();
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("En instruction");

  // The centre sees the piece and the message's file.
  await agent.reload();
  await expect(agent.getByRole("region", { name: "Pièces de la demande de diplôme" }).getByRole("link", { name: /^attestation-employeur\.png \(PNG, \d+ (o|Ko)\)$/ })).toBeVisible();
  await expect(agent.getByRole("region", { name: "Messages" }).getByRole("link", { name: "CV Zoé Lefèvre.pdf" })).toBeVisible();
  await expectAccessible(agent);
});

test("Scenario H — a refused request shows its decision, reason, next step and letter at the top; the refusal is not drawn as a success", async ({ browser }) => {
  const { id } = jointRequest("henri.refus.auditeur");
  prepare("refuse", id);

  const learner = await session(browser, "henri.refus.auditeur", E2E_PASSWORD);
  await learner.goto(`/demandes/${id}`);
  const banner = learner.getByTestId("decision-DIPLOMA");
  await expect(banner).toHaveAttribute("data-tone", "negative");
  await expect(banner.getByRole("heading")).toContainText("Refus de la demande");
  await expect(banner.getByTestId("decision-reason")).toHaveText(REFUSAL_REASON);
  await expect(banner).toContainText("Et maintenant ?");
  await expect(banner).toContainText("deux mois");
  // In the steps, the refusal is a negative end, not a completed step.
  const steps = learner.getByRole("list", { name: /Étapes de la demande de délivrance/ });
  await expect(steps.getByRole("listitem").last()).toContainText("Refusée (décision défavorable)");
  await expectAccessible(learner);

  const download = learner.waitForEvent("download");
  await banner.getByRole("link", { name: /Télécharger le courrier/ }).click();
  const file = path.resolve(root, ".data/e2e/results/refus-issue-11.pdf");
  await (await download).saveAs(file);
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(REFUSAL_REASON);
  expect(text).toContain("Sophie Bernard");
  expect(text).toContain("recours gracieux auprès de l'administrateur général du Conservatoire national des arts et métiers");
  expect(text).toContain("tribunal administratif de Paris");

  // The same letter as a web page, from beside its PDF link: the reason and the appeal routes under their headings, axe clean.
  await banner.getByRole("link", { name: /^Version accessible \(page web\) du courrier/ }).click();
  await expect(learner).toHaveURL(/\/lettres\/\d+\/version-accessible$/);
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText(/^Refus de votre demande/);
  await expect(learner.getByRole("heading", { level: 3, name: "Motif" })).toBeVisible();
  await expect(learner.getByRole("article")).toContainText(REFUSAL_REASON);
  await expect(learner.getByRole("heading", { level: 2, name: "Voies et délais de recours" })).toBeVisible();
  await expect(learner.getByRole("article")).toContainText("tribunal administratif de Paris");
  await expect(learner.getByRole("article").getByRole("link", { name: /^Télécharger le courrier \(PDF, \d+ Ko\)$/ })).toBeVisible();
  await expectAccessible(learner);
  await learner.setViewportSize({ width: 320, height: 640 });
  expect(await learner.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
});

test("Scenario I — compositions to confirm, CYC9101A closed, the licence route asked, one day out of the field is no internship route", async ({ browser }) => {
  prepare("beginner", "irene.regle.auditeur");
  const learner = await session(browser, "irene.regle.auditeur", E2E_PASSWORD);

  await learner.goto("/auditeur/nouvelle-demande/CYC9101A");
  await expect(learner.getByText("Ce diplôme ne peut pas encore être demandé en ligne")).toBeVisible();
  await expect(learner.getByText(/connue que partiellement/)).toBeVisible();
  await expect(learner.getByRole("button", { name: /Commencer/ })).toHaveCount(0);

  await learner.goto("/auditeur/nouvelle-demande?q=LG02501A");
  await expect(learner.getByRole("listitem").filter({ hasText: "LG02501A" })).toContainText("Composition à confirmer avec votre centre.");
  await learner.goto("/auditeur/nouvelle-demande/LG02501A");
  await expect(learner.getByTestId("composition-not-verified")).toContainText("Composition à confirmer avec votre centre");
  await learner.getByRole("button", { name: "Commencer une analyse anticipée" }).click();
  await expect(learner).toHaveURL(/\/demandes\/[^/]+$/);
  await expect(learner.getByTestId("composition-not-verified")).toBeVisible();

  // One day out of the field.
  await learner.getByRole("button", { name: "Ajouter une expérience" }).click();
  const form = learner.getByRole("form", { name: "Ajouter une expérience" });
  await form.getByLabel("Employeur").fill("Boulangerie Martin");
  await form.getByLabel("Intitulé du poste").fill("Vendeur");
  await form.getByLabel("Date de début").fill("2025-03-01");
  await form.getByLabel("Date de fin").fill("2025-03-01");
  await form.getByLabel("Non").check();
  await form.getByLabel("Activités").fill("Vente au comptoir, encaissement et mise en rayon des produits du jour.");
  await form.getByRole("button", { name: "Ajouter cette expérience" }).click();
  const assessment = learner.getByTestId("experience-assessment");
  await expect(assessment).toContainText("Indiquez votre parcours");

  const route = learner.getByTestId("experience-route-form");
  await route.getByRole("button", { name: "Enregistrer mon parcours" }).click();
  await expect(route.getByText("Choisissez votre parcours dans la liste.")).toBeVisible();
  await expectAccessible(learner);
  await route.getByLabel("Parcours complet L1–L3 : 3 ans d'expérience dont 1 an dans la spécialité").check();
  await route.getByRole("button", { name: "Enregistrer mon parcours" }).click();
  await expect(assessment).toContainText("pour 3 ans requis");
  await expect(assessment).toContainText("ne couvre pas encore");
  await expect(assessment).not.toContainText("stage");
});

test("Scenario J — the usual duration of a step is that of the same kind of request, in the learner's centre once it has enough history", async ({ browser }) => {
  const { id } = jointRequest("jules.duree.auditeur", DURATION_CENTRES.own);
  const learner = await session(browser, "jules.duree.auditeur", E2E_PASSWORD);
  await learner.goto(`/demandes/${id}`);
  const summary = learner.getByRole("region", { name: "Où en est votre dossier" });
  // The diploma request: 40 of the centre's diploma requests waited 2 days.
  await expect(summary.getByText("En général 2 jours (9 dossiers sur 10 en moins de 3 jours) dans votre centre")).toBeVisible();
  // The joint analysis: the centre has no history of analyses, so all centres' analyses (9 days), never the diplomas'.
  await expect(summary.getByText(/En général 9 jours \(9 dossiers sur 10 en moins de 10 jours\) pour l'ensemble des centres/)).toBeVisible();
  await expectAccessible(learner);
});
