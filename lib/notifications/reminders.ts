/**
 * Reminders and purge of forgotten requests, run every hour by the job runner (the cron items
 * `send-reminders` and `purge-drafts` of lib/shared/jobs/tasks.ts), or at once by an operator:
 *   npm run jobs:reminders
 * (the rules and the settings REMINDER_CORRECTION_DAYS, REMINDER_DRAFT_DAYS, PURGE_DRAFT_DAYS are
 * in lib/notifications/domain/reminders.ts). Idempotent: each reminder is claimed by a conditional update of
 * `Request.lastReminderAt` in the transaction that queues its email and notification, so running
 * it twice, or on two servers at once, sends nothing twice. The emails are queued in the outbox
 * with their delivery jobs. The command prints a summary; exit code 1 on an invalid setting or an
 * unexpected error.
 */
import { db } from "../shared/db";
import type { Transaction } from "../shared/db/database";
import { appUrl } from "../shared/env";
import { log } from "../shared/log";
import { deleteFile } from "@/lib/shared/storage";
import { enqueueEmail } from "../shared/mail/outbox";
import { staffAlertEmail } from "../shared/mail/templates";
import { KIND_LABELS } from "../requests/domain/request-lifecycle";
import {
  DAY_MS,
  announcedPurgeDate,
  draftLastActivity,
  isCorrectionReminderDue,
  isDraftPurgeDue,
  isDraftReminderDue,
  reminderSettingsFrom,
  type ReminderSettings,
} from "./domain/reminders";
import { formatLongDate } from "@/lib/shared/dates";

export type RemindersReport = { correctionReminders: number; draftReminders: number; draftsPurged: number; filesDeleted: number; filesNotDeleted: number };

type Learner = { email: string; displayName: string; profile: { email: string } | null };
type Diploma = { code: string | null; title: string };

const learnerSelect = { select: { email: true, displayName: true, profile: { select: { email: true } } } } as const;
const diplomaSelect = { select: { code: true, title: true } } as const;

const addressOf = (learner: Learner) => learner.profile?.email ?? learner.email;
const diplomaName = (diploma: Diploma) => `${diploma.code ?? ""} ${diploma.title}`.trim();
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/**
 * The in-app notification and the email of one notice, in the caller's transaction. The email is
 * the plain notice-with-a-link template (one paragraph, so its HTML reads like its text).
 */
async function notifyLearner(
  tx: Transaction,
  notice: { learnerId: string; learner: Learner; requestId: string | null; title: string; text: string; path: string },
): Promise<void> {
  await tx.notification.create({
    data: { userId: notice.learnerId, requestId: notice.requestId, title: notice.title, body: notice.text, link: notice.path },
  });
  await enqueueEmail(
    tx,
    staffAlertEmail({ to: addressOf(notice.learner), displayName: notice.learner.displayName, subject: notice.title, text: notice.text, link: `${appUrl()}${notice.path}` }),
  );
}

// ——— Corrections waiting for the learner ———

