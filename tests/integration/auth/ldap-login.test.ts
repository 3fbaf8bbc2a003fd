/**
 * IDENTITY_PROVIDER=ldap against a real OpenLDAP server (tests/support/ldap-server.ts): ldaps://
 * with the test authority in LDAP_CA_FILE, a service account, the entries of DIRECTORY_PEOPLE.
 */
import path from "node:path";
import { logIn } from "@/lib/auth/login";
import { DIRECTORY_UNAVAILABLE, INVALID_CREDENTIALS, STAFF_NOT_OPENED } from "@/lib/auth/domain/login-messages";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { db } from "@/lib/shared/db";
import { runDueJobs } from "@/lib/shared/jobs/runner";
import { DIRECTORY_PEOPLE, LDAP_GROUPS, freePort, startLdapServer, type LdapServer } from "../../support/ldap-server";

let server: LdapServer;
const saved = { ...process.env };

function configure(extra: Record<string, string | undefined> = {}) {
  for (const key of Object.keys(process.env)) if (/^(LDAP_|IDENTITY_PROVIDER|DIRECTORY_GROUP_ROLES|ENF_PASSWORD_RESET_URL)/.test(key)) delete process.env[key];
  for (const [key, value] of Object.entries({ ...server.env, ...extra })) if (value !== undefined) process.env[key] = value;
}

beforeAll(async () => {
  server = await startLdapServer(path.resolve(".data/test-ldap", String(process.pid)));
}, 60_000);
afterAll(async () => {
  process.env = saved;
  await server?.stop();
});
beforeEach(() => configure());

const { learner, secondLearner, staff, admin, disabled, noPassword } = DIRECTORY_PEOPLE;

