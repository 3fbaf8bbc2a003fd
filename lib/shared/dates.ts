import { TZDate } from "@date-fns/tz";

/**
 * Dates as the Cnam's staff and learners read them: in Paris time, in French. Pure (no Next, no
 * Prisma), so that domain code, server code and client components share it.
 *
 * Instants are built from a Paris calendar day by @date-fns/tz, which knows the daylight-saving
 * changes; they are written out by Intl with the fr-FR locale, the words every screen shows today.
 */

const PARIS_TIME_ZONE = "Europe/Paris";

const ISO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Paris at that instant, "2026-11-30": between midnight and 1 or 2 a.m. it is a day ahead of UTC. */
export function parisDay(date: Date = new Date()): string {
  return ISO_DAY.format(date);
}

/** The year in Paris at that instant: on 31 December after 11 p.m. UTC, already the next one. */
export function parisYear(date: Date = new Date()): number {
  return Number(parisDay(date).slice(0, 4));
}

/** Midnight in Paris at the start of a calendar day ("2026-11-30"), `plusDays` later, as an instant. */
export function parisMidnight(day: string, plusDays = 0): Date {
  const [year = NaN, month = NaN, date = NaN] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date + plusDays, PARIS_TIME_ZONE).getTime());
}

const french = (options: Intl.DateTimeFormatOptions, timeZone = PARIS_TIME_ZONE) => new Intl.DateTimeFormat("fr-FR", { timeZone, ...options });
const DATE = french({ dateStyle: "short" });
const LONG_DATE = french({ dateStyle: "long" });
const DATE_TIME = french({ dateStyle: "short", timeStyle: "short" });
const DATE_TIME_SECONDS = french({ dateStyle: "short", timeStyle: "medium" });
const LONG_DATE_TIME = french({ dateStyle: "long", timeStyle: "short" });
const TIME = french({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const CALENDAR_DATE = french({ dateStyle: "short" }, "UTC");

/** "30/11/2026" */
export const formatDate = (date: Date): string => DATE.format(date);
/** "30 novembre 2026" */
export const formatLongDate = (date: Date): string => LONG_DATE.format(date);
/** "30/11/2026 14:05" */
export const formatDateTime = (date: Date): string => DATE_TIME.format(date);
/** "30/11/2026 14:05:09", where the order of close events matters (the audit log). */
export const formatDateTimeSeconds = (date: Date): string => DATE_TIME_SECONDS.format(date);
/** "30 novembre 2026 à 14:05" */
export const formatLongDateTime = (date: Date): string => LONG_DATE_TIME.format(date);
/** "14:05" */
export const formatTime = (date: Date): string => TIME.format(date);

/** "30 novembre 2026 à 14 h 05": the formal style of the documents the application issues. */
export function formatFormalDateTime(date: Date): string {
  const [hours, minutes] = formatTime(date).split(":");
  return `${formatLongDate(date)} à ${hours} h ${minutes}`;
}

/**
 * "30/11/2026" for a calendar date: stored at 00:00 UTC (a birth date) or written "2026-11-30" (a
 * period of work). The same day wherever it is read.
 */
export function formatCalendarDate(date: Date | string): string {
  return CALENDAR_DATE.format(typeof date === "string" ? new Date(`${date}T00:00:00Z`) : date);
}

/**
 * A timestamp column read back from PostgreSQL: a Date, or its JSON text when it comes inside a
 * json_agg (`"2026-11-30T09:15:00.123"`, without an offset: the columns are UTC, timestamp without
 * time zone). `new Date` would read such a text as the process's local time.
 */
export function fromUtcTimestamp(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(value) ? value : `${value}Z`);
}
