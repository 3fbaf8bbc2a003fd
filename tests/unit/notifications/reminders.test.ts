import {
  DAY_MS,
  DEFAULT_REMINDER_SETTINGS,
  announcedPurgeDate,
  draftLastActivity,
  draftPurgeDate,
  isCorrectionReminderDue,
  isDraftPurgeDue,
  isDraftReminderDue,
  reminderSettingsFrom,
} from "@/lib/notifications/domain/reminders";

const settings = DEFAULT_REMINDER_SETTINGS;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = new Date("2026-03-20T10:00:00Z");
const after = (ms: number, from: Date = START) => new Date(from.getTime() + ms);

describe("correction reminders", () => {
  const waiting = { state: "CORRECTION_REQUESTED", lastChangeAt: START, lastReminderAt: null };

  test("not at 13 days 23 h 59, yes at exactly 14 days, and after", () => {
    expect(isCorrectionReminderDue(waiting, after(13 * DAY_MS + 23 * HOUR + 59 * MINUTE), settings)).toBe(false);
    expect(isCorrectionReminderDue(waiting, after(14 * DAY_MS - 1), settings)).toBe(false);
    expect(isCorrectionReminderDue(waiting, after(14 * DAY_MS), settings)).toBe(true);
    expect(isCorrectionReminderDue(waiting, after(40 * DAY_MS), settings)).toBe(true);
  });

  test("14 days are 14 × 24 hours, even across the change to summer time (29 March 2026)", () => {
    expect(isCorrectionReminderDue(waiting, new Date("2026-04-03T10:00:00Z"), settings)).toBe(true);
    expect(isCorrectionReminderDue(waiting, new Date("2026-04-03T09:59:59.999Z"), settings)).toBe(false);
  });

  test("once per waiting period: not again after the reminder, again after a new correction request", () => {
    const reminded = { ...waiting, lastReminderAt: after(14 * DAY_MS) };
    expect(isCorrectionReminderDue(reminded, after(15 * DAY_MS), settings)).toBe(false);
    expect(isCorrectionReminderDue(reminded, after(100 * DAY_MS), settings)).toBe(false);
    const askedAgain = { ...reminded, lastChangeAt: after(20 * DAY_MS) };
    expect(isCorrectionReminderDue(askedAgain, after(33 * DAY_MS), settings)).toBe(false);
    expect(isCorrectionReminderDue(askedAgain, after(34 * DAY_MS), settings)).toBe(true);
  });

  test("only while the correction is awaited", () => {
    for (const state of ["DRAFT", "SUBMITTED", "IN_REVIEW", "FORWARDED", "WITHDRAWN"]) {
      expect(isCorrectionReminderDue({ ...waiting, state }, after(30 * DAY_MS), settings)).toBe(false);
    }
  });

  test("a reminder sent for a former draft does not count for a correction asked later", () => {
    expect(isCorrectionReminderDue({ ...waiting, lastReminderAt: after(-30 * DAY_MS) }, after(14 * DAY_MS), settings)).toBe(true);
  });
});

describe("drafts left idle", () => {
  const idle = { lastActivityAt: START, lastReminderAt: null };

  test("the last activity is the latest of the creation, the experiences saved and the documents added", () => {
    expect(draftLastActivity({ createdAt: START, activity: [] })).toEqual(START);
    expect(draftLastActivity({ createdAt: START, activity: [after(3 * DAY_MS), after(DAY_MS)] })).toEqual(after(3 * DAY_MS));
  });

  test("a reminder at 60 days exactly, not a minute before", () => {
    expect(isDraftReminderDue(idle, after(60 * DAY_MS - MINUTE), settings)).toBe(false);
    expect(isDraftReminderDue(idle, after(60 * DAY_MS), settings)).toBe(true);
  });

  test("once per idle period: not again after the reminder, again after the learner worked on the draft", () => {
    const reminded = { ...idle, lastReminderAt: after(60 * DAY_MS) };
    expect(isDraftReminderDue(reminded, after(80 * DAY_MS), settings)).toBe(false);
    const touched = { lastActivityAt: after(70 * DAY_MS), lastReminderAt: reminded.lastReminderAt };
    expect(isDraftReminderDue(touched, after(129 * DAY_MS), settings)).toBe(false);
    expect(isDraftReminderDue(touched, after(130 * DAY_MS), settings)).toBe(true);
  });

  test("purged at 90 days exactly when reminded at 60, not a millisecond before", () => {
    const reminded = { ...idle, lastReminderAt: after(60 * DAY_MS) };
    expect(draftPurgeDate(reminded, settings)).toEqual(after(90 * DAY_MS));
    expect(isDraftPurgeDue(reminded, after(90 * DAY_MS - 1), settings)).toBe(false);
    expect(isDraftPurgeDue(reminded, after(90 * DAY_MS), settings)).toBe(true);
  });

  test("never purged without its reminder, nor less than 30 days after it", () => {
    expect(isDraftPurgeDue(idle, after(200 * DAY_MS), settings)).toBe(false);
    expect(draftPurgeDate(idle, settings)).toBeNull();
    // Reminded late (the job did not run): the 30 days of notice still apply.
    const lateReminder = { ...idle, lastReminderAt: after(85 * DAY_MS) };
    expect(isDraftPurgeDue(lateReminder, after(114 * DAY_MS), settings)).toBe(false);
    expect(isDraftPurgeDue(lateReminder, after(115 * DAY_MS), settings)).toBe(true);
    // A reminder of an earlier idle period does not count.
    expect(isDraftPurgeDue({ lastActivityAt: after(10 * DAY_MS), lastReminderAt: START }, after(200 * DAY_MS), settings)).toBe(false);
  });

  test("the reminder announces the date of the purge", () => {
    expect(announcedPurgeDate(idle, after(60 * DAY_MS), settings)).toEqual(after(90 * DAY_MS));
    expect(announcedPurgeDate(idle, after(75 * DAY_MS), settings)).toEqual(after(105 * DAY_MS));
  });
});

describe("settings", () => {
  test("defaults 14 / 60 / 90, each overridable", () => {
    expect(reminderSettingsFrom({})).toEqual({ ok: true, settings: { correctionDays: 14, draftReminderDays: 60, draftPurgeDays: 90 } });
    expect(reminderSettingsFrom({ REMINDER_CORRECTION_DAYS: "7", REMINDER_DRAFT_DAYS: "30", PURGE_DRAFT_DAYS: " 45 " })).toEqual({
      ok: true,
      settings: { correctionDays: 7, draftReminderDays: 30, draftPurgeDays: 45 },
    });
  });

  test.each([
    [{ REMINDER_CORRECTION_DAYS: "0" }, "REMINDER_CORRECTION_DAYS"],
    [{ REMINDER_DRAFT_DAYS: "6.5" }, "REMINDER_DRAFT_DAYS"],
    [{ PURGE_DRAFT_DAYS: "quatre-vingt-dix" }, "PURGE_DRAFT_DAYS"],
    [{ PURGE_DRAFT_DAYS: "60" }, "doit être supérieur"],
  ])("%j is refused with a message naming the problem", (env, expected) => {
    const result = reminderSettingsFrom(env);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(expected);
  });
});
