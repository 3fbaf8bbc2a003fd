/** @jest-environment node */
/**
 * Every upload is scanned by a real clamd (tests/support/clamd.ts, signature database: EICAR only)
 * before anything is stored: an infected file is refused with a French message, nothing stored,
 * and an audit row; a scanner that is down or silent refuses the upload with « réessayez dans
 * quelques minutes » and the draft keeps everything it had.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { completeProfile } from "@/lib/profile/complete-profile";
import { addDocument } from "@/lib/requests/documents";
import { saveExperience } from "@/lib/requests/learner-requests";
import { postMessage } from "@/lib/requests/staff-requests";
import type { Actor } from "@/lib/requests/transition";
import { db } from "@/lib/shared/db";
import { scanBytes } from "@/lib/shared/storage/virus-scan";
import { EICAR, EICAR_SIGNATURE_NAME, freePort, startClamd, type Clamd } from "../../support/clamd";
import { createUser, ensureCentre, validProfileInput } from "../../support/factories";
import { ensureCatalogue, EXPERIENCE_INPUT } from "../../support/requests";

const storageDir = mkdtempSync(path.join(tmpdir(), "d3-scan-"));
process.env.STORAGE_DIR = storageDir;

let clamd: Clamd;
beforeAll(async () => {
  await ensureCentre("PARIS");
  await ensureCatalogue();
  clamd = await startClamd();
}, 120_000);
afterAll(async () => {
  await clamd?.stop();
});
beforeEach(() => {
  process.env.CLAMAV_HOST = clamd.host;
  process.env.CLAMAV_PORT = String(clamd.port);
  delete process.env.CLAMAV_TIMEOUT_MS;
});
afterEach(() => {
  delete process.env.CLAMAV_HOST;
  delete process.env.CLAMAV_PORT;
  delete process.env.CLAMAV_TIMEOUT_MS;
});

const cleanPdf = () =>
  new File([`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`], "attestation.pdf", { type: "application/pdf" });
// A PDF by its first bytes (so the type check lets it through), carrying the EICAR test string.
const infectedPdf = () => new File([`%PDF-1.4\n${EICAR}\n%%EOF\n`], "facture.pdf", { type: "application/pdf" });

/** An anticipated analysis draft, in SQL (these tests are about its documents and streams, not its lifecycle). */
async function insertDraft(learnerId: string): Promise<string> {
  const id = `test${randomUUID().replace(/-/g, "")}`;
  await db.$executeRaw`INSERT INTO "Request" (id, kind, mode, state, "learnerId", "centreCode", "diplomaKey", "updatedAt")
    VALUES (${id}, 'EXPERIENCE'::"RequestKind", 'ANTICIPEE'::"ExperienceMode", 'DRAFT'::"RequestState", ${learnerId}, 'PARIS', 'LG02501A', now())`;
  return id;
}

