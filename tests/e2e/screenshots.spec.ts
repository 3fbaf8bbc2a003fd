/**
 * Screenshots of the learner's and the centre agent's journeys at 375 px (a phone) and 1280 px (a
 * desk), full page, into .data/e2e/screenshots/ (named in the README): <journey>-<page>-<width>.png.
 * Each page is checked by axe at both widths, and its text for internal codes (issue 13, point 8).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { E2E_PASSWORD } from "./env";
import { internalCodesOnPage, learnerWithRequest } from "./journey-data";
import { expectAccessible, session } from "./support";

const SCREENSHOTS_DIR = path.resolve(__dirname, "../../.data/e2e/screenshots");
const WIDTHS = [375, 1280] as const;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Each page at each width: a full-page PNG, axe, and no internal code in its text. Returns the files written. */
async function capture(page: Page, journey: string, pages: Record<string, string>): Promise<{ file: string; width: number }[]> {
  const files: { file: string; width: number }[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of Object.entries(pages)) {
      const response = await page.goto(url);
      expect([url, response?.status()]).toEqual([url, 200]);
      await expect(page.locator("h1").first()).toBeVisible();
      expect([url, await internalCodesOnPage(page)]).toEqual([url, []]);
      await expectAccessible(page);
      const file = path.join(SCREENSHOTS_DIR, `${journey}-${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push({ file, width });
    }
  }
  return files;
}

test("screenshots of the learner's and the centre agent's journeys at 375 and 1280 px, each page accessible and in plain French", async ({ browser }) => {
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const learnerId = "lou.ecran.auditeur";
  const { id } = learnerWithRequest(learnerId);

  const learner = await session(browser, learnerId, E2E_PASSWORD);
  const files = await capture(learner, "auditeur", { accueil: "/", suivi: "/auditeur", demande: `/demandes/${id}`, profil: "/auditeur/profil" });
  const agent = await session(browser, "sophie.bernard", DEMO_PASSWORD);
  files.push(...(await capture(agent, "centre", { demandes: "/centre", demande: `/centre/demandes/${id}` })));

  expect(files).toHaveLength(12);
  for (const { file, width } of files) {
    const png = readFileSync(file);
    expect([file, png.subarray(0, 8).equals(PNG_SIGNATURE)]).toEqual([file, true]);
    // IHDR: width then height, big-endian, from byte 16; a full page is at least as tall as the window.
    expect([file, png.readUInt32BE(16) >= width, png.readUInt32BE(20) >= 900]).toEqual([file, true, true]);
    expect(png.length).toBeGreaterThan(10_000);
  }
});
