import type { Database } from "../../lib/shared/db/database";

/**
 * Seed data of the browser tests of issue 11, written when the test database is prepared
 * (tests/support/e2e-server.ts); no module here opens a database client of its own.
 */

/** The centre of the usual-durations test and the one whose analyses make the national figure. */
export const DURATION_CENTRES = { own: "E2E-DUREES", other: "E2E-DUREES-AUTRE" } as const;
export const REFUSAL_REASON = "Le relevé de notes fourni ne correspond pas à votre dossier.";

/**
 * 40 diploma requests of DURATION_CENTRES.own taken in charge 2 days after submission, 40 analyses
 * of the other centre after 9 days, all within the last year: enough for a centre's own figure
 * (20) and for the national figure of each kind, whatever the few requests the other tests add.
 */
export async function seedUsualDurations(client: Database): Promise<void> {
  for (const code of Object.values(DURATION_CENTRES)) {
    await client.centre.upsert({ where: { code }, update: {}, create: { code, name: `Cnam ${code}`, region: "Test", verified: true } });
  }
  const owner = await client.user.create({ data: { identifier: "historique.durees.auditeur", displayName: "Historique Durées", email: "historique@e2e.d3.localhost", passwordHash: "-", role: "AUDITEUR" } });
  const day = 86_400_000;
  const start = Date.now() - 60 * day;
  for (let i = 0; i < 40; i += 1) {
    for (const [kind, centreCode, days] of [["DIPLOMA", DURATION_CENTRES.own, 2], ["EXPERIENCE", DURATION_CENTRES.other, 9]] as const) {
      const submittedAt = new Date(start + i * 3_600_000);
      const request = await client.request.create({
        data: { kind, mode: kind === "EXPERIENCE" ? "ANTICIPEE" : null, state: "IN_REVIEW", learnerId: owner.id, centreCode, diplomaKey: "LG02501A", submittedAt },
      });
      await client.requestEvent.createMany({
        data: [
          { requestId: request.id, at: submittedAt, actorRole: "AUDITEUR", transition: "submit", fromState: "DRAFT", toState: "SUBMITTED" },
          { requestId: request.id, at: new Date(submittedAt.getTime() + days * day), actorRole: "AGENT_CENTRE", transition: "takeInCharge", fromState: "SUBMITTED", toState: "IN_REVIEW" },
        ],
      });
    }
  }
}
