import { SESSION_WARNING_S, secondsLeft, timeLeftText, warningDelayMs } from "@/lib/auth/domain/session-expiry";

describe("the session's expiry warning", () => {
  test("warns SESSION_WARNING_S before the end, at once when less is left", () => {
    expect(warningDelayMs(8 * 3600)).toBe((8 * 3600 - SESSION_WARNING_S) * 1000);
    expect(warningDelayMs(SESSION_WARNING_S)).toBe(0);
    expect(warningDelayMs(30)).toBe(0);
  });

  test("the time left is never negative", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    expect(secondsLeft(new Date("2026-11-30T10:04:30Z"), now)).toBe(270);
    expect(secondsLeft(new Date("2026-11-30T09:59:00Z"), now)).toBe(0);
  });

  test("says the minutes left rounded down, never promising more time than there is", () => {
    expect(timeLeftText(299)).toBe("4 minutes");
    expect(timeLeftText(60)).toBe("1 minute");
    expect(timeLeftText(59)).toBe("moins d'une minute");
    expect(timeLeftText(0)).toBe("moins d'une minute");
  });
});
