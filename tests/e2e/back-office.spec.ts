import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_JOURNEY_LEARNER, E2E_PASSWORD, E2E_POSTGRES_URL } from "./env";
import { expectAccessible, session } from "./support";

const root = path.resolve(__dirname, "../..");

/** A joint diploma request of the journey learner, submitted through the real use cases. */
function submittedJointRequest(): { id: string; analysisId: string } {
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-actions.ts", "submit-joint", E2E_JOURNEY_LEARNER.identifier], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

async function act(page: Page, action: string, confirm: string, fill?: (page: Page) => Promise<void>) {
  await page.getByRole("button", { name: action, exact: true }).click();
  if (fill) await fill(page);
  await page.getByRole("button", { name: confirm }).click();
}

test("centre asks for a correction, the learner completes it, the centre forwards, the jury decides, the diploma is validated and edited — the learner's page follows live", async ({ browser }) => {
  const { id, analysisId } = submittedJointRequest();
  const learner = await session(browser, E2E_JOURNEY_LEARNER.identifier, E2E_PASSWORD);
  await learner.goto(`/demandes/${id}`);
  await learner.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const analysisState = learner.getByTestId("state-EXPERIENCE");
  const diplomaState = learner.getByTestId("state-DIPLOMA");
  await expect(analysisState).toHaveText("Déposée");

  // The centre takes the analysis in charge and asks for a correction.
  const agent = await session(browser, "sophie.bernard", DEMO_PASSWORD);
  await agent.goto(`/centre/demandes/${analysisId}`);
  await expect(agent.getByTestId("staff-state")).toHaveText("Déposée");
  await expectAccessible(agent);
  await act(agent, "Prendre en charge", "Confirmer la prise en charge");
  await expect(agent.getByTestId("staff-state")).toHaveText("En instruction");
  await expect(analysisState).toHaveText("En instruction", { timeout: 2_000 });

  // A message from the centre appears on the learner's page too, without a reload.
  await agent.getByLabel("Message à l'auditeur").fill("Bonjour, je reprends votre dossier cette semaine.");
  await agent.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(learner.getByText("Bonjour, je reprends votre dossier cette semaine.")).toBeVisible({ timeout: 2_000 });

  await agent.getByRole("button", { name: "Demander un complément", exact: true }).click();
  await agent.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(agent.getByText(/Précisez|obligatoire|Indiquez/).first()).toBeVisible();
  await agent.getByLabel("Ce qui manque ou est à corriger").fill("Ajoutez la fiche de poste de votre emploi à la Société Générale.");
  await agent.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(agent.getByTestId("staff-state")).toHaveText("Complément demandé");
  await expect(analysisState).toHaveText("Complément demandé", { timeout: 2_000 });
  await expect(learner.getByText("Ajoutez la fiche de poste de votre emploi à la Société Générale.").first()).toBeVisible();

  // The learner completes and sends it back: the agent's page follows.
  await learner.getByLabel("Message pour votre centre").fill("Fiche de poste ajoutée.");
  await learner.getByRole("button", { name: "Renvoyer ma demande complétée" }).click();
  await expect(analysisState).toHaveText("En instruction");
  await expect(agent.getByTestId("staff-state")).toHaveText("En instruction", { timeout: 2_000 });

  // The centre forwards both requests with its opinion.
  await act(agent, "Transmettre au national", "Confirmer la transmission", async (page) => {
    await page.getByLabel("Favorable", { exact: true }).check();
    await page.getByLabel("Motivation de l'avis").fill("Expérience de deux ans dans le développement, en lien avec le parcours.");
  });
  await expect(agent.getByTestId("staff-state")).toHaveText("Transmise au national / au jury");
  await expect(analysisState).toHaveText("Transmise au national / au jury", { timeout: 2_000 });
  await agent.goto(`/centre/demandes/${id}`);
  await act(agent, "Prendre en charge", "Confirmer la prise en charge");
  await expect(agent.getByTestId("staff-state")).toHaveText("En instruction");
  await act(agent, "Transmettre au national", "Confirmer la transmission", async (page) => {
    await page.getByLabel("Favorable", { exact: true }).check();
    await page.getByLabel("Motivation de l'avis").fill("Toutes les unités sont obtenues.");
  });
  await expect(diplomaState).toHaveText("Transmise au national / au jury", { timeout: 2_000 });

  // The jury decides the experience favourably; then the diploma is validated and edited.
  const national = await session(browser, "claire.moreau", DEMO_PASSWORD);
  await national.goto(`/national/demandes/${analysisId}`);
  await expectAccessible(national);
  await act(national, "Décision du jury", "Enregistrer la décision", async (page) => {
    await page.getByLabel("Favorable", { exact: true }).check();
    // The decision names the experience unit it credits (the licence asks for one of two).
    await page.getByRole("group", { name: "Unités d'expérience validées par la décision" }).getByRole("checkbox").first().check();
  });
  await expect(national.getByTestId("staff-state")).toHaveText("Avis favorable");
  await expect(analysisState).toHaveText("Avis favorable", { timeout: 2_000 });

  await national.goto(`/national/demandes/${id}`);
  await act(national, "Valider le diplôme", "Confirmer la validation");
  await expect(national.getByTestId("staff-state")).toHaveText("Validée");
  await expect(diplomaState).toHaveText("Validée", { timeout: 2_000 });
  await act(national, "Enregistrer l'édition", "Confirmer l'édition");
  await expect(national.getByTestId("staff-state")).toHaveText("Diplôme édité");
  await expect(national.getByText(/Numéro du diplôme : \d{4}-\d{6}/)).toBeVisible();
  await expect(diplomaState).toHaveText("Diplôme édité", { timeout: 2_000 });

  expect(await learner.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expectAccessible(learner);
});
