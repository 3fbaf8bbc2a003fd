import { db } from "@/lib/shared/db";
import { logIn } from "@/lib/auth/login";
import type { AuditActor } from "@/lib/audit/log";
import { createCentre, updateCentre } from "@/lib/admin/centres";
import { changeStaffRole, createStaffAccount, setStaffActive } from "@/lib/admin/accounts";
import { importResults } from "@/lib/admin/results-import";
import { importCatalogueFile } from "@/lib/admin/catalogue-import";
import { readJournal, journalFilterSchema } from "@/lib/admin/journal";
import { createUser, ensureCentre, uniqueSuffix } from "../../support/factories";
import { createLearner, createStaff } from "../../support/requests";

const IP = "203.0.113.42";

async function admin(): Promise<AuditActor> {
  const user = await createUser({ role: "ADMIN" });
  return { id: user.id, role: "ADMIN", ip: IP };
}

const auditRows = (actorId: string) => db.auditLog.findMany({ where: { actorId }, orderBy: { id: "asc" } });

/** A centre code nobody else uses on the shared PostgreSQL database. */
const centreCode = () => `T-${uniqueSuffix().toUpperCase()}`;

describe("centres", () => {
  test("an administrator creates a centre (code normalised) and updates it; one audit row each", async () => {
    const actor = await admin();
    const code = centreCode();
    const created = await createCentre(actor, { code: ` ${code.toLowerCase()} `, name: "Cnam Test", region: "Bretagne", contactEmail: "Contact@Lecnam.net" });
    expect(created).toEqual({ ok: true, code });
    expect(await db.centre.findUnique({ where: { code } })).toMatchObject({ name: "Cnam Test", region: "Bretagne", contactEmail: "contact@lecnam.net", verified: true });

    expect(await updateCentre(actor, code, { code: "IGNORED", name: "Cnam Test renommé", region: "Bretagne", contactEmail: "" })).toEqual({ ok: true, code });
    expect(await db.centre.findUnique({ where: { code } })).toMatchObject({ name: "Cnam Test renommé", contactEmail: null });
    expect(await db.centre.count({ where: { code: "IGNORED" } })).toBe(0);

    const rows = await auditRows(actor.id);
    expect(rows.map((r) => [r.action, r.targetType, r.targetId, r.ip, r.actorRole])).toEqual([
      ["centre.create", "centre", code, IP, "ADMIN"],
      ["centre.update", "centre", code, IP, "ADMIN"],
    ]);
  });

  test("bad fields are reported one by one; a duplicate code is refused; nothing is written or logged", async () => {
    const actor = await admin();
    const invalid = await createCentre(actor, { code: "Cnam Paris!", name: "", region: "X", contactEmail: "pas-une-adresse" });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { code: expect.stringContaining("lettres A à Z"), name: expect.any(String), region: expect.any(String), contactEmail: expect.any(String) } });

    const code = centreCode();
    expect((await createCentre(actor, { code, name: "Premier", region: "Corse", contactEmail: "" })).ok).toBe(true);
    expect(await createCentre(actor, { code, name: "Second", region: "Corse", contactEmail: "" })).toMatchObject({ ok: false, fieldErrors: { code: expect.stringContaining("existe déjà") } });
    expect(await updateCentre(actor, centreCode(), { name: "Nouveau", region: "Corse", contactEmail: "" })).toMatchObject({ ok: false, message: expect.stringContaining("n'existe pas") });
    expect((await auditRows(actor.id)).map((r) => r.action)).toEqual(["centre.create"]);
  });

  test("a national agent may not manage centres", async () => {
    const agent = await createStaff("AGENT_NATIONAL");
    const code = centreCode();
    expect(await createCentre({ ...agent, ip: IP }, { code, name: "Cnam Test", region: "Corse", contactEmail: "" })).toMatchObject({ ok: false, message: expect.any(String) });
    expect(await db.centre.count({ where: { code } })).toBe(0);
  });
});

