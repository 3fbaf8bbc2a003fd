import { RESET_TOKEN_MESSAGES, RESET_TOKEN_TTL_MS, WELCOME_LINK_DAYS, WELCOME_TOKEN_TTL_MS, resetTokenExpiry, resetTokenStatus } from "@/lib/auth/domain/reset-token";

const HOUR = 60 * 60_000;
const ISSUED = new Date("2026-03-10T09:00:00Z");
const EXPIRES = new Date("2026-03-10T10:00:00Z");
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

describe("resetTokenExpiry", () => {
  test("a reset link is valid for one hour", () => {
    expect(RESET_TOKEN_TTL_MS).toBe(HOUR);
  });

  test("the expiry is the issue time + 1 hour", () => {
    expect(resetTokenExpiry(ISSUED)).toEqual(EXPIRES);
  });

  test("the expiry keeps milliseconds", () => {
    expect(resetTokenExpiry(new Date("2026-03-10T09:00:00.123Z"))).toEqual(new Date("2026-03-10T10:00:00.123Z"));
  });

  test("the expiry crosses midnight and the end of the year", () => {
    expect(resetTokenExpiry(new Date("2026-12-31T23:30:00Z"))).toEqual(new Date("2027-01-01T00:30:00Z"));
  });

  test("the expiry is exactly one hour later across a daylight-saving change", () => {
    // Paris switches to summer time on 2026-03-29 at 01:00 UTC.
    expect(resetTokenExpiry(new Date("2026-03-29T00:30:00Z"))).toEqual(new Date("2026-03-29T01:30:00Z"));
  });

  test("a welcome link (a new staff account's first) lasts seven days, across the change to summer time", () => {
    expect(WELCOME_LINK_DAYS).toBe(7);
    expect(WELCOME_TOKEN_TTL_MS).toBe(7 * 24 * HOUR);
    expect(resetTokenExpiry(new Date("2026-03-25T09:00:00Z"), WELCOME_TOKEN_TTL_MS)).toEqual(new Date("2026-04-01T09:00:00Z"));
  });

  test("the issue date is not modified", () => {
    const issued = new Date(ISSUED);
    resetTokenExpiry(issued);
    expect(issued).toEqual(ISSUED);
  });
});

describe("resetTokenStatus", () => {
  const fresh = { expiresAt: EXPIRES, usedAt: null };

  test("no record: unknown", () => {
    expect(resetTokenStatus(null, ISSUED)).toBe("unknown");
  });

  test("just issued and unused: valid", () => {
    expect(resetTokenStatus(fresh, ISSUED)).toBe("valid");
  });

  test("1 ms before expiry: valid", () => {
    expect(resetTokenStatus(fresh, ms(EXPIRES, -1))).toBe("valid");
  });

  test("exactly at expiry: expired", () => {
    expect(resetTokenStatus(fresh, EXPIRES)).toBe("expired");
  });

  test("1 ms after expiry: expired", () => {
    expect(resetTokenStatus(fresh, ms(EXPIRES, 1))).toBe("expired");
  });

  test("a day after expiry: expired", () => {
    expect(resetTokenStatus(fresh, ms(EXPIRES, 24 * HOUR))).toBe("expired");
  });

  test("used and not yet expired: used", () => {
    expect(resetTokenStatus({ expiresAt: EXPIRES, usedAt: ms(ISSUED, 60_000) }, ms(ISSUED, 120_000))).toBe("used");
  });

  test("used wins over expired", () => {
    expect(resetTokenStatus({ expiresAt: EXPIRES, usedAt: ms(ISSUED, 60_000) }, ms(EXPIRES, HOUR))).toBe("used");
  });

  test("used at the very moment of expiry is still reported as used", () => {
    expect(resetTokenStatus({ expiresAt: EXPIRES, usedAt: EXPIRES }, EXPIRES)).toBe("used");
  });

  test("a record built with resetTokenExpiry is valid for exactly one hour", () => {
    const record = { expiresAt: resetTokenExpiry(ISSUED), usedAt: null };
    expect(resetTokenStatus(record, ms(ISSUED, HOUR - 1))).toBe("valid");
    expect(resetTokenStatus(record, ms(ISSUED, HOUR))).toBe("expired");
  });
});

describe("RESET_TOKEN_MESSAGES", () => {
  test("there is a French message for every status except valid", () => {
    expect(Object.keys(RESET_TOKEN_MESSAGES).sort()).toEqual(["expired", "unknown", "used"]);
  });

  test("every message offers to ask for a new link", () => {
    for (const message of Object.values(RESET_TOKEN_MESSAGES)) expect(message).toMatch(/nouveau lien/);
  });

  test("the expired message says how long each kind of link lasts", () => {
    expect(RESET_TOKEN_MESSAGES.expired).toContain("valable une heure");
    expect(RESET_TOKEN_MESSAGES.expired).toContain("courriel de bienvenue 7 jours");
  });

  test("the used message says the link has already been used", () => {
    expect(RESET_TOKEN_MESSAGES.used).toContain("déjà servi");
  });

  test("the unknown message says the link is not valid", () => {
    expect(RESET_TOKEN_MESSAGES.unknown).toContain("n'est pas valide");
  });
});
