import { db } from "@/lib/shared/db";
import { deliverOutboxEmail } from "@/lib/shared/mail/outbox";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner, createStaff, staffTransition } from "../../support/requests";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { decodeQuotedPrintable, startSmtpServer } from "../../support/smtp";
import { queuedJobs } from "../../support/jobs";

async function submitted() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId } });
  await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(analysis.id, learner.user.id);
  const result = await submitRequest(learner.actor, started.requestId, 1, { certified: true });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: learner.user.id } });
  return { ...learner, requestId: started.requestId, analysisId: analysis.id, email: profile.email, numbers: result.numbers };
}

describe("notifications of state changes", () => {
  const saved = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT };
  afterEach(() => {
    process.env.SMTP_HOST = saved.host;
    process.env.SMTP_PORT = saved.port;
  });

  test("submission: the learner is told for each request, and the centre's agents are alerted, by a job after the commit", async () => {
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    // An agent who chose an email at each deposit (the default, the daily digest: deposit-digest.test.ts).
    await db.user.update({ where: { id: agent.id }, data: { depositEmails: "EACH_DEPOSIT" } });
    const { email, numbers, user } = await submitted();
    // The submission's transaction only queued the jobs (one per history row).
    expect(await db.notification.count({ where: { userId: { in: [user.id, agent.id] } } })).toBe(0);
    await runDueJobs({ tasks: ["notify-request-change"] });
    const toLearner = await db.outboxEmail.findMany({ where: { to: email } });
    expect(toLearner).toHaveLength(2);
    expect(toLearner.map((e) => e.subject).sort()).toEqual([
      `D3 – Demande d'analyse de l'expérience professionnelle ${numbers[1]} : Déposée`,
      `D3 – Demande de délivrance de diplôme ${numbers[0]} : Déposée`,
    ]);
    const agentEmail = (await db.user.findUniqueOrThrow({ where: { id: agent.id } })).email;
    expect(await db.outboxEmail.count({ where: { to: agentEmail } })).toBe(2);
    expect(await db.notification.count({ where: { userId: user.id, readAt: null } })).toBe(2);
    expect(await db.notification.count({ where: { userId: agent.id } })).toBe(2);
  });

  test("one state change gives exactly one email, delivered once through a real SMTP server, with the link and no more personal data than needed", async () => {
    const { analysisId, email, numbers, requestId } = await submitted();
    const smtp = await startSmtpServer();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(smtp.port);
    try {
      await runDueJobs();
      const before = smtp.inbox.filter((m) => m.to.includes(email)).length;
      const agent = await createStaff("AGENT_CENTRE", "PARIS");
      expect((await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 })).ok).toBe(true);
      await runDueJobs();
      await runDueJobs();
      const received = smtp.inbox.filter((m) => m.to.includes(email)).slice(before);
      expect(received).toHaveLength(1);
      const body = decodeQuotedPrintable(received[0]!.raw);
      expect(body).toContain(numbers[1]);
      expect(body).toContain(`/demandes/${requestId}`);
      expect(body).not.toMatch(/\d{2}\/\d{2}\/\d{4}/); // no birth date or other personal data
    } finally {
      await smtp.stop();
    }
  });

  test("a down SMTP server delays the email without failing the action; it arrives once the server is back", async () => {
    const { analysisId, email } = await submitted();
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.stop();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    await runDueJobs();

    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    const result = await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 });
    expect(result.ok).toBe(true);
    const now = new Date();
    await runDueJobs();
    const pending = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: { contains: "En instruction" } } });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });

    const back = await startSmtpServer(port);
    try {
      // Ten minutes later, its retry is due (the task, run at that time).
      expect(await deliverOutboxEmail(pending.id, { now: new Date(now.getTime() + 10 * 60_000) })).toBe("sent");
      expect(back.inbox.filter((m) => m.to.includes(email) && m.raw.includes("instruction"))).toHaveLength(1);
      expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "SENT" });
    } finally {
      await back.stop();
    }
  });

  test("a refused transition queues nothing", async () => {
    const { analysisId } = await submitted();
    const before = await queuedJobs("notify-request-change");
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    expect((await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 99 })).ok).toBe(false);
    expect(await queuedJobs("notify-request-change")).toEqual(before);
  });
});

describe("notifications of messages", () => {
  test("a message from the centre: in-app always, email only if the learner wants it; the learner's answer goes to the agent in charge", async () => {
    const { postMessage } = await import("@/lib/requests/staff-requests");
    const { requestId, analysisId, email, user, actor } = await submitted();
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    const other = await createStaff("AGENT_CENTRE", "PARIS");
    await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 });
    const emailsTo = (to: string) => db.outboxEmail.count({ where: { to, subject: { startsWith: "D3 – Nouveau message" } } });

    expect((await postMessage(agent, analysisId, "Merci d'ajouter votre fiche de poste.")).ok).toBe(true);
    expect(await emailsTo(email)).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id, title: { startsWith: "Nouveau message" } } })).toBe(1);

    await db.learnerProfile.update({ where: { userId: user.id }, data: { emailOnMessages: false } });
    expect((await postMessage(agent, analysisId, "Et votre CV à jour.")).ok).toBe(true);
    expect(await emailsTo(email)).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id, title: { startsWith: "Nouveau message" } } })).toBe(2);

    expect((await postMessage(actor, analysisId, "C'est ajouté.")).ok).toBe(true);
    const [agentEmail, otherEmail] = await Promise.all([agent, other].map(async (a) => (await db.user.findUniqueOrThrow({ where: { id: a.id } })).email));
    expect(await emailsTo(agentEmail!)).toBe(1);
    expect(await emailsTo(otherEmail!)).toBe(0);
    void requestId;
  });
});