describe("staff accounts", () => {
  const newAccount = (over: Record<string, string> = {}) => ({ identifier: `alice.${uniqueSuffix()}`, displayName: "Alice Test", email: `alice.${uniqueSuffix()}@lecnam.net`, role: "AGENT_NATIONAL", centreCode: "", ...over });

  test("creation: no usable password, a link to choose one queued, one audit row", async () => {
    const actor = await admin();
    const input = newAccount({ identifier: `  Alice.${uniqueSuffix()} `, role: "AGENT_CENTRE", centreCode: "paris" });
    await ensureCentre("PARIS");
    const created = await createStaffAccount(actor, input);
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId }, select: { identifier: true, role: true, centreCode: true, active: true, email: true } });
    expect(user).toMatchObject({ identifier: input.identifier.trim().toLowerCase(), role: "AGENT_CENTRE", centreCode: "PARIS", active: true });
    expect(await db.passwordResetToken.count({ where: { userId: created.userId } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(1);
    expect(await logIn({ identifier: user.identifier, password: "" })).toMatchObject({ ok: false });

    const [row] = await auditRows(actor.id);
    expect(row).toMatchObject({ action: "account.create", targetType: "user", targetId: created.userId, ip: IP });
    expect(row!.details).toEqual({ userId: created.userId, identifier: user.identifier, role: "AGENT_CENTRE", centreCode: "PARIS" });
  });

  test("a learner identifier, a malformed one, a duplicate, a missing or unknown centre are refused", async () => {
    const actor = await admin();
    expect(await createStaffAccount(actor, newAccount({ identifier: "alice.martin.auditeur" }))).toMatchObject({ ok: false, fieldErrors: { identifier: expect.stringContaining("prenom.nom") } });
    expect(await createStaffAccount(actor, newAccount({ identifier: "Alice Martin" }))).toMatchObject({ ok: false, fieldErrors: { identifier: expect.any(String) } });
    expect(await createStaffAccount(actor, newAccount({ identifier: "zoé.lefèvre" }))).toMatchObject({ ok: false, fieldErrors: { identifier: expect.any(String) } });
    expect(await createStaffAccount(actor, newAccount({ role: "AGENT_CENTRE", centreCode: "" }))).toMatchObject({ ok: false, fieldErrors: { centreCode: expect.stringContaining("centre") } });
    expect(await createStaffAccount(actor, newAccount({ role: "AGENT_CENTRE", centreCode: centreCode() }))).toMatchObject({ ok: false, fieldErrors: { centreCode: expect.stringContaining("n'existe pas") } });
    expect(await createStaffAccount(actor, newAccount({ role: "AUDITEUR" }))).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });

    const existing = await createUser({ role: "AGENT_NATIONAL" });
    expect(await createStaffAccount(actor, newAccount({ identifier: existing.identifier.toUpperCase() }))).toMatchObject({ ok: false, fieldErrors: { identifier: expect.stringContaining("porte déjà cet identifiant") } });
    expect(await auditRows(actor.id)).toEqual([]);
  });

  test("deactivation ends every session and blocks login; reactivation lets the person in again", async () => {
    const actor = await admin();
    const agent = await createUser({ role: "AGENT_NATIONAL" });
    const login = await logIn({ identifier: agent.identifier, password: agent.password });
    expect(login.ok).toBe(true);
    expect(await db.session.count({ where: { userId: agent.id } })).toBe(1);

    expect(await setStaffActive(actor, agent.id, false)).toEqual({ ok: true, userId: agent.id, changed: true });
    expect(await db.session.count({ where: { userId: agent.id } })).toBe(0);
    expect(await logIn({ identifier: agent.identifier, password: agent.password })).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await setStaffActive(actor, agent.id, false)).toEqual({ ok: true, userId: agent.id, changed: false });

    expect(await setStaffActive(actor, agent.id, true)).toMatchObject({ ok: true, changed: true });
    expect((await logIn({ identifier: agent.identifier, password: agent.password })).ok).toBe(true);

    const rows = await auditRows(actor.id);
    expect(rows.map((r) => [r.action, r.targetId, r.details])).toEqual([
      ["account.update", agent.id, { userId: agent.id, changes: { active: false } }],
      ["account.update", agent.id, { userId: agent.id, changes: { active: true } }],
    ]);
  });

  test("role and centre change; the centre is dropped for other roles", async () => {
    const actor = await admin();
    await ensureCentre("PARIS");
    const agent = await createUser({ role: "AGENT_NATIONAL" });
    expect(await changeStaffRole(actor, agent.id, { role: "AGENT_CENTRE", centreCode: "" })).toMatchObject({ ok: false, fieldErrors: { centreCode: expect.any(String) } });
    expect(await changeStaffRole(actor, agent.id, { role: "AGENT_CENTRE", centreCode: "paris" })).toMatchObject({ ok: true, changed: true });
    expect(await db.user.findUnique({ where: { id: agent.id }, select: { role: true, centreCode: true } })).toEqual({ role: "AGENT_CENTRE", centreCode: "PARIS" });
    expect(await changeStaffRole(actor, agent.id, { role: "AGENT_CENTRE", centreCode: "PARIS" })).toMatchObject({ ok: true, changed: false });
    expect(await changeStaffRole(actor, agent.id, { role: "ADMIN", centreCode: "PARIS" })).toMatchObject({ ok: true, changed: true });
    expect(await db.user.findUnique({ where: { id: agent.id }, select: { role: true, centreCode: true } })).toEqual({ role: "ADMIN", centreCode: null });
    expect((await auditRows(actor.id)).map((r) => r.details)).toEqual([
      { userId: agent.id, changes: { role: "AGENT_CENTRE", centreCode: "PARIS" } },
      { userId: agent.id, changes: { role: "ADMIN", centreCode: null } },
    ]);
  });

  test("an administrator never changes their own role, centre or active flag", async () => {
    const actor = await admin();
    expect(await setStaffActive(actor, actor.id, false)).toMatchObject({ ok: false, message: expect.stringContaining("propre") });
    expect(await changeStaffRole(actor, actor.id, { role: "AGENT_NATIONAL", centreCode: "" })).toMatchObject({ ok: false, message: expect.stringContaining("propre") });
    expect(await db.user.findUnique({ where: { id: actor.id }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });
    expect(await auditRows(actor.id)).toEqual([]);
  });

  test("nobody but an administrator manages accounts; learners' accounts are not managed here", async () => {
    const national = await createStaff("AGENT_NATIONAL");
    const target = await createUser({ role: "AGENT_NATIONAL" });
    const actor = { ...national, ip: IP };
    expect(await createStaffAccount(actor, newAccount())).toMatchObject({ ok: false, message: expect.stringContaining("administrateur") });
    expect(await setStaffActive(actor, target.id, false)).toMatchObject({ ok: false, message: expect.stringContaining("administrateur") });
    expect(await changeStaffRole(actor, target.id, { role: "ADMIN", centreCode: "" })).toMatchObject({ ok: false, message: expect.stringContaining("administrateur") });
    expect(await db.user.findUnique({ where: { id: target.id }, select: { role: true, active: true } })).toEqual({ role: "AGENT_NATIONAL", active: true });

    const learner = await createUser();
    expect(await setStaffActive(await admin(), learner.id, false)).toMatchObject({ ok: false, message: expect.stringContaining("personnel") });
  });
});

