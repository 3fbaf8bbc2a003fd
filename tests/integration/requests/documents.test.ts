/** @jest-environment node */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import catalogueJson from "@/prisma/data/cnam-catalogue.json";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { completeProfile } from "@/lib/profile/complete-profile";
import { addDocument, openDocument, removeDocument } from "@/lib/requests/documents";
import { NOT_FOUND, type Actor } from "@/lib/requests/transition";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_REQUEST } from "@/lib/requests/domain/documents";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import { db } from "@/lib/shared/db";
import { getCurrentUser } from "@/lib/auth/session";
import { GET as downloadRoute } from "@/app/documents/[id]/route";
import { createUser, ensureCentre, validProfileInput } from "../../support/factories";

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));
const sessionUser = jest.mocked(getCurrentUser);

const storageDir = mkdtempSync(path.join(tmpdir(), "d3-documents-"));
process.env.STORAGE_DIR = storageDir;

const DIPLOMA_KEY = "LG02501A";
const pdfBytes = (body = "contenu") => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`);
const pdf = (name = "cv.pdf", body?: string) => new File([pdfBytes(body)], name, { type: "application/pdf" });

function storedFiles(): string[] {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function learner(): Promise<Actor> {
  const user = await createUser();
  expect(await completeProfile(user.id, validProfileInput({ centreCode: "PARIS" }))).toEqual({ ok: true });
  return { id: user.id, role: "AUDITEUR", centreCode: null };
}

async function staff(role: "AGENT_CENTRE" | "AGENT_NATIONAL" | "ADMIN", centreCode?: string): Promise<Actor> {
  const user = await createUser({ role, centreCode });
  return { id: user.id, role, centreCode: user.centreCode };
}

/** An anticipated analysis, written directly: these tests are about its documents, not its lifecycle. */
async function analysisOf(owner: Actor, state: RequestState = "DRAFT") {
  return db.request.create({ data: { kind: "EXPERIENCE", mode: "ANTICIPEE", state, learnerId: owner.id, centreCode: "PARIS", diplomaKey: DIPLOMA_KEY } });
}

async function setState(requestId: string, state: RequestState, forwardedAt: Date | null = null) {
  await db.request.update({ where: { id: requestId }, data: { state, forwardedAt, submittedAt: state === "DRAFT" ? null : new Date() } });
}

async function added(owner: Actor, requestId: string, file = pdf(), category = "CV"): Promise<string> {
  const result = await addDocument(owner, requestId, { category, file });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.documentId;
}

const notFound = { ok: false, message: NOT_FOUND.message };

beforeAll(async () => {
  await ensureCentre("PARIS");
  await ensureCentre("NAQ");
  expect(await importCatalogue(db, catalogueJson)).toMatchObject({ ok: true });
});

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

describe("adding a document", () => {
  test("the owner's file is stored outside the web root under a generated name, and recorded", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const file = pdf("C:\\fakepath\\CV Zoé – 2026.pdf", "mon parcours");
    const documentId = await added(owner, analysis.id, file);

    const row = await db.requestDocument.findUniqueOrThrow({ where: { id: documentId } });
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(row).toMatchObject({
      requestId: analysis.id,
      category: "CV",
      originalName: "CV Zoé – 2026.pdf",
      mimeType: "application/pdf",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      status: "TRANSMITTED",
      uploadedById: owner.id,
    });
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    const onDisk = path.join(storageDir, row.storageKey);
    expect(readFileSync(onDisk)).toEqual(bytes);
    expect(path.resolve(onDisk).startsWith(path.resolve("public"))).toBe(false);
  });

  test("through a diploma request, the document goes to its joint analysis", async () => {
    const owner = await learner();
    const diploma = await db.request.create({ data: { kind: "DIPLOMA", learnerId: owner.id, centreCode: "PARIS", diplomaKey: DIPLOMA_KEY } });
    const joint = await db.request.create({
      data: { kind: "EXPERIENCE", mode: "CONJOINTE", learnerId: owner.id, centreCode: "PARIS", diplomaKey: DIPLOMA_KEY, diplomaRequestId: diploma.id },
    });
    const documentId = await added(owner, diploma.id, pdf(), "EMPLOYER_ATTESTATION");
    expect(await db.requestDocument.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ requestId: joint.id, category: "EMPLOYER_ATTESTATION" });
    expect(await removeDocument(owner, diploma.id, documentId)).toEqual({ ok: true });

    const alone = await db.request.create({ data: { kind: "DIPLOMA", learnerId: owner.id, centreCode: "PARIS", diplomaKey: DIPLOMA_KEY } });
    expect(await addDocument(owner, alone.id, { category: "CV", file: pdf() })).toEqual(notFound);
  });

  test("a text file named x.pdf is refused on the file field, and nothing is stored", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const before = storedFiles().length;
    const result = await addDocument(owner, analysis.id, { category: "CV", file: new File(["Mon CV, en texte"], "x.pdf", { type: "application/pdf" }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("« x.pdf » n'est ni un PDF") } });
    expect(storedFiles()).toHaveLength(before);
    expect(await db.requestDocument.count({ where: { requestId: analysis.id } })).toBe(0);
  });

  test("a PDF renamed .png is accepted as a PDF and downloaded with a .pdf name", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const documentId = await added(owner, analysis.id, new File([pdfBytes()], "scan.png", { type: "image/png" }));
    const opened = await openDocument(owner, documentId);
    expect(opened).toMatchObject({ mimeType: "application/pdf", fileName: "scan.png.pdf" });
    opened?.stream.destroy();
  });

  test("more than 10 Mo is refused; exactly 10 Mo is accepted", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const sized = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(pdfBytes());
      return new File([bytes], "gros.pdf", { type: "application/pdf" });
    };
    const before = storedFiles().length;
    expect(await addDocument(owner, analysis.id, { category: "CV", file: sized(MAX_DOCUMENT_BYTES + 1) })).toMatchObject({
      ok: false,
      fieldErrors: { file: expect.stringContaining("dépasse 10 Mo") },
    });
    expect(storedFiles()).toHaveLength(before);
    expect(await addDocument(owner, analysis.id, { category: "CV", file: sized(MAX_DOCUMENT_BYTES) })).toMatchObject({ ok: true });
  });

  test("an unknown category, or no file, is refused on its field", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    for (const category of ["PASSPORT", "", null, 42, "cv"]) {
      expect(await addDocument(owner, analysis.id, { category, file: pdf() })).toMatchObject({ ok: false, fieldErrors: { category: expect.any(String) } });
    }
    expect(await addDocument(owner, analysis.id, { category: "CV", file: null })).toMatchObject({ ok: false, fieldErrors: { file: "Choisissez le fichier à joindre." } });
    // What a browser sends when no file is chosen.
    expect(await addDocument(owner, analysis.id, { category: "CV", file: new File([], "") })).toMatchObject({ ok: false, fieldErrors: { file: expect.any(String) } });
    expect(await addDocument(owner, analysis.id, { category: "CV", file: new File([], "vide.pdf") })).toMatchObject({ ok: false, fieldErrors: { file: "« vide.pdf » est vide." } });
    expect(await db.requestDocument.count({ where: { requestId: analysis.id } })).toBe(0);
  });

  test(`at most ${MAX_DOCUMENTS_PER_REQUEST} documents per request`, async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    await db.requestDocument.createMany({
      data: Array.from({ length: MAX_DOCUMENTS_PER_REQUEST }, (_, index) => ({
        requestId: analysis.id,
        category: "OTHER" as const,
        originalName: `piece-${index}.pdf`,
        storageKey: `${analysis.id}-${index}`,
        mimeType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        uploadedById: owner.id,
      })),
    });
    expect(await addDocument(owner, analysis.id, { category: "CV", file: pdf() })).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("30 pièces au plus") } });
  });

  test("when the row cannot be written, the stored file is removed again", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const before = storedFiles().length;
    // The database itself refuses the row, inside the transaction that holds the request's lock.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_document() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'database unavailable'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_document BEFORE INSERT ON "RequestDocument" FOR EACH ROW EXECUTE FUNCTION refuse_document()`);
    try {
      await expect(addDocument(owner, analysis.id, { category: "CV", file: pdf() })).rejects.toThrow("database unavailable");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_document ON "RequestDocument"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_document()`);
    }
    expect(storedFiles()).toHaveLength(before);
    expect(await db.requestDocument.count({ where: { requestId: analysis.id } })).toBe(0);
  });

  test("when the storage cannot write, the learner is told to try again later, and nothing is recorded", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    // A regular file where the folder should be: every write fails, even for root.
    const blocked = path.join(storageDir, "not-a-folder");
    writeFileSync(blocked, "");
    process.env.STORAGE_DIR = blocked;
    try {
      expect(await addDocument(owner, analysis.id, { category: "CV", file: pdf() })).toEqual({ ok: false, message: "Enregistrement impossible pour le moment, réessayez plus tard." });
    } finally {
      process.env.STORAGE_DIR = storageDir;
    }
    expect(await db.requestDocument.count({ where: { requestId: analysis.id } })).toBe(0);
  });
});

describe("who may add, remove and open", () => {
  test("another learner guessing ids gets the same answer as for missing ones", async () => {
    const alice = await learner();
    const bob = await learner();
    const analysis = await analysisOf(alice);
    const documentId = await added(alice, analysis.id);

    expect(await addDocument(bob, analysis.id, { category: "CV", file: pdf() })).toEqual(notFound);
    expect(await addDocument(bob, "c-does-not-exist", { category: "CV", file: pdf() })).toEqual(notFound);
    expect(await removeDocument(bob, analysis.id, documentId)).toEqual(notFound);
    expect(await removeDocument(bob, "c-does-not-exist", documentId)).toEqual(notFound);
    expect(await openDocument(bob, documentId)).toBeNull();
    expect(await openDocument(bob, "c-does-not-exist")).toBeNull();

    // Bob's own request does not open Alice's document either.
    const bobs = await analysisOf(bob);
    expect(await removeDocument(bob, bobs.id, documentId)).toEqual(notFound);
    expect(await db.requestDocument.count({ where: { id: documentId } })).toBe(1);
    const own = await openDocument(alice, documentId);
    expect(own).toMatchObject({ mimeType: "application/pdf", fileName: "cv.pdf", size: pdfBytes().byteLength });
    expect((await readAll(own!.stream)).toString()).toContain("%PDF-1.4");
  });

  test("staff: the agents of the request's centre once submitted, the national level once forwarded, never the administrator", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const documentId = await added(owner, analysis.id);
    const paris = await staff("AGENT_CENTRE", "PARIS");
    const otherCentre = await staff("AGENT_CENTRE", "NAQ");
    const national = await staff("AGENT_NATIONAL");
    const admin = await staff("ADMIN");

    expect(await openDocument(paris, documentId)).toBeNull();
    await setState(analysis.id, "SUBMITTED");
    const opened = await openDocument(paris, documentId);
    expect(opened).toMatchObject({ mimeType: "application/pdf", fileName: "cv.pdf" });
    expect((await readAll(opened!.stream)).equals(Buffer.from(pdfBytes()))).toBe(true);
    expect(await openDocument(otherCentre, documentId)).toBeNull();
    expect(await openDocument(admin, documentId)).toBeNull();
    expect(await openDocument(national, documentId)).toBeNull();

    await setState(analysis.id, "FORWARDED", new Date());
    const forwarded = await openDocument(national, documentId);
    expect(forwarded).not.toBeNull();
    forwarded?.stream.destroy();
    expect(await openDocument(admin, documentId)).toBeNull();
    // Staff never add nor remove a learner's documents.
    expect(await addDocument(paris, analysis.id, { category: "CV", file: pdf() })).toEqual(notFound);
    expect(await removeDocument(paris, analysis.id, documentId)).toEqual(notFound);
  });

  test("once submitted the documents cannot change, until a correction is asked", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const documentId = await added(owner, analysis.id);
    await setState(analysis.id, "SUBMITTED");

    const refused = { ok: false, message: expect.stringContaining("n'est plus modifiable") };
    expect(await addDocument(owner, analysis.id, { category: "OTHER", file: pdf() })).toMatchObject(refused);
    expect(await removeDocument(owner, analysis.id, documentId)).toMatchObject(refused);
    expect(await db.requestDocument.count({ where: { requestId: analysis.id } })).toBe(1);

    await setState(analysis.id, "CORRECTION_REQUESTED");
    expect(await addDocument(owner, analysis.id, { category: "OTHER", file: pdf() })).toMatchObject({ ok: true });
  });

  test("removal deletes the row, then the file", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const documentId = await added(owner, analysis.id);
    const { storageKey } = await db.requestDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(existsSync(path.join(storageDir, storageKey))).toBe(true);

    expect(await removeDocument(owner, analysis.id, documentId)).toEqual({ ok: true });
    expect(await db.requestDocument.findUnique({ where: { id: documentId } })).toBeNull();
    expect(existsSync(path.join(storageDir, storageKey))).toBe(false);
    expect(await openDocument(owner, documentId)).toBeNull();
    expect(await removeDocument(owner, analysis.id, documentId)).toEqual(notFound);
  });
});

describe("GET /documents/[id]", () => {
  const download = (documentId: string, query = "") =>
    downloadRoute(new Request(`http://localhost/documents/${documentId}${query}`), { params: Promise.resolve({ id: documentId }) });
  const signedIn = (actor: Actor | null) =>
    sessionUser.mockResolvedValue(actor && { ...actor, sessionId: "s", identifier: "x", displayName: "X", profileComplete: true });

  test("anonymous: 401; not visible or missing: the same 404", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const documentId = await added(owner, analysis.id);
    signedIn(null);
    expect((await download(documentId)).status).toBe(401);
    signedIn(await learner());
    const hidden = await download(documentId);
    const missing = await download("c-does-not-exist");
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.headers.get("cache-control")).toBe("private, no-store");
  });

  test("the file comes as an attachment with its type, length and a UTF-8 name; ?apercu=1 inline in a sandbox", async () => {
    const owner = await learner();
    const analysis = await analysisOf(owner);
    const file = pdf("Attestation employeur – Société Générale.pdf", "attestation");
    const documentId = await added(owner, analysis.id, file, "EMPLOYER_ATTESTATION");
    signedIn(owner);

    const response = await download(documentId);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(file.size),
      "content-disposition":
        "attachment; filename=\"Attestation employeur _ Societe Generale.pdf\"; filename*=UTF-8''Attestation%20employeur%20%E2%80%93%20Soci%C3%A9t%C3%A9%20G%C3%A9n%C3%A9rale.pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);

    const preview = await download(documentId, "?apercu=1");
    expect(preview.headers.get("content-disposition")).toMatch(/^inline; filename="/);
    expect(preview.headers.get("content-security-policy")).toBe("sandbox");
    await preview.body?.cancel();
  });
});
