import fc from "fast-check";
import {
  type Attempt,
  FAILURE_WINDOW_MS,
  LOCK_DURATION_MS,
  LOOKBACK_MS,
  lockedMessage,
  lockState,
  MAX_FAILURES,
} from "@/lib/auth/domain/lockout";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-10T09:00:00Z");

/** A moment `minutes` (may be fractional) after T0. */
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
const failure = (minutes: number): Attempt => ({ at: at(minutes), outcome: "FAILURE" });
const success = (minutes: number): Attempt => ({ at: at(minutes), outcome: "SUCCESS" });
const refused = (minutes: number): Attempt => ({ at: at(minutes), outcome: "REFUSED" });
/** `count` failures, one a minute, starting at `start`. */
const failures = (count: number, start = 0, every = 1) => Array.from({ length: count }, (_, i) => failure(start + i * every));

describe("lockout constants", () => {
  test("five failures within fifteen minutes lock the account for fifteen minutes", () => {
    expect(MAX_FAILURES).toBe(5);
    expect(FAILURE_WINDOW_MS).toBe(15 * MINUTE);
    expect(LOCK_DURATION_MS).toBe(15 * MINUTE);
  });

  test("the history needed covers the failure window plus the lock duration", () => {
    expect(LOOKBACK_MS).toBe(30 * MINUTE);
  });
});

describe("lockState: counting failures", () => {
  test("no attempt at all: not locked", () => {
    expect(lockState([], at(0))).toEqual({ locked: false });
  });

  test("4 failures in a row do not lock", () => {
    expect(lockState(failures(4), at(4))).toEqual({ locked: false });
  });

  test("5 failures within 15 minutes lock until the 5th failure + 15 minutes", () => {
    expect(lockState(failures(5), at(5))).toEqual({ locked: true, until: at(4 + 15) });
  });

  test("5 failures in the same second lock until the 5th + 15 minutes", () => {
    const burst = [0, 0.001, 0.002, 0.003, 0.004].map(failure);
    expect(lockState(burst, at(1))).toEqual({ locked: true, until: new Date(at(0.004).getTime() + LOCK_DURATION_MS) });
  });

  test("5 failures whose first and fifth are 1 ms less than 15 minutes apart lock", () => {
    const attempts = [failure(0), failure(5), failure(10), failure(12), { at: new Date(at(15).getTime() - 1), outcome: "FAILURE" as const }];
    expect(lockState(attempts, at(15))).toMatchObject({ locked: true });
  });

  test("5 failures whose first and fifth are exactly 15 minutes apart do not lock (the window is shorter than 15 minutes)", () => {
    expect(lockState([failure(0), failure(5), failure(10), failure(12), failure(15)], at(15))).toEqual({ locked: false });
  });

  test("5 failures spread over more than 15 minutes do not lock", () => {
    expect(lockState(failures(5, 0, 4), at(16))).toEqual({ locked: false }); // 0, 4, 8, 12, 16
  });

  test("failures one every 4 minutes never lock, however many there are", () => {
    const attempts = failures(30, 0, 4);
    for (let m = 0; m <= 120; m += 1) expect(lockState(attempts, at(m))).toEqual({ locked: false });
  });

  test("old failures slide out of the window: only those less than 15 minutes before the latest count", () => {
    // At 17, the failures at 0, 1 and 2 are too old: only 3, 15.5, 16 and 17 count (4).
    const attempts = [...failures(4), failure(15.5), failure(16), failure(17)];
    expect(lockState(attempts, at(17))).toEqual({ locked: false });
    // At 17.5, 3, 15.5, 16, 17 and 17.5 are within 15 minutes: locked.
    expect(lockState([...attempts, failure(17.5)], at(17.5))).toEqual({ locked: true, until: at(32.5) });
  });

  test("the lock starts at the 5th failure, not before", () => {
    const attempts = failures(5);
    expect(lockState(attempts, new Date(at(4).getTime() - 1))).toEqual({ locked: false });
    expect(lockState(attempts, at(4))).toEqual({ locked: true, until: at(19) });
  });
});