describe("learners' results import", () => {
  const header = "numero_auditeur;ue;annee;note;mode;centre";

  test("a good CSV (BOM, ; separator, French modes, decimal comma) upserts on learner, unit and year", async () => {
    const actor = await admin();
    const { user } = await createLearner();
    const number = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } })).learnerNumber;
    const csv = `\uFEFF${header}\r\n${number};UTC501;2023;12,5;réussie;PARIS\r\n${number.toLowerCase()};utc502;2024;;équivalence;\r\n`;
    expect(await importResults(actor, { name: "resultats.csv", text: csv })).toEqual({ ok: true, format: "csv", rows: 2, learners: 1 });
    expect(await db.unitResult.findMany({ where: { learnerId: user.id }, orderBy: { unitCode: "asc" }, select: { unitCode: true, year: true, grade: true, obtainedBy: true, centreCode: true } })).toEqual([
      { unitCode: "UTC501", year: 2023, grade: 12.5, obtainedBy: "PASSED", centreCode: "PARIS" },
      { unitCode: "UTC502", year: 2024, grade: null, obtainedBy: "EQUIVALENCE", centreCode: null },
    ]);

    const again = `numero_auditeur,ue,annee,note,mode,centre\n${number},UTC501,2023,"14.5",PASSED,PARIS\n`;
    expect(await importResults(actor, { name: "resultats.csv", text: again })).toMatchObject({ ok: true, rows: 1 });
    expect(await db.unitResult.findMany({ where: { learnerId: user.id, unitCode: "UTC501" }, select: { grade: true } })).toEqual([{ grade: 14.5 }]);

    const rows = await auditRows(actor.id);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ["results.import", { rows: 2, learners: 1 }],
      ["results.import", { rows: 1, learners: 1 }],
    ]);
  });

  test("one bad line: nothing is written, and every rejected line is reported with its number", async () => {
    const actor = await admin();
    const { user } = await createLearner();
    const number = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } })).learnerNumber;
    const csv = [header, `${number};UTC501;2023;12;PASSED;`, `${number};UTC502;2023;;PASSED;`, `${number};ZZZ999;2023;;VES;`, `NOBODY0000;UTC503;2023;15;VAE;`, `${number};UTC501;2023;13;PASSED;`].join("\n");
    const report = await importResults(actor, { name: "r.csv", text: csv });
    expect(report).toMatchObject({ ok: false, format: "csv", message: expect.stringContaining("Aucune ligne") });
    if (report.ok) return;
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(report.rejected[0]!.message).toContain("Note obligatoire");
    expect(report.rejected[1]!.message).toContain("ZZZ999 n'est pas au catalogue");
    expect(report.rejected[2]!.message).toContain("Le numéro NOBODY0000 n'est confirmé pour aucun compte d'auditeur");
    expect(report.rejected[3]!.message).toContain("ligne 2");
    expect(await db.unitResult.count({ where: { learnerId: user.id } })).toBe(0);
    expect(await auditRows(actor.id)).toEqual([]);
  });

  test("a JSON array is accepted, its elements numbered from 1; a wrong header or a bad file is refused", async () => {
    const actor = await admin();
    const { user } = await createLearner();
    const number = (await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } })).learnerNumber;
    const bad = JSON.stringify([{ numero_auditeur: number, ue: "UTC501", annee: 2022, note: 11, mode: "PASSED", centre: null }, { numero_auditeur: number, ue: "UTC502", annee: 1900, note: 11, mode: "PASSED" }]);
    expect(await importResults(actor, { name: "r.json", text: bad })).toMatchObject({ ok: false, format: "json", rejected: [{ line: 2, message: expect.stringContaining("1900") }] });
    const good = JSON.stringify([{ numero_auditeur: number, ue: "UTC501", annee: 2022, note: "11,5", mode: "réussie" }]);
    expect(await importResults(actor, { name: "export", text: good })).toEqual({ ok: true, format: "json", rows: 1, learners: 1 });

    expect(await importResults(actor, { name: "r.csv", text: "numero;ue;annee\n1;2;3\n" })).toMatchObject({ ok: false, rejected: [{ line: 1, message: expect.stringContaining("En-tête") }] });
    expect(await importResults(actor, { name: "r.csv", text: `${header}\n${number};UTC501;2022\n` })).toMatchObject({ ok: false, rejected: [{ line: 2, message: expect.stringContaining("3 champ(s) au lieu de 6") }] });
    expect(await importResults(actor, { name: "r.json", text: "[{" })).toMatchObject({ ok: false, message: expect.stringContaining("JSON") });
    expect(await importResults(actor, { name: "r.csv", text: `${header}\n` })).toMatchObject({ ok: false, message: expect.stringContaining("aucune ligne") });
    expect(await importResults({ ...(await createStaff("AGENT_NATIONAL")), ip: null }, { name: "r.json", text: good })).toMatchObject({ ok: false, message: expect.stringContaining("administrateur") });
    expect((await auditRows(actor.id)).map((r) => r.action)).toEqual(["results.import"]);
  });
});

