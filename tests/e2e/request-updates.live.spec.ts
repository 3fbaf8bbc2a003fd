import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_LIVE_PORTS, E2E_LIVE_POSTGRES_URL } from "./env";
import { logIn } from "./support";

/**
 * Live tracking across app instances: the learner's page is served by instance A; changes are
 * made elsewhere — by a centre agent's action in another process, and by the learner on
 * instance B — and must appear on A within 2 seconds, without a reload.
 */
test("a status change made elsewhere appears live, across instances sharing one PostgreSQL", async ({ page, context }) => {
  // Another process on the same database stands for another instance of the app.
  const elsewhere = (...args: string[]) =>
    execFileSync("npx", ["tsx", "tests/support/e2e-actions.ts", ...args], { cwd: path.resolve(__dirname, "../.."), env: { ...process.env, DATABASE_URL: E2E_LIVE_POSTGRES_URL }, encoding: "utf8" }).trim().split("\n").at(-1)!;
  const draft = JSON.parse(elsewhere("submit-joint", "hugo.roux.auditeur")) as { id: string; analysisId: string };

  await page.goto("/connexion");
  await logIn(page, "hugo.roux.auditeur", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/auditeur$/);
  await page.goto(`/demandes/${draft.id}`);
  await expect(page.getByTestId("state-EXPERIENCE")).toHaveText("Déposée");
  // A reload would wipe this marker: its survival proves the page was updated in place.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  expect(elsewhere("transition", "sophie.bernard", draft.analysisId, "takeInCharge", "2")).toBe("ok");
  await expect(page.getByTestId("state-EXPERIENCE")).toHaveText("En instruction", { timeout: 2_000 });

  // The learner, on instance B, abandons the request: instance A's page follows.
  const second = await context.newPage();
  await expect.poll(async () => (await second.request.get(`http://localhost:${E2E_LIVE_PORTS[1]}/connexion`)).status(), { timeout: 30_000 }).toBe(200);
  await second.goto(`http://localhost:${E2E_LIVE_PORTS[1]}/demandes/${draft.id}`);
  await second.getByRole("button", { name: "Abandonner cette demande" }).click();
  await second.getByRole("button", { name: "Confirmer l'abandon" }).click();
  await expect(second.getByTestId("state-DIPLOMA")).toHaveText("Abandonnée");
  await expect(page.getByTestId("state-DIPLOMA")).toHaveText("Abandonnée", { timeout: 2_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
