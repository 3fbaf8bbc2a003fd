import { expect, test } from "@playwright/test";
import { decodeQuotedPrintable, startSmtpServer } from "../support/smtp";
import { E2E_ACCOUNTS, E2E_PASSWORD, E2E_SMTP_PORT } from "./env";
import { alertBox, expectAccessible, logIn } from "./support";

test("Mot de passe oublié ? through an email received by a real SMTP server", async ({ page }) => {
  const smtp = await startSmtpServer(E2E_SMTP_PORT);
  try {
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await expect(page.getByRole("heading", { name: "Mot de passe oublié ?" })).toBeVisible();
    await expectAccessible(page);

    // The answer is the same for an unknown account…
    await page.getByLabel("Identifiant").fill("personne.inconnue.auditeur");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    const sameAnswer = page.getByText("Si un compte correspond à cet identifiant");
    await expect(sameAnswer).toBeVisible();

    // …and for a real one, which gets the email.
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Identifiant").fill(E2E_ACCOUNTS.reset);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(sameAnswer).toBeVisible();

    // Emails of earlier tests still waiting in the outbox may arrive too, now that an SMTP server
    // listens: only those addressed to this account count, and it gets exactly one.
    const forAccount = () => smtp.inbox.filter((mail) => mail.to.includes("remi.oubli@e2e.d3.localhost"));
    await expect.poll(() => forAccount().length, { timeout: 15_000 }).toBe(1);
    const message = decodeQuotedPrintable(forAccount()[0]!.raw);
    expect(forAccount()[0]!.to).toEqual(["remi.oubli@e2e.d3.localhost"]);
    const link = message.match(/https?:\/\/\S+\/mot-de-passe\/nouveau\?jeton=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await expect(page.getByText(`Compte : ${E2E_ACCOUNTS.reset}`)).toBeVisible();
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("court");
    await page.getByLabel("Confirmation du nouveau mot de passe").fill("court");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page.getByText(/au moins 12 caractères/).last()).toBeVisible();
    await expectAccessible(page);

    const newPassword = "ma nouvelle phrase secrète";
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirmation du nouveau mot de passe").fill(newPassword);
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page.getByText("Votre nouveau mot de passe est enregistré.")).toBeVisible();

    // The link cannot be used twice.
    await page.goto(link!);
    await expect(page.getByText(/Ce lien a déjà servi/)).toBeVisible();

    await page.goto("/connexion");
    await logIn(page, E2E_ACCOUNTS.reset, E2E_PASSWORD);
    await expect(alertBox(page)).toHaveText("Identifiant ou mot de passe incorrect.");
    await logIn(page, E2E_ACCOUNTS.reset, newPassword);
    await expect(page).toHaveURL(/\/profil\/completer$/);
  } finally {
    await smtp.stop();
  }
});
