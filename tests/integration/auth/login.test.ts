import { endSession, logIn } from "@/lib/auth/login";
import { INVALID_CREDENTIALS } from "@/lib/auth/domain/login-messages";
import { db } from "@/lib/shared/db";
import { createUser } from "../../support/factories";

const minutes = (n: number) => n * 60_000;

describe("logIn (ENF identifier and password)", () => {
  test("a right password opens a server-side session", async () => {
    const user = await createUser();
    const result = await logIn({ identifier: user.identifier.toUpperCase(), password: user.password, ip: "203.0.113.7" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id: user.id, role: "AUDITEUR", profileComplete: false });
    const session = await db.session.findUnique({ where: { id: result.sessionId } });
    expect(session?.userId).toBe(user.id);
    expect(await db.loginAttempt.findFirst({ where: { identifier: user.identifier }, orderBy: { id: "desc" } })).toMatchObject({ outcome: "SUCCESS", ip: "203.0.113.7" });
  });

  test("a wrong password and an unknown identifier get the same generic message", async () => {
    const user = await createUser();
    const wrongPassword = await logIn({ identifier: user.identifier, password: "pas-le-bon-mot-de-passe" });
    const unknown = await logIn({ identifier: "personne.inconnue.auditeur", password: "peu-importe-ici" });
    expect(wrongPassword).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: INVALID_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: INVALID_CREDENTIALS });
  });

  test("a malformed identifier is refused before any password check", async () => {
    const result = await logIn({ identifier: "zoé.lefèvre.auditeur", password: "x" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_FORMAT" });
    expect(await db.loginAttempt.count({ where: { identifier: "zoé.lefèvre.auditeur" } })).toBe(0);
  });

  test("a deactivated account cannot log in", async () => {
    const user = await createUser({ active: false });
    expect(await logIn({ identifier: user.identifier, password: user.password })).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
  });

  test("5 failures in 15 minutes lock the identifier for 15 minutes, even against the right password", async () => {
    const user = await createUser();
    const start = new Date("2026-11-29T09:00:00Z");
    for (let i = 0; i < 4; i++) {
      expect(await logIn({ identifier: user.identifier, password: "mauvais" }, new Date(start.getTime() + minutes(i)))).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const fifth = await logIn({ identifier: user.identifier, password: "mauvais" }, new Date(start.getTime() + minutes(4)));
    expect(fifth).toMatchObject({ ok: false, code: "LOCKED" });
    if (!fifth.ok) expect(fifth.message).toContain("15 minutes");

    const meanwhile = await logIn({ identifier: user.identifier, password: user.password }, new Date(start.getTime() + minutes(10)));
    expect(meanwhile).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await db.loginAttempt.count({ where: { identifier: user.identifier, outcome: "REFUSED" } })).toBe(1);

    const justBefore = await logIn({ identifier: user.identifier, password: user.password }, new Date(start.getTime() + minutes(19) - 1));
    expect(justBefore).toMatchObject({ ok: false, code: "LOCKED" });
    const after = await logIn({ identifier: user.identifier, password: user.password }, new Date(start.getTime() + minutes(19)));
    expect(after.ok).toBe(true);
  });

  test("unknown identifiers are throttled too, so a lockout reveals nothing", async () => {
    const start = new Date("2026-11-29T10:00:00Z");
    let last;
    for (let i = 0; i < 5; i++) last = await logIn({ identifier: "nobody.here.auditeur", password: `essai-${i}` }, new Date(start.getTime() + i * 1000));
    expect(last).toMatchObject({ ok: false, code: "LOCKED" });
  });

  test("endSession removes the session row", async () => {
    const user = await createUser();
    const result = await logIn({ identifier: user.identifier, password: user.password });
    if (!result.ok) throw new Error("login failed");
    await endSession(result.sessionId);
    expect(await db.session.findUnique({ where: { id: result.sessionId } })).toBeNull();
  });
});