function storedFiles(): number {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

async function draftOfNewLearner(): Promise<{ actor: Actor; requestId: string }> {
  const user = await createUser();
  expect(await completeProfile(user.id, validProfileInput({ centreCode: "PARIS" }))).toEqual({ ok: true });
  const actor: Actor = { id: user.id, role: "AUDITEUR", centreCode: null };
  const request = { id: await insertDraft(user.id) };
  return { actor, requestId: request.id };
}

test("clamd itself: the EICAR string is found, anywhere in a file; a clean PDF is clean", async () => {
  const settings = { mode: "tcp" as const, host: clamd.host, port: clamd.port, timeoutMs: 10_000 };
  expect(await scanBytes(new TextEncoder().encode(EICAR), settings)).toEqual({ clean: false, signature: EICAR_SIGNATURE_NAME });
  expect(await scanBytes(new Uint8Array(await infectedPdf().arrayBuffer()), settings)).toEqual({ clean: false, signature: EICAR_SIGNATURE_NAME });
  expect(await scanBytes(new Uint8Array(await cleanPdf().arrayBuffer()), settings)).toEqual({ clean: true });
  // Larger than one INSTREAM chunk, with the signature across a chunk boundary.
  const big = new Uint8Array(200_000).fill(0x20);
  big.set(new TextEncoder().encode(EICAR), 65_536 - 30);
  expect(await scanBytes(big, settings)).toEqual({ clean: false, signature: EICAR_SIGNATURE_NAME });
});

test("an infected file is refused with a French message next to the field, nothing is stored, and an audit row says who and what", async () => {
  const { actor, requestId } = await draftOfNewLearner();
  const before = storedFiles();
  const result = await addDocument(actor, requestId, { category: "OTHER", file: infectedPdf() });
  expect(result).toEqual({ ok: false, message: "La pièce n'a pas été ajoutée.", fieldErrors: { file: expect.stringMatching(/^« facture\.pdf » contient un virus ou un programme malveillant : il n'a pas été enregistré\./) } });
  expect(await db.requestDocument.count({ where: { requestId } })).toBe(0);
  expect(storedFiles()).toBe(before);
  const audit = await db.auditLog.findMany({ where: { actorId: actor.id } });
  expect(audit).toEqual([expect.objectContaining({ action: "upload.infected", actorRole: "AUDITEUR", requestId, details: expect.objectContaining({ signature: EICAR_SIGNATURE_NAME, fileName: "facture.pdf" }) })]);
}, 60_000);

test("a message's attachment is scanned too: infected, the message is not sent, nothing is stored, and an audit row says who and what", async () => {
  const { actor, requestId } = await draftOfNewLearner();
  await db.request.update({ where: { id: requestId }, data: { state: "SUBMITTED", submittedAt: new Date() } });
  const before = storedFiles();
  const result = await postMessage(actor, requestId, "Voici la facture demandée.", new Date(), infectedPdf());
  expect(result).toMatchObject({ ok: false, fieldErrors: { attachment: expect.stringMatching(/^« facture\.pdf » contient un virus ou un programme malveillant/) } });
  expect(await db.requestMessage.count({ where: { requestId } })).toBe(0);
  expect(storedFiles()).toBe(before);
  const audit = await db.auditLog.findMany({ where: { actorId: actor.id } });
  expect(audit).toEqual([expect.objectContaining({ action: "upload.infected", actorRole: "AUDITEUR", requestId, details: expect.objectContaining({ signature: EICAR_SIGNATURE_NAME, fileName: "facture.pdf" }) })]);
}, 60_000);

test("a clean PDF is scanned and accepted", async () => {
  const { actor, requestId } = await draftOfNewLearner();
  const before = storedFiles();
  const result = await addDocument(actor, requestId, { category: "EMPLOYER_ATTESTATION", file: cleanPdf() });
  expect(result).toEqual({ ok: true, documentId: expect.any(String) });
  expect(await db.requestDocument.count({ where: { requestId } })).toBe(1);
  expect(storedFiles()).toBe(before + 1);
  expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
}, 60_000);

test("scanner down: the upload is refused with « réessayez dans quelques minutes », nothing stored, the draft keeps what it had", async () => {
  const { actor, requestId } = await draftOfNewLearner();
  expect(await saveExperience(actor, requestId, EXPERIENCE_INPUT)).toEqual({ ok: true, experienceId: expect.any(String) });
  expect(await addDocument(actor, requestId, { category: "CV", file: cleanPdf() })).toEqual({ ok: true, documentId: expect.any(String) });
  const before = storedFiles();

  process.env.CLAMAV_PORT = String(await freePort()); // nothing listens there
  const refused = await addDocument(actor, requestId, { category: "OTHER", file: cleanPdf() });
  expect(refused).toEqual({ ok: false, message: expect.stringContaining("réessayez dans quelques minutes") });
  expect(storedFiles()).toBe(before);
  expect(await db.requestDocument.count({ where: { requestId } })).toBe(1);
  expect(await db.experience.count({ where: { requestId } })).toBe(1);
  expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { state: true } })).toEqual({ state: "DRAFT" });
}, 60_000);

test("a scanner that accepts the connection but never answers is given up after CLAMAV_TIMEOUT_MS", async () => {
  const { actor, requestId } = await draftOfNewLearner();
  const connections = new Set<net.Socket>();
  const silent = net.createServer((socket) => connections.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  try {
    process.env.CLAMAV_PORT = String((silent.address() as net.AddressInfo).port);
    process.env.CLAMAV_TIMEOUT_MS = "500";
    const started = Date.now();
    const refused = await addDocument(actor, requestId, { category: "OTHER", file: cleanPdf() });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain("réessayez dans quelques minutes");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db.requestDocument.count({ where: { requestId } })).toBe(0);
  } finally {
    for (const socket of connections) socket.destroy();
    silent.close();
  }
}, 60_000);
