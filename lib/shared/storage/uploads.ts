import { log } from "@/lib/shared/log";
import { saveFile } from "./index";
import { StorageUnavailableError, type SavedFile } from "./types";
import { ScannerUnavailableError, scanUpload } from "./virus-scan";

/**
 * The one way a file sent by a user is stored (pièces justificatives, and any other upload): it is
 * scanned for malware first (ClamAV, lib/shared/storage/virus-scan.ts) and stored only if clean.
 * Nothing is written for an infected file or when no verdict could be had; the caller writes its
 * row afterwards, under its own limits (documents per request, the learner's storage quota).
 */
export type UploadRefusal =
  /** A virus was found: the caller records an audit row (who, what signature) and tells the user. */
  | { ok: false; reason: "infected"; signature: string; message: string }
  /** The scanner or the storage could not do its part: nothing is wrong with the file, try again later. */
  | { ok: false; reason: "scanner-unavailable" | "storage-unavailable"; message: string };

export type UploadOutcome = { ok: true; saved: SavedFile } | UploadRefusal;

export const INFECTED_MESSAGE = (fileName: string) =>
  `« ${fileName} » contient un virus ou un programme malveillant : il n'a pas été enregistré. Analysez votre ordinateur, puis envoyez une copie saine du document.`;
export const SCANNER_UNAVAILABLE_MESSAGE = "L'analyse antivirus des pièces est indisponible pour le moment : réessayez dans quelques minutes. Votre brouillon est conservé.";
export const STORAGE_UNAVAILABLE_MESSAGE = "Enregistrement impossible pour le moment, réessayez plus tard.";

export async function storeUpload(bytes: Uint8Array, fileName: string, context: Record<string, string> = {}): Promise<UploadOutcome> {
  let verdict;
  try {
    verdict = await scanUpload(bytes);
  } catch (error) {
    if (!(error instanceof ScannerUnavailableError)) throw error;
    log.error({ event: "upload.scanner_unavailable", err: error, ...context }, "upload refused: the virus scanner gave no verdict");
    return { ok: false, reason: "scanner-unavailable", message: SCANNER_UNAVAILABLE_MESSAGE };
  }
  if (!verdict.clean) {
    log.warn({ event: "upload.infected", signature: verdict.signature, size: bytes.byteLength, ...context }, "upload refused: malware found");
    return { ok: false, reason: "infected", signature: verdict.signature, message: INFECTED_MESSAGE(fileName) };
  }
  try {
    return { ok: true, saved: await saveFile(bytes) };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    log.error({ event: "upload.storage_unavailable", err: error, ...context }, "upload not stored: storage unavailable");
    return { ok: false, reason: "storage-unavailable", message: STORAGE_UNAVAILABLE_MESSAGE };
  }
}
