import { createHash } from "node:crypto";
import { db } from "@/lib/shared/db";
import { openFile, saveFile, deleteFile } from "@/lib/shared/storage";
import { log } from "@/lib/shared/log";
import { getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { decisionEvents, decisionOf, type LetterEntry } from "./decision";
import { renderLetter, type LetterData } from "./letter-document";
import { letterContent, type LetterContent } from "./content";
import { isContestable, letterSettings, signatoryOf } from "./settings";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { BoundedMap } from "@/lib/shared/bounded-map";

/**
 * Decision letters: produced from the decision's history row the first time someone opens them,
 * then archived (the PDF in the storage folder, a GeneratedLetter row keyed by the event, with the
 * letter's words), so that every later download, and the web version, give exactly the document
 * first issued, even if the learner's address changed since. Visible to whoever may see the request.
 */

export { decisionEvents, type LetterEntry } from "./decision";
export type Letter = { fileName: string; pdf: Buffer };

function parseEventId(eventId: number | string): number | null {
  const id = typeof eventId === "number" ? eventId : /^\d{1,12}$/.test(eventId) ? Number(eventId) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The letter of one decision, built from the data alone (the same for every viewer). */
async function letterData(request: RequestDetail, eventId: number): Promise<LetterData | null> {
  const event = request.events.find((e) => e.id === eventId);
  const decision = event ? decisionOf(event) : null;
  if (!event || !decision || !request.number) return null;
  const settings = letterSettings();
  const [profile, linked] = await Promise.all([
    db.learnerProfile.findUnique({
      where: { userId: request.learnerId },
      select: { civility: true, firstNames: true, birthName: true, usageName: true, learnerNumber: true, addressLine: true, postalCode: true, city: true, country: true },
    }),
    // Read directly, not through the viewer's visibility, so that every viewer gets the same letter.
    db.request.findFirst({ where: request.diplomaRequestId ? { id: request.diplomaRequestId } : { diplomaRequestId: request.id }, select: { number: true } }),
  ]);
  return {
    decision,
    decidedAt: event.at,
    request: { number: request.number, kind: request.kind, mode: request.mode },
    linkedNumber: linked?.number ?? null,
    learner: profile && {
      civility: profile.civility,
      firstNames: profile.firstNames,
      birthName: profile.birthName,
      usageName: profile.usageName,
      learnerNumber: profile.learnerNumber,
      address: { line: profile.addressLine, postalCode: profile.postalCode, city: profile.city, country: profile.country },
    },
    centre: { name: request.centre.name },
    diploma: { code: request.diploma.code, title: request.diploma.title },
    signatory: signatoryOf(decision, settings, request.centre.name, event.actor?.displayName ?? null),
    appealText: isContestable(decision) ? settings.appealText : null,
  };
}

async function readStored(storageKey: string, sha256: string): Promise<Buffer | null> {
  const file = await openFile(storageKey);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  return createHash("sha256").update(pdf).digest("hex") === sha256 ? pdf : null;
}

/** The words of an archived letter, as stored (JSON: its date as a string), or null when not kept. */
function storedContent(value: unknown): LetterContent | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const content = value as LetterContent & { date: string };
  return { ...content, date: new Date(content.date) };
}

type Archived = { pdf: Buffer; content: LetterContent };

/**
 * The archived letter of a decision, created on first use: the PDF in the storage folder, its
 * words in the row. Two first downloads at once both render, but only one row is written (unique
 * eventId): the other removes its file and serves the winner's. An archived file gone missing or
 * altered is produced again from the archived words (from the history for a letter archived
 * before they were kept) and re-archived.
 */
async function archivedLetter(entry: LetterEntry, produce: () => Promise<LetterContent>): Promise<Archived> {
  const row = await db.generatedLetter.findUnique({ where: { eventId: entry.eventId }, select: { id: true, storageKey: true, sha256: true, content: true } });
  if (row) {
    const kept = storedContent(row.content);
    const stored = await readStored(row.storageKey, row.sha256);
    if (stored) return { pdf: stored, content: kept ?? (await produce()) };
    log.error({ letterId: row.id, storageKey: row.storageKey }, "archived letter missing or altered: produced again");
    const content = kept ?? (await produce());
    const pdf = await renderLetter(content);
    const { storageKey, sha256 } = await saveFile(pdf);
    await db.generatedLetter.update({ where: { id: row.id }, data: { storageKey, sha256, content: toJson(content) } });
    await deleteFile(row.storageKey).catch(() => undefined);
    return { pdf, content };
  }
  const content = await produce();
  const pdf = await renderLetter(content);
  const { storageKey, sha256 } = await saveFile(pdf);
  try {
    await db.generatedLetter.create({ data: { requestId: entry.requestId, eventId: entry.eventId, kind: entry.kind, storageKey, sha256, content: toJson(content) } });
    return { pdf, content };
  } catch (error) {
    await deleteFile(storageKey);
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.generatedLetter.findUniqueOrThrow({ where: { eventId: entry.eventId }, select: { storageKey: true, sha256: true, content: true } });
    return { pdf: (await readStored(winner.storageKey, winner.sha256)) ?? pdf, content: storedContent(winner.content) ?? content };
  }
}

const toJson = (content: LetterContent) => JSON.parse(JSON.stringify(content)) as object;

/** A decision of this request that the viewer may see, or null (request missing or not visible, event not a decision of it). */
async function visibleDecision(viewer: Viewer, requestId: string, eventId: number | string): Promise<{ request: RequestDetail; entry: LetterEntry } | null> {
  const id = parseEventId(eventId);
  if (id === null) return null;
  const found = await getRequestForViewer(viewer, requestId);
  const entry = found ? decisionEvents(found.request).find((e) => e.eventId === id) : undefined;
  return found && entry ? { request: found.request, entry } : null;
}

/**
 * The letter of a decision of this request, for whoever may see the request; null when the request
 * is missing or not visible, or the event is not a decision of this very request.
 */
export async function letterFor(viewer: Viewer, requestId: string, eventId: number | string): Promise<Letter | null> {
  const found = await visibleDecision(viewer, requestId, eventId);
  if (!found) return null;
  return { fileName: found.entry.fileName, pdf: (await archived(found.request, found.entry)).pdf };
}

async function archived(request: RequestDetail, entry: LetterEntry): Promise<Archived> {
  const letter = await archivedLetter(entry, async () => {
    const data = await letterData(request, entry.eventId);
    if (!data) throw new Error(`courrier de l'événement ${entry.eventId} : données introuvables`);
    return letterContent(data);
  });
  archivedSizes.set(entry.eventId, letter.pdf.byteLength);
  return letter;
}

/**
 * The size of each archived letter's PDF, by decision (its history row), as last read or produced
 * by this process: an archived letter does not change, so once its size is known the request page's
 * links need neither its row nor its file (read and checked in full each time otherwise). Every
 * reading (a download, the web version, which also repair a lost file) brings it up to date.
 */
const archivedSizes = new BoundedMap<number, number>(5000);

/**
 * The size of a letter's PDF, for its download link (« Avis favorable du jury (PDF, 31 Ko) »): the
 * archived file's, produced and archived now if nobody opened the letter yet. The request is one
 * the viewer already sees (the page's), the entry one of its decisions.
 */
export async function letterPdfSize(request: RequestDetail, entry: LetterEntry): Promise<number> {
  return archivedSizes.get(entry.eventId) ?? (await archived(request, entry)).pdf.byteLength;
}

/**
 * What a decision letter says, for its web page, with the size of its PDF: the same viewers as the
 * PDF, and the words archived with it (so the page says what the PDF says, even after the learner
 * moved). Null exactly when letterFor is.
 */
export async function letterContentFor(
  viewer: Viewer,
  requestId: string,
  eventId: number | string,
): Promise<{ content: LetterContent; entry: LetterEntry; pdfSize: number } | null> {
  const found = await visibleDecision(viewer, requestId, eventId);
  if (!found) return null;
  const { pdf, content } = await archived(found.request, found.entry);
  return { content, entry: found.entry, pdfSize: pdf.byteLength };
}
