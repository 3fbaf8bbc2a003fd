import {
  fromUtcTimestamp,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatFormalDateTime,
  formatLongDate,
  formatLongDateTime,
  formatTime,
  parisDay,
  parisYear,
  parisMidnight,
} from "@/lib/shared/dates";

describe("parisMidnight", () => {
  it("is 23:00 UTC the day before in winter and 22:00 UTC in summer", () => {
    expect(parisMidnight("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(parisMidnight("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("takes the offset of the day itself on the days the clocks change", () => {
    // Last Sunday of March: the clocks go forward at 2 a.m., after midnight, which is still in winter time.
    expect(parisMidnight("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(parisMidnight("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Last Sunday of October: back at 3 a.m., so that midnight is still in summer time; the day lasts 25 hours.
    expect(parisMidnight("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(parisMidnight("2026-10-26").getTime() - parisMidnight("2026-10-25").getTime()).toBe(25 * 3600_000);
    expect(parisMidnight("2026-03-30").getTime() - parisMidnight("2026-03-29").getTime()).toBe(23 * 3600_000);
  });

  it("adds calendar days across a month, a year and a clock change", () => {
    expect(parisMidnight("2026-10-24", 1)).toEqual(parisMidnight("2026-10-25"));
    expect(parisMidnight("2026-03-31", 1)).toEqual(parisMidnight("2026-04-01"));
    expect(parisMidnight("2026-12-31", 1).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});

describe("parisYear", () => {
  test("the year in Paris: 31 December at 23:30 UTC is already the new year, in winter time", () => {
    expect(parisYear(new Date("2026-12-31T22:59:59Z"))).toBe(2026);
    expect(parisYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
  });
});

describe("parisDay", () => {
  it("is already the next day between midnight and 1 or 2 a.m. in Paris", () => {
    expect(parisDay(new Date("2026-11-29T22:59:59Z"))).toBe("2026-11-29");
    expect(parisDay(new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-30");
    expect(parisDay(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    expect(parisDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(parisDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("agrees with parisMidnight on the days the clocks change", () => {
    for (const day of ["2026-03-29", "2026-10-25"]) {
      const midnight = parisMidnight(day);
      expect(parisDay(midnight)).toBe(day);
      expect(parisDay(new Date(midnight.getTime() - 1))).not.toBe(day);
    }
  });
});

describe("French formats, in Paris time", () => {
  // 30 November 2026, 00:05:09 in Paris: still the 29th in UTC.
  const lateNight = new Date("2026-11-29T23:05:09Z");
  // 29 March 2026, 03:30 in Paris, just after the clocks went forward.
  const afterChange = new Date("2026-03-29T01:30:00Z");

  it("writes dates and times as the screens show them", () => {
    expect(formatDate(lateNight)).toBe("30/11/2026");
    expect(formatLongDate(lateNight)).toBe("30 novembre 2026");
    expect(formatLongDate(new Date("2026-03-01T12:00:00Z"))).toBe("1 mars 2026");
    expect(formatDateTime(lateNight)).toBe("30/11/2026 00:05");
    expect(formatDateTimeSeconds(lateNight)).toBe("30/11/2026 00:05:09");
    expect(formatLongDateTime(lateNight)).toBe("30 novembre 2026 à 00:05");
    expect(formatTime(lateNight)).toBe("00:05");
    expect(formatFormalDateTime(lateNight)).toBe("30 novembre 2026 à 00 h 05");
    expect(formatTime(afterChange)).toBe("03:30");
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("25/10/2026 02:30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("25/10/2026 02:30");
  });

  it("shows a calendar date as the same day, whatever the time zone", () => {
    expect(formatCalendarDate(new Date("1990-03-01T00:00:00Z"))).toBe("01/03/1990");
    expect(formatCalendarDate("2024-09-01")).toBe("01/09/2024");
  });
});

describe("fromUtcTimestamp: a timestamp column read back as JSON text", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  test("text without an offset is UTC, whatever the process's time zone (a server set to Paris read the queue's dates an hour or two off)", () => {
    for (const tz of ["UTC", "Europe/Paris", "America/Cayenne", "Pacific/Noumea"]) {
      process.env.TZ = tz;
      expect(fromUtcTimestamp("2026-11-30T09:15:00.123").toISOString()).toBe("2026-11-30T09:15:00.123Z");
      expect(fromUtcTimestamp("2026-07-01T23:30:00").toISOString()).toBe("2026-07-01T23:30:00.000Z");
    }
  });

  test("text with its offset, and a Date, are kept as they are", () => {
    process.env.TZ = "Europe/Paris";
    expect(fromUtcTimestamp("2026-11-30T10:15:00+01:00").toISOString()).toBe("2026-11-30T09:15:00.000Z");
    expect(fromUtcTimestamp("2026-11-30T09:15:00Z").toISOString()).toBe("2026-11-30T09:15:00.000Z");
    const date = new Date("2026-11-30T09:15:00Z");
    expect(fromUtcTimestamp(date)).toBe(date);
  });
});
