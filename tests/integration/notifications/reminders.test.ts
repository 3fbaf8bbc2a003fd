/** @jest-environment node */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DAY_MS, DEFAULT_REMINDER_SETTINGS } from "@/lib/notifications/domain/reminders";
import { runReminders } from "@/lib/notifications/reminders";
import { addDocument } from "@/lib/requests/documents";
import { resubmitRequest, saveExperience, startRequest } from "@/lib/requests/learner-requests";
import type { ActorCommand, Actor } from "@/lib/requests/transition";
import type { RequestEventBus } from "@/lib/shared/events";
import { db } from "@/lib/shared/db";
import { enqueue } from "@/lib/shared/jobs/queue";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { cronItems } from "@/lib/shared/jobs/tasks";
import { queuedJobs } from "../../support/jobs";
import { EXPERIENCE_INPUT, LICENCE_UNITS, createLearner, createStaff, staffTransition, submitAnticipatedAnalysis } from "../../support/requests";

const workDir = mkdtempSync(path.join(tmpdir(), "d3-reminders-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/*
 * The job runs at the real time on a database other test files may share: the requests of this
 * file are made old by moving their dates back, never by running the job in the future.
 */
const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const settings = DEFAULT_REMINDER_SETTINGS;

/** A command without its version: `act` reads the current one. */
type StaffCommand = ActorCommand extends infer C ? (C extends ActorCommand ? Omit<C, "expectedVersion"> : never) : never;

async function act(actor: Actor, requestId: string, command: StaffCommand) {
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  const result = await staffTransition(actor, requestId, { ...command, expectedVersion: version } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
}

async function emailOf(userId: string) {
  return (await db.learnerProfile.findUniqueOrThrow({ where: { userId }, select: { email: true } })).email;
}

const reminders = (to: string, subject: string) => db.outboxEmail.findMany({ where: { to, subject: { contains: subject } } });

/** An anticipated analysis sent back to the learner for a correction. */
async function correctionAsked() {
  const learner = await createLearner();
  const started = await submitAnticipatedAnalysis(learner);
  const agent = await createStaff("AGENT_CENTRE", learner.centreCode);
  await act(agent, started.requestId, { type: "takeInCharge" });
  await act(agent, started.requestId, { type: "askForCorrection", comment: "Joignez l'attestation de votre dernier employeur." });
  return { ...learner, agent, requestId: started.requestId, email: await emailOf(learner.user.id), number: started.number };
}

/** Moves a request's state change back in time, as if the correction had been asked then. */
const correctionAskedAt = (requestId: string, at: Date) => db.request.update({ where: { id: requestId }, data: { lastChangeAt: at } });

/** A diploma draft with its joint analysis, an experience and two stored documents. */
async function draftWithFiles() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT);
  for (const category of ["CV", "EMPLOYER_ATTESTATION"] as const) {
    const added = await addDocument(learner.actor, started.requestId, { category, file: new File([new TextEncoder().encode("%PDF-1.4\n")], `${category}.pdf`, { type: "application/pdf" }) });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  const ids = [started.requestId, analysis.id];
  const storageKeys = (await db.requestDocument.findMany({ where: { requestId: { in: ids } }, select: { storageKey: true } })).map((d) => d.storageKey);
  return { ...learner, draftId: started.requestId, analysisId: analysis.id, ids, storageKeys, email: await emailOf(learner.user.id) };
}

/** Makes a draft idle since `at`: its creation and everything the learner did on it. */
async function idleSince(ids: string[], at: Date) {
  await db.request.updateMany({ where: { id: { in: ids } }, data: { createdAt: at, lastChangeAt: at } });
  await db.experience.updateMany({ where: { requestId: { in: ids } }, data: { createdAt: at, updatedAt: at } });
  await db.requestDocument.updateMany({ where: { requestId: { in: ids } }, data: { uploadedAt: at } });
}

const storedFile = (key: string) => path.join(workDir, "uploads", ...key.split("/"));

describe("correction reminders", () => {
  test("a request waiting 13 days 23 h 59 is not reminded; at 14 days it is, once, by email and in the app", async () => {
    const { requestId, email, user, number } = await correctionAsked();
    await correctionAskedAt(requestId, ago(14 * DAY_MS - MINUTE));
    await runReminders(settings);
    expect(await reminders(email, "Rappel")).toHaveLength(0);

    await correctionAskedAt(requestId, ago(14 * DAY_MS + MINUTE));
    const report = await runReminders(settings);
    expect(report.correctionReminders).toBeGreaterThanOrEqual(1);
    const sent = await reminders(email, "Rappel");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`D3 – Rappel : complément attendu – Demande d'analyse de l'expérience professionnelle ${number}`);
    expect(sent[0]!.text).toContain("« Joignez l'attestation de votre dernier employeur. »");
    expect(sent[0]!.text).toContain(`/demandes/${requestId}`);
    expect(await db.notification.count({ where: { userId: user.id, requestId, title: { startsWith: "Rappel" } } })).toBe(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).lastReminderAt).not.toBeNull();

    await runReminders(settings);
    await Promise.all([runReminders(settings), runReminders(settings)]);
    expect(await reminders(email, "Rappel")).toHaveLength(1);
  });

  test("a new correction request opens a new waiting period, with its own reminder", async () => {
    const { requestId, email, actor, agent } = await correctionAsked();
    await correctionAskedAt(requestId, ago(20 * DAY_MS));
    await runReminders(settings);
    expect(await reminders(email, "Rappel")).toHaveLength(1);

    const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(await resubmitRequest(actor, requestId, version)).toEqual({ ok: true });
    await act(agent, requestId, { type: "askForCorrection", comment: "L'attestation n'est pas signée." });
    await runReminders(settings);
    expect(await reminders(email, "Rappel")).toHaveLength(1);
    // Fourteen days later (the whole timeline moved back: the first reminder came before this request).
    await db.request.update({ where: { id: requestId }, data: { lastChangeAt: ago(14 * DAY_MS), lastReminderAt: ago(15 * DAY_MS) } });
    await runReminders(settings);
    const sent = await reminders(email, "Rappel");
    expect(sent).toHaveLength(2);
    expect(sent.some((e) => e.text.includes("L'attestation n'est pas signée."))).toBe(true);
  });
});

