import { after } from "next/server";
import { deliverDueEmails } from "./outbox";

/**
 * Sends the queued emails once the response is sent (Next.js `after`), so that a slow or down
 * SMTP server never delays or breaks the action. Outside a request (scripts, tests) it does
 * nothing: `npm run jobs:outbox` delivers, and retries what failed.
 */
export function deliverSoon(): void {
  try {
    after(() => deliverDueEmails().then(undefined, (error) => console.error("outbox delivery failed", error)));
  } catch {
    // Not in a request scope.
  }
}
