/**
 * Sends the emails waiting in the outbox (new ones and retries that are due). Meant for cron or a
 * systemd timer, e.g. every minute:  npm run jobs:outbox
 * Exit code 0 even when some deliveries failed: they stay queued and are retried with backoff.
 */
import { deliverDueEmails } from "../server/mail/outbox";
import { db } from "../server/db";

deliverDueEmails({ limit: 500 })
  .then((report) => console.log(`Courriels envoyés : ${report.sent}, en échec (réessayés plus tard) : ${report.failed}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
