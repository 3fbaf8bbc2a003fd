import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_JOURNEY_LEARNER, E2E_LIVE_PORTS, E2E_PASSWORD } from "./env";
import { logIn } from "./support";

/**
 * Files on shared storage: the two live instances keep no file of their own (each has its own
 * folder, unused) but one S3 bucket (tests/support/e2e-server.ts), so a pièce justificative
 * uploaded through instance A downloads, byte for byte, through instance B.
 */
test("a document uploaded through one instance is downloaded through another", async ({ page, context }) => {
  // A few megabytes of a PDF that no other file resembles.
  const dir = path.resolve(".data", "e2e", "fixtures");
  mkdirSync(dir, { recursive: true });
  const upload = path.join(dir, "Attestation partagée.pdf");
  writeFileSync(upload, Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(3 * 1024 * 1024), Buffer.from("\n%%EOF\n")]));

  await page.goto("/connexion");
  await logIn(page, E2E_JOURNEY_LEARNER.identifier, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.goto("/auditeur/nouvelle-demande/LG02501A");
  await page.getByRole("button", { name: "Commencer la demande de délivrance" }).click();
  await expect(page).toHaveURL(/\/demandes\/[^/]+$/);
  const requestPath = new URL(page.url()).pathname;

  await page.getByLabel("Type de pièce").selectOption({ label: "Attestation d'employeur ou certificat de travail" });
  await page.getByLabel("Fichier").setInputFiles(upload);
  await page.getByRole("button", { name: "Ajouter la pièce" }).click();
  await expect(page.getByRole("list", { name: "Pièces jointes" })).toContainText("Attestation partagée.pdf");

  // Instance B: same session (same secret, same host), its own process and folder.
  const other = await context.newPage();
  await expect.poll(async () => (await other.request.get(`http://localhost:${E2E_LIVE_PORTS[1]}/connexion`)).status(), { timeout: 30_000 }).toBe(200);
  await other.goto(`http://localhost:${E2E_LIVE_PORTS[1]}${requestPath}`);
  const download = other.waitForEvent("download");
  await other.getByRole("link", { name: "Attestation partagée.pdf" }).click();
  const received = path.join(dir, "received-through-b.pdf");
  await (await download).saveAs(received);
  expect(readFileSync(received).equals(readFileSync(upload))).toBe(true);
});
