import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { PATHS_REFUSAL, PATHS_UNFAVOURABLE } from "../support/e2e-paths-texts";
import { uploadFixtures } from "./fixtures/files";
import { E2E_PASSWORD, E2E_PORT, E2E_POSTGRES_URL, E2E_STORAGE_DIR } from "./env";
import { alertBox, expectAccessible, logIn } from "./support";

/**
 * Issue 11, the paths of a request: scenarios A, B, C, D, E and G in the browser. The steps before
 * the one under test are made with the real use cases (tests/support/e2e-paths.ts), on the
 * browser tests' database and in the storage folder of the instance under test.
 */

const root = path.resolve(__dirname, "../..");

function prepare(...args: string[]): string {
  const env = { ...process.env, DATABASE_URL: E2E_POSTGRES_URL, STORAGE_DIR: path.resolve(root, E2E_STORAGE_DIR, String(E2E_PORT)) };
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-paths.ts", ...args], { cwd: root, env, encoding: "utf8" });
  return output.trim().split("\n").at(-1)!;
}

function jointRequest(identifier: string): { id: string; analysisId: string } {
  return JSON.parse(prepare("joint", identifier));
}

async function session(browser: Browser, identifier: string, password = E2E_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  await page.goto("/connexion");
  await logIn(page, identifier, password);
  await expect(page).not.toHaveURL(/connexion/);
  return page;
}

/** Both requests forwarded, and the jury's opinion on the analysis under condition (UAAL0T named). */
function conditionalOpinion(identifier: string) {
  const request = jointRequest(identifier);
  prepare("forward", request.id);
  prepare("forward", request.analysisId);
  prepare("decide", request.analysisId, "FAVOURABLE_WITH_CONDITION", "UAAL0T");
  return request;
}