describe("catalogue import from the administration", () => {
  test("a valid file is imported with its audit row; an invalid one reports paths and logs nothing", async () => {
    const actor = await admin();
    const code = `TST${Math.floor(Math.random() * 1e6)}`;
    const catalogue = { generated_for: "test", method_note: "test", sources: [], process_facts: [], gaps: [], centres: [], units: [{ code, title: "UE de test", ects: 6, kind: "UE", source: "test" }], diplomas: [] };
    const report = await importCatalogueFile(actor, JSON.stringify(catalogue));
    expect(report).toMatchObject({ ok: true, units: 1, diplomas: 0, centres: 0 });
    expect(await db.catalogueUnit.findUnique({ where: { code } })).toMatchObject({ title: "UE de test" });

    const invalid = await importCatalogueFile(actor, JSON.stringify({ ...catalogue, units: [{ code: "", kind: "UE" }] }));
    expect(invalid).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining("units[0]") })]) });
    expect(await importCatalogueFile(actor, "pas du json")).toMatchObject({ ok: false, message: expect.stringContaining("JSON") });
    expect((await auditRows(actor.id)).map((r) => [r.action, r.details])).toEqual([["catalogue.import", { diplomas: 0, units: 1, centres: 0 }]]);
  });
});

describe("the audit log", () => {
  test("filters by actor identifier and action; keyset pages by id, newest first", async () => {
    const actor = await admin();
    const identifier = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).identifier;
    for (let i = 0; i < 3; i++) expect((await createCentre(actor, { code: centreCode(), name: `Centre ${i}`, region: "Corse", contactEmail: "" })).ok).toBe(true);
    const filters = journalFilterSchema.parse({ acteur: identifier.toUpperCase(), action: "centre.create" });
    const all = await readJournal(filters);
    expect(all.entries.map((e) => e.summary)).toEqual([2, 1, 0].map((i) => expect.stringContaining(`Centre ${i}`)));
    expect(all.entries[0]).toMatchObject({ actor: { identifier }, actionLabel: "Création d'un centre", ip: IP, request: null });
    const older = await readJournal({ ...filters, avant: String(all.entries[0]!.id) });
    expect(older.entries.map((e) => e.id)).toEqual(all.entries.slice(1).map((e) => e.id));
    expect((await readJournal({ ...filters, acteur: "personne.inconnue" })).entries).toEqual([]);
    expect((await readJournal({ ...filters, du: "2000-01-01", au: "2000-01-02" })).entries).toEqual([]);
  });
});
