import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_PASSWORD, E2E_POSTGRES_URL } from "./env";
import { expectAccessible, logIn } from "./support";

/**
 * Issue 13, point 1: the deposit with the keyboard alone. Before « Déposer », a summary of what is
 * sent and the statement on honour; after, a confirmation whose heading has the focus, with the
 * numbers, the date, the email address, the next step and the récépissé with its size.
 */

const root = path.resolve(__dirname, "../..");
const IDENTIFIER = "clara.clavier.auditeur";

function draftReadyToDeposit(identifier: string): string {
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-deposit.ts", "draft", identifier], { cwd: root, env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL }, encoding: "utf8" });
  return output.trim().split("\n").at(-1)!;
}

/** Presses Tab until the element has the focus, as a keyboard user goes through the page. */
async function tabTo(page: Page, target: Locator, limit = 200) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached with ${limit} presses of Tab`);
}

test("a learner deposits with the keyboard alone: the statement on honour, then the confirmation has the focus", async ({ page }) => {
  const requestId = draftReadyToDeposit(IDENTIFIER);
  await page.goto("/connexion");
  await logIn(page, IDENTIFIER, E2E_PASSWORD);
  await expect(page).not.toHaveURL(/connexion/);
  await page.goto(`/demandes/${requestId}`);

  // What will be sent, before anything is.
  const summary = page.getByTestId("deposit-summary");
  await expect(summary).toContainText("Demande de délivrance de diplôme");
  await expect(summary).toContainText("LG02501A – Licence informatique");
  await expect(summary).toContainText("votre centre d'inscription");
  await expect(summary).toContainText("1 expérience déclarée : 2 ans dans le domaine du diplôme, en équivalent temps plein.");
  await expect(summary).toContainText("Société Générale (Développeuse d'applications), du 01/01/2022 au 31/12/2023, à temps plein");
  await expect(summary).toContainText("Curriculum vitae : « CV.pdf »");
  await expect(summary).toContainText("Attestation d'employeur ou certificat de travail : « EMPLOYER_ATTESTATION.pdf »");

  const statement = page.getByRole("checkbox", { name: /^Je certifie sur l'honneur/ });
  const deposit = page.getByRole("button", { name: "Déposer les deux demandes" });
  await expect(statement).not.toBeChecked();

  // « Déposer » without the statement: nothing is sent, the message sits under the box, which has the focus.
  await tabTo(page, deposit);
  await page.keyboard.press("Enter");
  await expect(statement).toBeFocused();
  await expect(statement).toHaveAttribute("aria-invalid", "true");
  await expect(statement).toHaveAccessibleDescription(/Cochez la déclaration sur l'honneur pour déposer votre demande\./);
  await expect(page.getByText("Brouillon – pas encore déposé")).toBeVisible();
  await expectAccessible(page);

  await page.keyboard.press("Space");
  await expect(statement).toBeChecked();
  await expect(statement).not.toHaveAttribute("aria-invalid", "true");
  await tabTo(page, deposit);
  await page.keyboard.press("Enter");

  // The confirmation, focused and complete.
  const confirmation = page.getByTestId("deposit-confirmation");
  const heading = page.getByRole("heading", { name: "Vos deux demandes sont déposées" });
  await expect(heading).toBeFocused();
  await expect(confirmation).toContainText(/Numéro \(demande de délivrance de diplôme\)\s*D3-\d{4}-\d{6}/);
  await expect(confirmation).toContainText(/Numéro \(demande d'analyse de l'expérience professionnelle – analyse conjointe à la demande de diplôme\)\s*D3-\d{4}-\d{6}/);
  await expect(confirmation).toContainText(/Déposée le\s*\d{1,2} \S+ \d{4} à \d{2} h \d{2}/);
  await expect(confirmation).toContainText("clara.clavier@e2e.d3.localhost");
  await expect(confirmation).toContainText("Votre centre d'inscription");
  await expect(confirmation).toContainText("va vérifier vos unités, vos expériences et vos pièces");
  const receipt = confirmation.getByRole("link", { name: /^Télécharger le récépissé \(PDF, \d+ Ko\)$/ });
  await expect(receipt).toBeVisible();
  await expect(confirmation.getByRole("link", { name: "Version accessible (page web) du récépissé" })).toHaveAttribute("href", `/demandes/${requestId}/recepisse/version-accessible`);
  await expect(page.getByTestId("state-DIPLOMA")).toHaveText("Déposée");
  await expectAccessible(page);

  // The récépissé, with the keyboard: its size is the one the link says.
  const label = (await receipt.textContent())!;
  await tabTo(page, receipt);
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = path.resolve(root, ".data/e2e/results/recepisse-clavier.pdf");
  await (await download).saveAs(file);
  expect(label).toContain(`(PDF, ${Math.round(statSync(file).size / 1024)} Ko)`);

  // After a reload the confirmation is still there, without taking the focus again.
  await page.reload();
  await expect(page.getByTestId("deposit-confirmation")).toContainText("clara.clavier@e2e.d3.localhost");
  await expect(page.getByRole("heading", { name: "Vos deux demandes sont déposées" })).not.toBeFocused();
});