describe("lockState: successes", () => {
  test("a success resets the count: 4 failures, a success, 4 failures do not lock", () => {
    const attempts = [...failures(4), success(4.5), ...failures(4, 5)];
    expect(lockState(attempts, at(9))).toEqual({ locked: false });
  });

  test("after a success, a 5th new failure locks", () => {
    const attempts = [...failures(4), success(4.5), ...failures(5, 5)];
    expect(lockState(attempts, at(10))).toEqual({ locked: true, until: at(9 + 15) });
  });

  test("a success between the 4th and 5th failure prevents the lock", () => {
    const attempts = [...failures(4), success(4), failure(5)];
    expect(lockState(attempts, at(6))).toEqual({ locked: false });
  });

  test("only successes: not locked", () => {
    expect(lockState([success(0), success(1), success(2)], at(3))).toEqual({ locked: false });
  });
});

describe("lockState: attempts refused while locked", () => {
  test("REFUSED attempts never count as failures", () => {
    const attempts = [...failures(4), refused(4), refused(5), refused(6)];
    expect(lockState(attempts, at(7))).toEqual({ locked: false });
  });

  test("many REFUSED attempts alone never lock", () => {
    const attempts = Array.from({ length: 20 }, (_, i) => refused(i * 0.1));
    expect(lockState(attempts, at(3))).toEqual({ locked: false });
  });

  test("REFUSED attempts during a lock do not extend it", () => {
    const attempts = [...failures(5), refused(6), refused(10), refused(18.99)];
    expect(lockState(attempts, at(18.995))).toEqual({ locked: true, until: at(19) });
    expect(lockState(attempts, at(19))).toEqual({ locked: false });
  });

  test("REFUSED attempts during a lock do not count towards the next lock", () => {
    const attempts = [...failures(5), ...Array.from({ length: 10 }, (_, i) => refused(5 + i)), ...failures(4, 20)];
    expect(lockState(attempts, at(24))).toEqual({ locked: false });
  });

  test("failures recorded while locked are ignored and do not extend the lock", () => {
    const attempts = [...failures(5), ...failures(5, 10)];
    expect(lockState(attempts, at(15))).toEqual({ locked: true, until: at(19) });
    expect(lockState(attempts, at(19))).toEqual({ locked: false });
  });
});

describe("lockState: end of the lock", () => {
  const attempts = failures(5); // 5th at minute 4, lock until minute 19
  const until = at(19);

  test("1 ms before `until` the account is still locked", () => {
    expect(lockState(attempts, new Date(until.getTime() - 1))).toEqual({ locked: true, until });
  });

  test("exactly at `until` the account is free", () => {
    expect(lockState(attempts, until)).toEqual({ locked: false });
  });

  test("long after `until` the account is free", () => {
    expect(lockState(attempts, at(24 * 60))).toEqual({ locked: false });
  });

  test("after a lock expires, 4 new failures do not lock again", () => {
    const more = [...attempts, ...failures(4, 20)];
    expect(lockState(more, at(24))).toEqual({ locked: false });
  });

  test("after a lock expires, a 5th new failure locks again until it + 15 minutes", () => {
    const more = [...attempts, ...failures(5, 20)];
    expect(lockState(more, at(24))).toEqual({ locked: true, until: at(24 + 15) });
  });

  test("the failures that caused a lock do not count after it, even if still within 15 minutes", () => {
    // Burst of 5 failures at 0..0.004 → lock until 15.004; then 4 failures right after it expires.
    const burst = [0, 0.001, 0.002, 0.003, 0.004].map(failure);
    const after = [15.01, 15.02, 15.03, 15.04].map(failure);
    expect(lockState([...burst, ...after], at(15.05))).toEqual({ locked: false });
  });

  test("a failure exactly at `until` counts as a new failure", () => {
    const more = [...attempts, failure(19), ...failures(4, 20)];
    expect(lockState(more, at(23))).toEqual({ locked: true, until: at(23 + 15) });
  });
});