describe("LDAP directory: logIn", () => {
  test("a learner known only to the directory logs in with the directory's password and is provisioned, without a password in D3", async () => {
    await db.user.deleteMany({ where: { identifier: learner.uid } });
    const first = await logIn({ identifier: learner.uid, password: learner.password, ip: "203.0.113.20" });
    expect(first).toMatchObject({ ok: true, user: { identifier: learner.uid, role: "AUDITEUR", displayName: "Léa Annuaire", profileComplete: false } });
    if (!first.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { identifier: learner.uid }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email: learner.mail, passwordHash: null, directoryLearnerNumber: learner.employeeNumber, role: "AUDITEUR", active: true });
    expect(await db.session.findUnique({ where: { id: first.sessionId } })).toMatchObject({ userId: user.id });

    const again = await logIn({ identifier: learner.uid.toUpperCase(), password: learner.password });
    expect(again).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await db.user.count({ where: { identifier: learner.uid } })).toBe(1);
    expect(await db.loginAttempt.findMany({ where: { identifier: learner.uid }, select: { outcome: true } })).toEqual([{ outcome: "SUCCESS" }, { outcome: "SUCCESS" }]);
  });

  test("a wrong password, an unknown identifier and an entry without a password get the same message, and count toward lockout", async () => {
    const wrong = await logIn({ identifier: secondLearner.uid, password: "pas-le-bon" });
    const unknown = await logIn({ identifier: "personne.absente.auditeur", password: "peu-importe" });
    const noPass = await logIn({ identifier: noPassword.uid, password: "nimporte-quoi" });
    const empty = await logIn({ identifier: secondLearner.uid, password: "" });
    for (const result of [wrong, unknown, noPass, empty]) expect(result).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: INVALID_CREDENTIALS });
    expect(await db.user.count({ where: { identifier: { in: [secondLearner.uid, "personne.absente.auditeur", noPassword.uid] } } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { identifier: secondLearner.uid, outcome: "FAILURE" } })).toBe(2);
  });

  test("directory down: a distinct message, the attempt is recorded UNAVAILABLE and never counts toward lockout", async () => {
    configure({ LDAP_URL: `ldap://127.0.0.1:${await freePort()}`, LDAP_CA_FILE: undefined, LDAP_TIMEOUT_MS: "1000" });
    const identifier = secondLearner.uid;
    await db.loginAttempt.deleteMany({ where: { identifier } });
    for (let i = 0; i < 7; i++) {
      expect(await logIn({ identifier, password: secondLearner.password })).toEqual({ ok: false, code: "UNAVAILABLE", message: DIRECTORY_UNAVAILABLE });
    }
    expect(await db.loginAttempt.count({ where: { identifier, outcome: "UNAVAILABLE" } })).toBe(7);
    configure();
    expect(await logIn({ identifier, password: secondLearner.password })).toMatchObject({ ok: true });
  });

  test("TLS: the directory's certificate is checked against LDAP_CA_FILE (without it, an unknown authority: unavailable); StartTLS works too", async () => {
    configure({ LDAP_CA_FILE: undefined });
    expect(await logIn({ identifier: learner.uid, password: learner.password })).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    configure({ LDAP_URL: server.url, LDAP_STARTTLS: "true" });
    const viaStartTls = await logIn({ identifier: learner.uid, password: learner.password });
    expect(viaStartTls).toMatchObject({ ok: true });
  });

  test("the service account's wrong password is the directory's fault: unavailable, not a failure of the person", async () => {
    configure({ LDAP_BIND_PASSWORD: "plus-le-bon" });
    expect(await logIn({ identifier: learner.uid, password: learner.password })).toMatchObject({ ok: false, code: "UNAVAILABLE" });
  });

  test("attribute mapping and filter are configurable", async () => {
    const identifier = secondLearner.uid;
    configure({ LDAP_ATTR_GIVEN_NAME: "cn", LDAP_ATTR_SURNAME: "uid", LDAP_ATTR_EMAIL: "mail", LDAP_ATTR_LEARNER_NUMBER: "employeeNumber", LDAP_USER_FILTER: "(&(objectClass=inetOrgPerson)(uid={identifier}))" });
    const result = await logIn({ identifier, password: secondLearner.password });
    expect(result).toMatchObject({ ok: true, user: { displayName: `Noé Premier ${identifier}` } });
    expect(await db.user.findUniqueOrThrow({ where: { identifier } })).toMatchObject({ directoryLearnerNumber: "100900002", email: secondLearner.mail });

    configure({ LDAP_USER_FILTER: "(&(objectClass=groupOfNames)(cn={identifier}))" });
    expect(await logIn({ identifier, password: secondLearner.password })).toMatchObject({ code: "INVALID_CREDENTIALS" });
    // A filter that matches several entries names nobody: refused like a wrong password, not "unavailable".
    configure({ LDAP_USER_FILTER: "(|(uid={identifier})(objectClass=inetOrgPerson))" });
    expect(await logIn({ identifier, password: secondLearner.password })).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  test("staff: roles stay D3's; a staff member without a D3 account is told to ask; a directory group may map to a role", async () => {
    await db.user.deleteMany({ where: { identifier: { in: [staff.uid, admin.uid] } } });
    expect(await logIn({ identifier: staff.uid, password: staff.password })).toEqual({ ok: false, code: "NOT_OPENED", message: STAFF_NOT_OPENED });
    // An account from before the switch to the directory, with a D3 password: the directory's password opens it, the old hash goes.
    await db.user.create({ data: { identifier: staff.uid, displayName: "Paul (D3)", email: "", role: "AGENT_NATIONAL", passwordHash: "$argon2id$ancien" } });
    expect(await logIn({ identifier: staff.uid, password: staff.password })).toMatchObject({ ok: true, user: { role: "AGENT_NATIONAL", profileComplete: true, displayName: "Paul Agent" } });
    expect(await db.user.findUniqueOrThrow({ where: { identifier: staff.uid }, omit: { passwordHash: false } })).toMatchObject({ passwordHash: null, email: staff.mail });

    expect(await logIn({ identifier: admin.uid, password: admin.password })).toMatchObject({ code: "NOT_OPENED" });
    configure({ DIRECTORY_GROUP_ROLES: `AGENT_NATIONAL=${LDAP_GROUPS.jury};ADMIN=${LDAP_GROUPS.admins.toUpperCase()}` });
    expect(await logIn({ identifier: admin.uid, password: admin.password })).toMatchObject({ ok: true, user: { role: "ADMIN" } });
    expect(await db.user.findUniqueOrThrow({ where: { identifier: admin.uid }, omit: { passwordHash: false } })).toMatchObject({ role: "ADMIN", passwordHash: null });
  });

  test("a staff account disabled in D3 cannot log in, though the directory accepts its password", async () => {
    await db.user.upsert({ where: { identifier: disabled.uid }, update: { active: false }, create: { identifier: disabled.uid, displayName: "Denis", email: "", role: "AGENT_NATIONAL", active: false } });
    expect(await logIn({ identifier: disabled.uid, password: disabled.password })).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: INVALID_CREDENTIALS });
    expect(await db.session.count({ where: { user: { identifier: disabled.uid } } })).toBe(0);
  });

  test("with the directory, « Mot de passe oublié ? » sends no link: the password is the ENF's", async () => {
    const user = await db.user.upsert({ where: { identifier: learner.uid }, update: {}, create: { identifier: learner.uid, displayName: "Léa", email: learner.mail, role: "AUDITEUR" } });
    expect(await requestPasswordReset(learner.uid)).toEqual({ ok: true });
    await runDueJobs({ tasks: ["send-password-reset"] });
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });
});
