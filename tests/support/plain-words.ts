/**
 * What must never reach a screen, an email or a PDF (issue 13, point 8): the code's names
 * (SENT_TO_CENTRE, recordHandover), the known internal phrases (« Version du dossier »,
 * « npm run jobs:outbox », « prisma/data/… ») and English words of the code. Used by the unit tests
 * of the emails and letters and by the browser test that reads the pages' text.
 */
const INTERNAL_PATTERNS: RegExp[] = [
  // An enum value: capitals joined by underscores.
  /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g,
  // A camelCase name of the code (French words never mix cases this way).
  /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g,
  /Version du dossier|transition :|prisma\/|npm run|jobs:[a-z]+|\.json\b|DEPRECATED|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/g,
  /\b(?:the|and|request|click|password|submit|error|loading|required|pending|unknown|status|state|true|false|draft)\b/gi,
];

/** Every internal code or English word found in a text (none: an empty list). */
export function internalCodesIn(text: string): string[] {
  return INTERNAL_PATTERNS.flatMap((pattern) => text.match(pattern) ?? []);
}

/** The text of an HTML email as a reader sees it: without tags, with its entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