async function remindCorrections(now: Date, settings: ReminderSettings): Promise<number> {
  const waiting = await db.request.findMany({
    where: { state: "CORRECTION_REQUESTED", lastChangeAt: { lte: new Date(now.getTime() - settings.correctionDays * DAY_MS) } },
    select: {
      id: true,
      state: true,
      kind: true,
      number: true,
      learnerId: true,
      diplomaRequestId: true,
      lastChangeAt: true,
      lastReminderAt: true,
      learner: learnerSelect,
      diploma: diplomaSelect,
      events: { where: { toState: "CORRECTION_REQUESTED" }, orderBy: { id: "desc" }, take: 1, select: { comment: true } },
    },
  });
  let sent = 0;
  for (const request of waiting) {
    if (!isCorrectionReminderDue(request, now, settings)) continue;
    const what = `${KIND_LABELS[request.kind]} ${request.number ?? ""}`.trim();
    const asked = request.events[0]?.comment;
    const text = [
      `Le ${formatLongDate(request.lastChangeAt)}, votre centre vous a demandé de compléter votre ${lowerFirst(what)} (${diplomaName(request.diploma)}).`,
      ...(asked ? [`Sa demande : « ${asked} »`] : []),
      "Votre dossier attend toujours ces compléments : son instruction reprendra quand vous l'aurez complété puis renvoyé depuis la page du dossier.",
    ].join(" ");
    const claimed = await db.$transaction(async (tx) => {
      // Claimed only if nothing changed since it was read: no second reminder, not even from a parallel run.
      const claim = await tx.request.updateMany({
        where: { id: request.id, state: "CORRECTION_REQUESTED", lastChangeAt: request.lastChangeAt, lastReminderAt: request.lastReminderAt },
        data: { lastReminderAt: now },
      });
      if (claim.count !== 1) return false;
      await notifyLearner(tx, {
        learnerId: request.learnerId,
        learner: request.learner,
        requestId: request.id,
        title: `Rappel : complément attendu – ${what}`,
        text,
        path: `/demandes/${request.diplomaRequestId ?? request.id}`,
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

// ——— Drafts left idle ———

/** A draft with its joint analysis: what counts as activity, and the files to delete with it. */
const draftSelect = {
  id: true,
  kind: true,
  learnerId: true,
  createdAt: true,
  lastReminderAt: true,
  learner: learnerSelect,
  diploma: diplomaSelect,
  experiences: { select: { updatedAt: true } },
  documents: { select: { uploadedAt: true, storageKey: true } },
  jointAnalysis: { select: { id: true, state: true, experiences: { select: { updatedAt: true } }, documents: { select: { uploadedAt: true, storageKey: true } } } },
} as const;

type Draft = NonNullable<Awaited<ReturnType<typeof loadDraft>>>;

function loadDraft(tx: Transaction | typeof db, id: string) {
  return tx.request.findFirst({ where: { id, state: "DRAFT", diplomaRequestId: null }, select: draftSelect });
}

function idleness(draft: Draft) {
  const parts = [draft, ...(draft.jointAnalysis ? [draft.jointAnalysis] : [])];
  const activity = parts.flatMap((part) => [...part.experiences.map((e) => e.updatedAt), ...part.documents.map((d) => d.uploadedAt)]);
  return { lastActivityAt: draftLastActivity({ createdAt: draft.createdAt, activity }), lastReminderAt: draft.lastReminderAt };
}

function draftWhat(draft: Draft): string {
  const what = `brouillon de ${lowerFirst(KIND_LABELS[draft.kind])}`;
  return `${what}${draft.jointAnalysis ? " (avec son analyse de l'expérience professionnelle)" : ""} – ${diplomaName(draft.diploma)}`;
}

async function remindDraft(draft: Draft, now: Date, settings: ReminderSettings): Promise<boolean> {
  const idle = idleness(draft);
  const text = [
    `Votre ${draftWhat(draft)}, commencé le ${formatLongDate(draft.createdAt)}, n'a pas été modifié depuis le ${formatLongDate(idle.lastActivityAt)} et n'a pas été déposé.`,
    `Sans modification de votre part, il sera supprimé à partir du ${formatLongDate(announcedPurgeDate(idle, now, settings))}, avec ses expériences et ses pièces justificatives ; vous en serez informé.`,
    "Pour le garder, complétez-le ou déposez-le ; s'il ne vous sert plus, vous pouvez le supprimer vous-même.",
  ].join(" ");
  return db.$transaction(async (tx) => {
    const claim = await tx.request.updateMany({ where: { id: draft.id, state: "DRAFT", lastReminderAt: draft.lastReminderAt }, data: { lastReminderAt: now } });
    if (claim.count !== 1) return false;
    await notifyLearner(tx, { learnerId: draft.learnerId, learner: draft.learner, requestId: draft.id, title: "Rappel : brouillon non déposé", text, path: `/demandes/${draft.id}` });
    return true;
  });
}

/**
 * Deletes a draft, its joint analysis and everything attached (experiences, documents, history
 * rows by cascade; its notifications, whose links would lead nowhere), tells the learner, then
 * removes the stored files. Everything is read again in the transaction: a draft touched or
 * submitted meanwhile is left alone. Returns the storage keys to delete, or null.
 */
async function purgeDraft(id: string, now: Date, settings: ReminderSettings): Promise<string[] | null> {
  return db.$transaction(async (tx) => {
    const draft = await loadDraft(tx, id);
    if (!draft || !isDraftPurgeDue(idleness(draft), now, settings)) return null;
    const ids = [draft.id, ...(draft.jointAnalysis ? [draft.jointAnalysis.id] : [])];
    const storageKeys = [...draft.documents, ...(draft.jointAnalysis?.documents ?? [])].map((d) => d.storageKey);
    if (draft.jointAnalysis) await tx.request.delete({ where: { id: draft.jointAnalysis.id } });
    await tx.request.delete({ where: { id: draft.id } });
    await tx.notification.deleteMany({ where: { requestId: { in: ids } } });
    const idle = idleness(draft);
    const text = [
      `Votre ${draftWhat(draft)}, commencé le ${formatLongDate(draft.createdAt)}, n'avait pas été modifié depuis le ${formatLongDate(idle.lastActivityAt)}.`,
      `Comme annoncé le ${formatLongDate(draft.lastReminderAt!)}, il a été supprimé le ${formatLongDate(now)}, avec ${storageKeys.length === 0 ? "ses expériences" : `ses expériences et ses ${storageKeys.length} pièce(s) justificative(s)`}. Aucune demande n'avait été déposée.`,
      "Vous pouvez commencer une nouvelle demande à tout moment.",
    ].join(" ");
    await notifyLearner(tx, { learnerId: draft.learnerId, learner: draft.learner, requestId: null, title: "Brouillon supprimé", text, path: "/auditeur/nouvelle-demande" });
    return storageKeys;
  });
}

/** Drafts that may be due for a reminder or a purge: a draft's activity is never older than its creation. */
function idleDraftCandidates(now: Date, settings: ReminderSettings) {
  return db.request.findMany({
    where: { state: "DRAFT", diplomaRequestId: null, createdAt: { lte: new Date(now.getTime() - settings.draftReminderDays * DAY_MS) } },
    select: draftSelect,
  });
}

export type ReminderReport = Pick<RemindersReport, "correctionReminders" | "draftReminders">;
export type PurgeReport = Pick<RemindersReport, "draftsPurged" | "filesDeleted" | "filesNotDeleted">;

/**
 * The `send-reminders` task: corrections waiting and drafts left idle. A draft due for its purge
 * is never due for a reminder (the purge needs the reminder of the same idle period), so this task
 * and `purge-drafts` can run in any order.
 */
export async function sendReminders(settings: ReminderSettings, now: Date = new Date()): Promise<ReminderReport> {
  const report: ReminderReport = { correctionReminders: await remindCorrections(now, settings), draftReminders: 0 };
  for (const draft of await idleDraftCandidates(now, settings)) {
    if (isDraftReminderDue(idleness(draft), now, settings) && (await remindDraft(draft, now, settings))) report.draftReminders++;
  }
  return report;
}

/** The `purge-drafts` task: drafts reminded and still untouched are deleted, then their files. */
export async function purgeIdleDrafts(settings: ReminderSettings, now: Date = new Date()): Promise<PurgeReport> {
  const report: PurgeReport = { draftsPurged: 0, filesDeleted: 0, filesNotDeleted: 0 };
  for (const draft of await idleDraftCandidates(now, settings)) {
    if (!isDraftPurgeDue(idleness(draft), now, settings)) continue;
    const storageKeys = await purgeDraft(draft.id, now, settings);
    if (!storageKeys) continue;
    report.draftsPurged++;
    for (const key of storageKeys) {
      // The rows are gone, which is what counts: a file left behind is reported to the operator.
      try {
        await deleteFile(key);
        report.filesDeleted++;
      } catch (error) {
        report.filesNotDeleted++;
        log.error({ err: error, storageKey: key, draftId: draft.id }, "file of a purged draft not deleted");
      }
    }
  }
  return report;
}

/** Both tasks at once: `npm run jobs:reminders`, for an operator who does not want to wait for the hour. */
export async function runReminders(settings: ReminderSettings, now: Date = new Date()): Promise<RemindersReport> {
  return { ...(await sendReminders(settings, now)), ...(await purgeIdleDrafts(settings, now)) };
}

export function formatReport(report: RemindersReport, settings: ReminderSettings): string {
  return [
    `Relances de compléments attendus depuis ${settings.correctionDays} jours : ${report.correctionReminders}`,
    `Relances de brouillons inactifs depuis ${settings.draftReminderDays} jours : ${report.draftReminders}`,
    `Brouillons supprimés (inactifs depuis ${settings.draftPurgeDays} jours) : ${report.draftsPurged}, fichiers supprimés : ${report.filesDeleted}${report.filesNotDeleted ? `, fichiers NON supprimés : ${report.filesNotDeleted}` : ""}`,
  ].join("\n");
}

/** The settings from the environment, or an error naming the wrong one. */
export function reminderSettingsOrThrow(env: Record<string, string | undefined> = process.env): ReminderSettings {
  const parsed = reminderSettingsFrom(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

async function main(): Promise<void> {
  const parsed = reminderSettingsFrom(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exitCode = 1;
    return;
  }
  const report = await runReminders(parsed.settings);
  // The command's own output for the operator; the emails are queued, the job runner sends them.
  process.stdout.write(`${formatReport(report, parsed.settings)}\n`);
}

if (require.main === module) {
  main()
    .catch((error) => {
      log.error({ err: error }, "reminders failed");
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