describe("drafts", () => {
  test("a draft idle for 60 days is reminded once; one a learner worked on recently is not", async () => {
    const idle = await draftWithFiles();
    const active = await draftWithFiles();
    await idleSince(idle.ids, ago(60 * DAY_MS + MINUTE));
    await idleSince(active.ids, ago(200 * DAY_MS));
    // The learner added a document to the joint analysis a minute ago: the draft is active.
    await db.requestDocument.updateMany({ where: { requestId: active.analysisId }, data: { uploadedAt: ago(MINUTE) } });
    const almost = await draftWithFiles();
    await idleSince(almost.ids, ago(60 * DAY_MS - MINUTE));

    await runReminders(settings);
    await runReminders(settings);
    const sent = await reminders(idle.email, "brouillon");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("D3 – Rappel : brouillon non déposé");
    expect(sent[0]!.text).toContain("il sera supprimé à partir du");
    expect(await reminders(active.email, "brouillon")).toHaveLength(0);
    expect(await reminders(almost.email, "brouillon")).toHaveLength(0);
    expect(await db.request.count({ where: { id: { in: [...idle.ids, ...active.ids, ...almost.ids] } } })).toBe(6);
  });

  test("at 90 days, a reminded draft is deleted with its analysis, experiences, documents and files, and the learner is told", async () => {
    const draft = await draftWithFiles();
    await idleSince(draft.ids, ago(90 * DAY_MS + MINUTE));
    // Never reminded (the job was not running): reminded now, not deleted.
    await runReminders(settings);
    expect(await db.request.count({ where: { id: { in: draft.ids } } })).toBe(2);
    expect(await reminders(draft.email, "Rappel : brouillon")).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: draft.user.id, requestId: draft.draftId } })).toBe(1);

    // Reminded 29 days 23 h 59 ago: not yet.
    await db.request.update({ where: { id: draft.draftId }, data: { lastReminderAt: ago(30 * DAY_MS - MINUTE) } });
    await runReminders(settings);
    expect(await db.request.count({ where: { id: { in: draft.ids } } })).toBe(2);

    await db.request.update({ where: { id: draft.draftId }, data: { lastReminderAt: ago(30 * DAY_MS + MINUTE) } });
    for (const key of draft.storageKeys) expect(existsSync(storedFile(key))).toBe(true);
    const report = await runReminders(settings);
    expect(report.draftsPurged).toBeGreaterThanOrEqual(1);
    expect(await db.request.count({ where: { id: { in: draft.ids } } })).toBe(0);
    expect(await db.experience.count({ where: { requestId: { in: draft.ids } } })).toBe(0);
    expect(await db.requestDocument.count({ where: { requestId: { in: draft.ids } } })).toBe(0);
    for (const key of draft.storageKeys) expect(existsSync(storedFile(key))).toBe(false);

    const told = await reminders(draft.email, "Brouillon supprimé");
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("a été supprimé le");
    expect(told[0]!.text).toContain("ses expériences et ses 2 pièce(s) justificative(s)");
    // The notifications about the draft are gone with it; the one about its deletion links nowhere dead.
    const notifications = await db.notification.findMany({ where: { userId: draft.user.id } });
    expect(notifications.filter((n) => n.requestId && draft.ids.includes(n.requestId))).toHaveLength(0);
    expect(notifications.find((n) => n.title === "Brouillon supprimé")).toMatchObject({ requestId: null, link: "/auditeur/nouvelle-demande" });

    await runReminders(settings);
    expect(await reminders(draft.email, "Brouillon supprimé")).toHaveLength(1);
  });

  test("submitted requests are never reminded as drafts nor deleted, however old", async () => {
    const { requestId, email, actor } = await correctionAsked();
    const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(await resubmitRequest(actor, requestId, version)).toEqual({ ok: true });
    await idleSince([requestId], ago(400 * DAY_MS));
    await db.request.update({ where: { id: requestId }, data: { lastReminderAt: ago(300 * DAY_MS) } });
    await runReminders(settings);
    expect(await db.request.findUnique({ where: { id: requestId }, select: { state: true } })).toEqual({ state: "IN_REVIEW" });
    expect(await reminders(email, "brouillon")).toHaveLength(0);
  });
});