describe("lockState: attempts in the future are ignored", () => {
  test("failures after `now` do not lock", () => {
    expect(lockState(failures(5, 10), at(9))).toEqual({ locked: false });
  });

  test("the 5th failure 1 ms after `now` does not lock yet", () => {
    const attempts = [...failures(4), failure(5)];
    expect(lockState(attempts, new Date(at(5).getTime() - 1))).toEqual({ locked: false });
  });

  test("a success after `now` does not lift a lock in force", () => {
    const attempts = [...failures(5), success(10)];
    expect(lockState(attempts, at(9))).toEqual({ locked: true, until: at(19) });
  });

  test("an attempt exactly at `now` is taken into account", () => {
    expect(lockState(failures(5), at(4))).toMatchObject({ locked: true });
  });
});

describe("lockState: input order", () => {
  test("reversed input gives the same result", () => {
    const attempts = [...failures(4), success(4.5), ...failures(5, 5), refused(10)];
    expect(lockState([...attempts].reverse(), at(11))).toEqual(lockState(attempts, at(11)));
    expect(lockState([...attempts].reverse(), at(11))).toEqual({ locked: true, until: at(24) });
  });

  test("the input array is not modified", () => {
    const attempts = [failure(3), failure(1), failure(2)];
    const copy = [...attempts];
    lockState(attempts, at(5));
    expect(attempts).toEqual(copy);
  });

  const outcome = fc.constantFrom<Attempt["outcome"]>("SUCCESS", "FAILURE", "FAILURE", "FAILURE", "REFUSED");
  /** Attempts at distinct milliseconds within an hour, so that their order is fully defined by time. */
  const history = fc
    .uniqueArray(fc.integer({ min: 0, max: 60 * MINUTE }), { maxLength: 30 })
    .chain((times) => fc.tuple(...times.map((t) => outcome.map((o): Attempt => ({ at: new Date(T0 + t), outcome: o })))));
  const shuffled = history.chain((attempts) =>
    fc.tuple(fc.constant(attempts), fc.shuffledSubarray(attempts, { minLength: attempts.length, maxLength: attempts.length })),
  );
  const now = fc.integer({ min: 0, max: 90 * MINUTE }).map((t) => new Date(T0 + t));

  test("property: shuffling the attempts never changes the result", () => {
    fc.assert(
      fc.property(shuffled, now, ([attempts, permutation], when) => {
        expect(lockState(permutation, when)).toEqual(lockState(attempts, when));
      }),
      { numRuns: 500 },
    );
  });

  test("property: a lock in force ends after `now` and at most 15 minutes later", () => {
    fc.assert(
      fc.property(history, now, (attempts, when) => {
        const state = lockState(attempts, when);
        if (!state.locked) return;
        expect(state.until.getTime()).toBeGreaterThan(when.getTime());
        expect(state.until.getTime() - when.getTime()).toBeLessThanOrEqual(LOCK_DURATION_MS);
        // The lock ends 15 minutes after a failure.
        expect(attempts.some((a) => a.outcome === "FAILURE" && a.at.getTime() + LOCK_DURATION_MS === state.until.getTime())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  /** A history as the server records it: an attempt made while the account is locked is stored as REFUSED. */
  const serverHistory = fc
    .uniqueArray(fc.integer({ min: 0, max: 120 * MINUTE }), { maxLength: 40 })
    .chain((times) => fc.tuple(...times.map((t) => fc.tuple(fc.constant(t), fc.constantFrom<"SUCCESS" | "FAILURE">("SUCCESS", "FAILURE", "FAILURE", "FAILURE")))))
    .map((tries) => {
      const recorded: Attempt[] = [];
      for (const [t, outcome] of [...tries].sort((a, b) => a[0] - b[0])) {
        const when = new Date(T0 + t);
        recorded.push({ at: when, outcome: lockState(recorded, when).locked ? "REFUSED" : outcome });
      }
      return recorded;
    });

  test("property: for histories recorded by the server, attempts older than the lookback period never change the result", () => {
    fc.assert(
      fc.property(serverHistory, fc.integer({ min: 0, max: 150 * MINUTE }), (attempts, offset) => {
        const when = new Date(T0 + offset);
        const recent = attempts.filter((a) => a.at.getTime() >= when.getTime() - LOOKBACK_MS);
        expect(lockState(recent, when)).toEqual(lockState(attempts, when));
      }),
      { numRuns: 500 },
    );
  });

  test("property: without any FAILURE the account is never locked", () => {
    fc.assert(
      fc.property(history, now, (attempts, when) => {
        const withoutFailures = attempts.filter((a) => a.outcome !== "FAILURE");
        expect(lockState(withoutFailures, when)).toEqual({ locked: false });
      }),
    );
  });
});

describe("lockedMessage", () => {
  test("says that the account is blocked for 15 minutes", () => {
    expect(lockedMessage(new Date("2026-01-15T13:30:00Z"))).toContain("bloquée pendant 15 minutes");
  });

  test("gives the end time in Paris time in winter (UTC+1)", () => {
    expect(lockedMessage(new Date("2026-01-15T13:30:00Z"))).toContain("jusqu'à 14:30.");
  });

  test("gives the end time in Paris time in summer (UTC+2)", () => {
    expect(lockedMessage(new Date("2026-07-15T13:05:00Z"))).toContain("jusqu'à 15:05.");
  });

  test("writes hours with two digits", () => {
    expect(lockedMessage(new Date("2026-01-15T07:09:00Z"))).toContain("jusqu'à 08:09.");
  });

  test("gives the Paris time across midnight UTC", () => {
    expect(lockedMessage(new Date("2026-01-15T23:45:00Z"))).toContain("jusqu'à 00:45.");
  });

  test("points to « Mot de passe oublié ? »", () => {
    expect(lockedMessage(new Date("2026-01-15T13:30:00Z"))).toContain("« Mot de passe oublié ? »");
  });

  test("is the full expected French sentence", () => {
    expect(lockedMessage(new Date("2026-01-15T13:30:00Z"))).toBe(
      "Trop de tentatives de connexion ont échoué : la connexion à ce compte est bloquée pendant 15 minutes, jusqu'à 14:30. " +
        "Vous pouvez aussi choisir un nouveau mot de passe avec « Mot de passe oublié ? ».",
    );
  });
});

describe("lockState: the directory down (issue 12)", () => {
  const unavailable = (minutes: number): Attempt => ({ at: at(minutes), outcome: "UNAVAILABLE" });

  test("attempts made while the directory was unreachable never count, however many", () => {
    expect(lockState(Array.from({ length: 20 }, (_, i) => unavailable(i / 10)), at(3))).toEqual({ locked: false });
    expect(lockState([...failures(4), unavailable(4.5), unavailable(4.6)], at(5))).toEqual({ locked: false });
  });

  test("nor do they break a series of failures: 4 failures, the directory down, a 5th failure lock", () => {
    expect(lockState([...failures(4), unavailable(4.5), failure(5)], at(6))).toEqual({ locked: true, until: new Date(at(5).getTime() + LOCK_DURATION_MS) });
  });
});

describe("lockedMessage for staff (issue 14)", () => {
  test("a staff member is told whom to ask; a learner is not", () => {
    const until = new Date("2026-01-15T13:30:00Z");
    expect(lockedMessage(until, "staff")).toMatch(/^Trop de tentatives.*administrateur de D3 de votre établissement/);
    expect(lockedMessage(until, "learner")).toBe(lockedMessage(until));
    expect(lockedMessage(until)).not.toContain("administrateur");
  });
});
