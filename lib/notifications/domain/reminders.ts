/**
 * Reminders and purge of forgotten requests (run every hour by the job runner, see lib/notifications/reminders.ts).
 *
 * - A request waiting in CORRECTION_REQUESTED for `correctionDays` since its last change of state
 *   gets one reminder per waiting period: a new correction request starts a new period.
 * - A draft left idle for `draftReminderDays` gets one reminder per idle period; it is purged once
 *   idle for `draftPurgeDays`, and never without that reminder first: at least
 *   `draftPurgeDays − draftReminderDays` days after it. A job started late (or for the first time
 *   on old drafts) therefore warns before it deletes, and the learner always has the same notice.
 *
 * Durations are exact multiples of 24 hours (not calendar days, which a change of summer time
 * would stretch or shrink); a boundary reached to the millisecond counts as reached.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export type ReminderSettings = {
  /** Days in CORRECTION_REQUESTED before the learner is reminded. */
  correctionDays: number;
  /** Days of inactivity before a draft's reminder. */
  draftReminderDays: number;
  /** Days of inactivity before a draft is deleted. */
  draftPurgeDays: number;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { correctionDays: 14, draftReminderDays: 60, draftPurgeDays: 90 };

const ENV_NAMES: Record<keyof ReminderSettings, string> = {
  correctionDays: "REMINDER_CORRECTION_DAYS",
  draftReminderDays: "REMINDER_DRAFT_DAYS",
  draftPurgeDays: "PURGE_DRAFT_DAYS",
};

/**
 * The settings from the environment (defaults 14 / 60 / 90). A wrong value stops the job with a
 * message naming the variable, rather than deleting drafts on a misread setting.
 */
export function reminderSettingsFrom(env: Record<string, string | undefined>): { ok: true; settings: ReminderSettings } | { ok: false; message: string } {
  const settings = { ...DEFAULT_REMINDER_SETTINGS };
  for (const key of Object.keys(ENV_NAMES) as (keyof ReminderSettings)[]) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 3650) {
      return { ok: false, message: `${ENV_NAMES[key]} : un nombre entier de jours entre 1 et 3650 est attendu (reçu « ${raw} »).` };
    }
    settings[key] = Number(raw);
  }
  if (settings.draftPurgeDays <= settings.draftReminderDays) {
    return { ok: false, message: `${ENV_NAMES.draftPurgeDays} (${settings.draftPurgeDays}) doit être supérieur à ${ENV_NAMES.draftReminderDays} (${settings.draftReminderDays}) : un brouillon est relancé avant d'être supprimé.` };
  }
  return { ok: true, settings };
}

const elapsed = (since: Date, now: Date, days: number) => now.getTime() - since.getTime() >= days * DAY_MS;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export type CorrectionWait = { state: string; lastChangeAt: Date; lastReminderAt: Date | null };

/** Waiting for the learner's correction long enough, and not yet reminded during this wait. */
export function isCorrectionReminderDue(request: CorrectionWait, now: Date, settings: ReminderSettings): boolean {
  if (request.state !== "CORRECTION_REQUESTED") return false;
  const remindedThisPeriod = request.lastReminderAt !== null && request.lastReminderAt >= request.lastChangeAt;
  return !remindedThisPeriod && elapsed(request.lastChangeAt, now, settings.correctionDays);
}

/**
 * The last time the learner worked on a draft: its creation, an experience saved, a document
 * added, on the draft or its joint analysis. `Request.updatedAt` is not used: the job's own
 * `lastReminderAt` would move it. A deletion leaves no date and does not count as activity.
 */
export function draftLastActivity(draft: { createdAt: Date; activity: readonly Date[] }): Date {
  return draft.activity.reduce((latest, at) => (at > latest ? at : latest), draft.createdAt);
}

export type IdleDraft = { lastActivityAt: Date; lastReminderAt: Date | null };

function remindedThisIdlePeriod(draft: IdleDraft): draft is IdleDraft & { lastReminderAt: Date } {
  return draft.lastReminderAt !== null && draft.lastReminderAt >= draft.lastActivityAt;
}

export function isDraftReminderDue(draft: IdleDraft, now: Date, settings: ReminderSettings): boolean {
  return !remindedThisIdlePeriod(draft) && elapsed(draft.lastActivityAt, now, settings.draftReminderDays);
}

/** When a draft will be deleted if nobody touches it: null while its reminder has not been sent. */
export function draftPurgeDate(draft: IdleDraft, settings: ReminderSettings): Date | null {
  if (!remindedThisIdlePeriod(draft)) return null;
  const byIdleness = addDays(draft.lastActivityAt, settings.draftPurgeDays);
  const byNotice = addDays(draft.lastReminderAt, settings.draftPurgeDays - settings.draftReminderDays);
  return byIdleness > byNotice ? byIdleness : byNotice;
}

/** The date a reminder sent now announces for the deletion. */
export function announcedPurgeDate(draft: IdleDraft, now: Date, settings: ReminderSettings): Date {
  return draftPurgeDate({ lastActivityAt: draft.lastActivityAt, lastReminderAt: now }, settings)!;
}

export function isDraftPurgeDue(draft: IdleDraft, now: Date, settings: ReminderSettings): boolean {
  const purgeAt = draftPurgeDate(draft, settings);
  return purgeAt !== null && now >= purgeAt;
}
