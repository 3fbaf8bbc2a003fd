import { formatFileSize } from "@/lib/shared/files";
/**
 * Pièces justificatives: what an experience analysis needs, and which files are accepted.
 */
export const DOCUMENT_CATEGORIES = [
  "CV",
  "EMPLOYER_ATTESTATION",
  "JOB_DESCRIPTION",
  "ACTIVITY_REPORT",
  "INTERNSHIP_AGREEMENT",
  "INTERNSHIP_REPORT",
  "OTHER",
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  CV: "Curriculum vitae",
  EMPLOYER_ATTESTATION: "Attestation d'employeur ou certificat de travail",
  JOB_DESCRIPTION: "Fiche de poste",
  ACTIVITY_REPORT: "Rapport d'activité professionnelle",
  INTERNSHIP_AGREEMENT: "Convention de stage",
  INTERNSHIP_REPORT: "Rapport de stage",
  OTHER: "Autre pièce",
};

/** An experience analysis cannot be submitted without at least these. */
export const REQUIRED_EXPERIENCE_DOCUMENTS: readonly DocumentCategory[] = ["CV", "EMPLOYER_ATTESTATION"];

export function missingRequiredDocuments(present: readonly DocumentCategory[]): DocumentCategory[] {
  return REQUIRED_EXPERIENCE_DOCUMENTS.filter((category) => !present.includes(category));
}

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_REQUEST = 30;

/** What one learner may keep in stored files across all their requests (LEARNER_STORAGE_QUOTA_MB overrides it). */
export const DEFAULT_LEARNER_STORAGE_QUOTA_MB = 200;

/** Null while `adding` bytes fit beside `used` in `quotaBytes`; otherwise what to tell the learner. */
export function storageQuotaProblem(used: number, adding: number, quotaBytes: number): string | null {
  if (used + adding <= quotaBytes) return null;
  const left = Math.max(0, quotaBytes - used);
  return `Vos pièces occupent déjà ${formatSize(used)} sur les ${formatSize(quotaBytes)} permis par auditeur (reste ${formatSize(left)}) : supprimez une pièce inutile ou réduisez la taille de celle-ci.`;
}

export type AcceptedFileType = { mimeType: "application/pdf" | "image/jpeg" | "image/png"; extension: "pdf" | "jpg" | "png" };

/**
 * The file's real type, read from its first bytes (its name and the browser's claim are not
 * trusted): PDF "%PDF-", PNG signature, JPEG SOI marker. Null for anything else.
 */
export function detectFileType(head: Uint8Array): AcceptedFileType | null {
  const startsWith = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (startsWith([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: "application/pdf", extension: "pdf" };
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", extension: "png" };
  if (startsWith([0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", extension: "jpg" };
  return null;
}

export type FileCheck = { ok: true; type: AcceptedFileType } | { ok: false; message: string };

export function checkUploadedFile(name: string, size: number, head: Uint8Array): FileCheck {
  if (size === 0) return { ok: false, message: `« ${name} » est vide.` };
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, message: `« ${name} » dépasse 10 Mo (${formatSize(size)}). Réduisez sa taille ou scannez-le en plus basse résolution.` };
  const type = detectFileType(head);
  if (!type) return { ok: false, message: `« ${name} » n'est ni un PDF, ni une image JPEG ou PNG. Enregistrez-le dans l'un de ces formats.` };
  return { ok: true, type };
}

/** A document's size as shown to people; one rule for every file (lib/shared/files). */
export const formatSize = formatFileSize;

/** A name safe to show and to offer in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 150);
  return cleaned || "piece";
}
