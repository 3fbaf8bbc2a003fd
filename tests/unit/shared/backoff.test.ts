import fc from "fast-check";
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextAttemptDelay } from "@/lib/shared/mail/backoff";

const MINUTE = 60_000;

describe("nextAttemptDelay", () => {
  test("the first retry waits one minute, the longest wait is one hour", () => {
    expect(FIRST_RETRY_MS).toBe(MINUTE);
    expect(MAX_RETRY_MS).toBe(60 * MINUTE);
  });

  test.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 32],
  ])("after %i failed attempt(s) the next one waits %i minute(s)", (failed, minutes) => {
    expect(nextAttemptDelay(failed)).toBe(minutes * MINUTE);
  });

  test("after 7 failed attempts the wait is capped at one hour (not 64 minutes)", () => {
    expect(nextAttemptDelay(7)).toBe(60 * MINUTE);
  });

  test.each([8, 10, 50, 1000, 5000, Number.MAX_SAFE_INTEGER])("after %i failed attempts the wait is still one hour (never given up)", (failed) => {
    expect(nextAttemptDelay(failed)).toBe(MAX_RETRY_MS);
  });

  test.each([0, -1, -100])("with %i failed attempts the wait is one minute", (failed) => {
    expect(nextAttemptDelay(failed)).toBe(FIRST_RETRY_MS);
  });

  test("property: the delay never decreases as failures add up", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (n, more) => {
        expect(nextAttemptDelay(n + more)).toBeGreaterThanOrEqual(nextAttemptDelay(n));
      }),
    );
  });

  test("property: the delay is always between one minute and one hour", () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        const delay = nextAttemptDelay(n);
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
      }),
    );
  });

  test("property: below the cap, each failure doubles the delay", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (n) => {
        expect(nextAttemptDelay(n + 1)).toBe(2 * nextAttemptDelay(n));
      }),
    );
  });
});
