/**
 * How a file is described next to its download link (RGAA 6.1 / 13.3: a link to a file says its
 * format and its size): « Récépissé (PDF, 24 Ko) », « attestation.pdf (PDF, 120 Ko) ».
 * Pure, so that domain code and components may use it.
 */

const frenchDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A size in French units: « 812 o », « 24 Ko », « 1,4 Mo ». */
export function formatFileSize(bytes: number): string {
  const size = Math.max(0, Math.round(bytes));
  if (size < 1024) return `${size} o`;
  const kilobytes = Math.round(size / 1024);
  if (kilobytes < 1024) return `${kilobytes} Ko`;
  return `${frenchDecimal.format(size / (1024 * 1024))} Mo`;
}

const FORMAT_BY_MIME_TYPE: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "text/html": "page web",
  "text/csv": "CSV",
};

/**
 * The format of a file as a reader says it (« PDF », « JPEG »), from its MIME type or, failing
 * that, from its name's extension; null when neither tells.
 */
export function fileFormat(mimeType: string | null | undefined, name?: string): string | null {
  const known = mimeType ? FORMAT_BY_MIME_TYPE[mimeType.toLowerCase().replace(/;.*/, "").trim()] : undefined;
  if (known) return known;
  const extension = name?.match(/\.([a-z0-9]{2,5})$/i)?.[1];
  if (!extension) return null;
  return extension.toLowerCase() === "jpg" ? "JPEG" : extension.toUpperCase();
}

/**
 * The text of a download link: its name followed by the format and the size when they are known
 * (« Récépissé (PDF, 24 Ko) », « attestation.pdf (PDF) »).
 */
export function downloadLabel(name: string, file: { mimeType?: string | null; size?: number | null }): string {
  const details = [fileFormat(file.mimeType, name), file.size == null ? null : formatFileSize(file.size)].filter(Boolean);
  return details.length ? `${name} (${details.join(", ")})` : name;
}
