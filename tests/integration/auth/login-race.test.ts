/**
 * Issue 14, point 1: parallel attempts on one identifier. The probe sent 120 at once, 68 wrong
 * passwords were checked and the right one accepted at position 61. Now at most MAX_FAILURES
 * passwords are checked in the window, whatever the concurrency, and the per-address limit holds.
 */
import { logIn } from "@/lib/auth/login";
import { localDirectory, type IdentityDirectory } from "@/lib/auth/identity";
import { countIpAttempt } from "@/lib/auth/ip-limit";
import { MAX_FAILURES } from "@/lib/auth/domain/lockout";
import { STAFF_LOCKED_HELP } from "@/lib/auth/domain/lockout";
import { db } from "@/lib/shared/db";
import { createUser, uniqueSuffix } from "../../support/factories";

function countingDirectory(): IdentityDirectory & { checks: number } {
  const directory = {
    checks: 0,
    async authenticate(identifier: string, password: string) {
      directory.checks++;
      return localDirectory.authenticate(identifier, password);
    },
  };
  return directory;
}

describe("login under concurrency", () => {
  test("100 parallel wrong attempts on one identifier check at most 5 passwords; the right password is then refused", async () => {
    const user = await createUser();
    const directory = countingDirectory();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => logIn({ identifier: user.identifier, password: `mauvais-${i}` }, new Date(), { directory, maxPerIp: 1000 })));
    expect(directory.checks).toBeLessThanOrEqual(MAX_FAILURES);
    expect(directory.checks).toBeGreaterThan(0);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED").length).toBeGreaterThanOrEqual(100 - MAX_FAILURES);
    expect(await db.loginAttempt.count({ where: { identifier: user.identifier, outcome: "FAILURE" } })).toBe(directory.checks);

    const right = await logIn({ identifier: user.identifier, password: user.password }, new Date(), { directory });
    expect(right).toMatchObject({ ok: false, code: "LOCKED" });
    expect(directory.checks).toBeLessThanOrEqual(MAX_FAILURES);
  }, 120_000);

  test("the right password among 100 parallel attempts: at most 5 checked, and it opens a session only if it was one of them", async () => {
    const user = await createUser();
    const directory = countingDirectory();
    const passwords = Array.from({ length: 100 }, (_, i) => (i === 60 ? user.password : `mauvais-${i}`));
    const results = await Promise.all(passwords.map((password) => logIn({ identifier: user.identifier, password }, new Date(), { directory, maxPerIp: 1000 })));
    expect(directory.checks).toBeLessThanOrEqual(MAX_FAILURES + 1);
    const successes = results.filter((r) => r.ok);
    expect(successes.length).toBeLessThanOrEqual(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(successes.length);
  }, 120_000);

  test("a locked staff account is told whom to ask for help; a learner is not sent to the administrator", async () => {
    const staff = await createUser({ role: "AGENT_NATIONAL" });
    const learner = await createUser();
    let staffResult, learnerResult;
    for (let i = 0; i < MAX_FAILURES; i++) {
      staffResult = await logIn({ identifier: staff.identifier, password: "mauvais" }, new Date(), { maxPerIp: 1000 });
      learnerResult = await logIn({ identifier: learner.identifier, password: "mauvais" }, new Date(), { maxPerIp: 1000 });
    }
    expect(staffResult).toMatchObject({ code: "LOCKED", message: expect.stringContaining(STAFF_LOCKED_HELP) });
    expect(learnerResult).toMatchObject({ code: "LOCKED" });
    expect(learnerResult!.ok || learnerResult!.message.includes("administrateur")).toBe(false);
  });

  test("per address: an atomic counter shared by every instance; over the limit, no password is checked", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
    const now = new Date("2026-11-30T10:03:00Z");
    const answers = await Promise.all(Array.from({ length: 40 }, () => countIpAttempt(ip, 7, now)));
    expect(answers.filter(Boolean)).toHaveLength(7);
    // The next window starts afresh.
    expect(await countIpAttempt(ip, 7, new Date("2026-11-30T10:15:00Z"))).toBe(true);

    const user = await createUser();
    const directory = countingDirectory();
    const other = `203.0.113.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
    const first = await logIn({ identifier: user.identifier, password: user.password, ip: other }, new Date(), { directory, maxPerIp: 1 });
    expect(first.ok).toBe(true);
    const second = await logIn({ identifier: user.identifier, password: user.password, ip: other }, new Date(), { directory, maxPerIp: 1 });
    expect(second).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(directory.checks).toBe(1);
  });
});
