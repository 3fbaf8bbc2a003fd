import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { internalCodesIn } from "../support/plain-words";
import { E2E_POSTGRES_URL } from "./env";

const root = path.resolve(__dirname, "../..");

/** A learner of Cnam Paris made for the test (password E2E_PASSWORD), with a submitted joint diploma request. */
export function learnerWithRequest(identifier: string): { id: string; analysisId: string } {
  const output = execFileSync("npx", ["tsx", "tests/support/e2e-actions.ts", "learner-with-request", identifier], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: E2E_POSTGRES_URL },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

/**
 * The internal codes and English words in the page's text (none: an empty list). The names of the
 * files people joined are theirs, not the application's (« EMPLOYER_ATTESTATION.pdf » may be one).
 */
export async function internalCodesOnPage(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return internalCodesIn(text.replace(/[^\s«»"]+\.(?:pdf|png|jpe?g)\b/gi, ""));
}