test("Scenario A — a refused diploma request closes its joint analysis; the learner starts again from it, prefilled", async ({ browser }) => {
  const { id } = jointRequest("adele.refus.auditeur");
  prepare("refuse", id);

  const learner = await session(browser, "adele.refus.auditeur");
  await learner.goto(`/demandes/${id}`);
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Refusée");
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Refusée");
  // The analysis closed with the same reason, and the learner is told what comes next.
  const history = learner.getByRole("region", { name: "Historique", exact: true });
  await expect(history).toContainText(`Refus de la demande de délivrance de diplôme`);
  await expect(history).toContainText(`Motif : ${PATHS_REFUSAL}`);
  await expectAccessible(learner);

  await learner.getByRole("button", { name: "Faire une nouvelle demande à partir de celle-ci" }).click();
  await expect(learner.getByText("Seront reprises : 1 expérience et 2 pièces justificatives")).toBeVisible();
  await expectAccessible(learner);
  await learner.getByRole("button", { name: "Confirmer et ouvrir le brouillon" }).click();

  await expect(learner.getByText("Brouillon – pas encore déposé")).toBeVisible();
  await expect(learner.getByTestId("linked-requests")).toContainText("Vos expériences et vos pièces ont été reprises de la demande");
  await expect(learner.getByText("Développeuse d'applications – Société Générale")).toBeVisible();
  await expect(learner.getByRole("region", { name: "Pièces justificatives" }).getByRole("list", { name: "Pièces jointes" })).toContainText("cv.pdf");
  await expectAccessible(learner);
  await learner.getByRole("checkbox", { name: /^Je certifie sur l'honneur/ }).check();
  await learner.getByRole("button", { name: "Déposer les deux demandes" }).click();
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Déposée");
});

test("Scenario B — an anticipated analysis under way: not offered again, and the diploma request relies on it", async ({ browser }) => {
  const { id: analysisId } = JSON.parse(prepare("anticipated", "bruno.anticipe.auditeur", "LG02501A")) as { id: string };
  const learner = await session(browser, "bruno.anticipe.auditeur");

  await learner.goto("/auditeur/nouvelle-demande/LG02501A");
  await expect(learner.getByTestId("analysis-under-way")).toContainText("une seule analyse à la fois");
  await expect(learner.getByRole("button", { name: "Commencer une analyse anticipée" })).toHaveCount(0);
  await expectAccessible(learner);

  // Every unit obtained since: the diploma request uses the analysis under way.
  prepare("units", "bruno.anticipe.auditeur");
  await learner.reload();
  await expect(learner.getByTestId("uses-anticipated-analysis")).toContainText("elle servira à cette demande");
  await learner.getByRole("button", { name: "Commencer la demande de délivrance" }).click();
  await expect(learner.getByText("Brouillon – pas encore déposé")).toBeVisible();
  const notice = learner.getByTestId("linked-requests");
  await expect(notice).toContainText("aucune seconde analyse n'est demandée");
  await expect(notice).toContainText("sa validation par le service national attendra la décision");
  await expectAccessible(learner);
  await learner.getByRole("checkbox", { name: /^Je certifie sur l'honneur/ }).check();
  await learner.getByRole("button", { name: "Déposer la demande" }).click();
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Déposée");

  // The analysis's page says which diploma request waits for it.
  await learner.goto(`/demandes/${analysisId}`);
  await expect(learner.getByTestId("linked-requests")).toContainText("Une demande de diplôme attend cette analyse");
  await expectAccessible(learner);
});

test("Scenario C — an unfavourable joint analysis ends its diploma request with the reason and what to do next", async ({ browser }) => {
  const { id, analysisId } = jointRequest("cecile.defavorable.auditeur");
  prepare("forward", id);
  prepare("forward", analysisId);
  prepare("decide", analysisId, "UNFAVOURABLE");

  const learner = await session(browser, "cecile.defavorable.auditeur");
  await learner.goto(`/demandes/${id}`);
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Refusée");
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Avis défavorable");
  const history = learner.getByRole("region", { name: "Historique", exact: true });
  await expect(history).toContainText("Avis défavorable sur la demande d'analyse de l'expérience professionnelle");
  await expect(history).toContainText(PATHS_UNFAVOURABLE);
  await expect(history).toContainText("renseignez-vous auprès de votre centre d'inscription");
  await expect(learner.getByRole("button", { name: "Faire une nouvelle demande à partir de celle-ci" })).toBeVisible();
  await expectAccessible(learner);
});

test("Scenario D — « Favorable sous condition »: the learner sends the internship agreement and report, the centre records the condition as met", async ({ browser }) => {
  const files = uploadFixtures();
  const { id, analysisId } = conditionalOpinion("denis.stage.auditeur");

  const learner = await session(browser, "denis.stage.auditeur");
  await learner.goto(`/demandes/${id}`);
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Avis favorable sous condition");
  await expect(learner.getByText(/joignez ici la convention de stage et le rapport de stage/)).toBeVisible();

  // Sent too early: the missing pieces are named.
  await learner.getByRole("button", { name: "Envoyer la convention et le rapport de stage à mon centre" }).click();
  await expect(alertBox(learner).filter({ hasText: "Il manque des pièces du stage" })).toContainText("Convention de stage");

  // Only the internship's pieces can be joined now.
  const pieces = learner.getByRole("region", { name: "Pièces justificatives" });
  await expect(pieces.getByLabel("Type de pièce").locator("option")).toHaveText(["Choisissez le type de pièce", "Convention de stage", "Rapport de stage"]);
  await pieces.getByLabel("Type de pièce").selectOption({ label: "Convention de stage" });
  await pieces.getByLabel("Fichier").setInputFiles(files.pdf);
  await pieces.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(pieces.getByRole("list", { name: "Pièces jointes" })).toContainText("CV Zoé Lefèvre.pdf");
  await pieces.getByLabel("Type de pièce").selectOption({ label: "Rapport de stage" });
  await pieces.getByLabel("Fichier").setInputFiles(files.png);
  await pieces.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(pieces.getByRole("list", { name: "Pièces jointes" })).toContainText("attestation-employeur.png");
  await expectAccessible(learner);
  await learner.getByRole("button", { name: "Envoyer la convention et le rapport de stage à mon centre" }).click();
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Stage en cours de vérification");

  const agent = await session(browser, "sophie.bernard", DEMO_PASSWORD);
  await agent.goto(`/centre/demandes/${analysisId}`);
  await agent.getByRole("button", { name: "Condition remplie", exact: true }).click();
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Confirmer : condition remplie" }).click();
  await expect(agent.getByTestId("staff-state")).toHaveText("Avis favorable");

  await learner.reload();
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Avis favorable");
});

test("Scenario E — the jury names the experience units it credits: nothing by default, UAEP04 without UAEP03", async ({ browser }) => {
  const { id } = JSON.parse(prepare("anticipated", "emile.ingenieur.auditeur", "CYC9102A")) as { id: string };
  prepare("forward", id);

  const jury = await session(browser, "claire.moreau", DEMO_PASSWORD);
  await jury.goto(`/national/demandes/${id}`);
  await jury.getByRole("button", { name: "Décision du jury", exact: true }).click();
  await jury.getByRole("radio", { name: "Favorable", exact: true }).check();
  const units = jury.getByRole("group", { name: "Unités d'expérience validées par la décision" });
  await expect(units.getByRole("checkbox")).toHaveCount(2);
  for (const box of await units.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await jury.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(units.getByText("Cochez les unités d'expérience que la décision valide.")).toBeVisible();
  await expectAccessible(jury);

  await units.getByRole("checkbox", { name: /^UAEP04/ }).check();
  await jury.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(jury.getByText("La décision du jury est enregistrée.")).toBeVisible();
  await expect(jury.getByTestId("staff-state")).toHaveText("Avis favorable");
});

test("Scenario G — after « Avis favorable sous condition » the learner is offered only what works", async ({ browser }) => {
  const { id } = conditionalOpinion("gaelle.abandon.auditeur");
  const learner = await session(browser, "gaelle.abandon.auditeur");
  await learner.goto(`/demandes/${id}`);
  const actions = learner.getByRole("region", { name: "Actions" });
  await expect(actions.getByRole("button")).toHaveText(["Envoyer la convention et le rapport de stage à mon centre", "Abandonner cette demande"]);
  await expectAccessible(learner);

  await actions.getByRole("button", { name: "Abandonner cette demande" }).click();
  await actions.getByLabel("Motif").fill("Je ne peux pas faire le stage cette année.");
  await actions.getByRole("button", { name: "Confirmer l'abandon" }).click();
  await expect(learner.getByTestId("state-DIPLOMA")).toHaveText("Abandonnée");
  await expect(learner.getByTestId("state-EXPERIENCE")).toHaveText("Abandonnée");
  await expect(alertBox(learner).filter({ hasText: "impossible" })).toHaveCount(0);
  await expect(learner.getByRole("button", { name: "Abandonner cette demande" })).toHaveCount(0);
  await expectAccessible(learner);
});