describe("the periodic tasks of the job runner", () => {
  test("send-reminders and purge-drafts are hourly cron items; run by the runner, they remind and purge", async () => {
    expect(cronItems.map((item) => item.identifier)).toEqual(expect.arrayContaining(["send-reminders", "purge-drafts"]));
    const { requestId, email } = await correctionAsked();
    await correctionAskedAt(requestId, ago(20 * DAY_MS));
    const draft = await draftWithFiles();
    await idleSince(draft.ids, ago(120 * DAY_MS));
    await db.request.update({ where: { id: draft.draftId }, data: { lastReminderAt: ago(31 * DAY_MS) } });

    // What graphile-worker's crontab does at the hour and at half past.
    await db.$transaction(async (tx) => {
      await enqueue(tx, "send-reminders", {});
      await enqueue(tx, "purge-drafts", {});
    });
    await runDueJobs();
    expect(await reminders(email, "Rappel")).toHaveLength(1);
    expect(await db.request.count({ where: { id: { in: draft.ids } } })).toBe(0);
    expect(await reminders(draft.email, "Brouillon supprimé")).toHaveLength(1);
    expect(await queuedJobs("send-reminders")).toHaveLength(0);
    expect(await queuedJobs("purge-drafts")).toHaveLength(0);
  });
});

describe("npm run jobs:reminders", () => {
  const run = (env: Record<string, string>) =>
    promisify(execFile)("npx", ["tsx", "--conditions=react-server", "lib/notifications/reminders.ts"], { env: { ...process.env, ...env }, encoding: "utf8" });

  test("prints a summary; refuses an invalid setting with exit code 1", async () => {
    const { stdout } = await run({});
    expect(stdout).toContain("Relances de compléments attendus depuis 14 jours : ");
    expect(stdout).toContain("Brouillons supprimés (inactifs depuis 90 jours) : ");
    await expect(run({ PURGE_DRAFT_DAYS: "30" })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("PURGE_DRAFT_DAYS (30) doit être supérieur à REMINDER_DRAFT_DAYS (60)") });
  }, 60_000);
});
