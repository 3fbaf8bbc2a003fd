/**
 * The content of a generated document (récépissé, decision letter), written once and shown two
 * ways: as a PDF (lib/shared/pdf.tsx) and as an accessible web page (components/documents/),
 * with the same words in the same order, so that the two versions cannot say different things.
 * Pure: the words only, no layout.
 */

export type DocumentField = { label: string; value: string };

export type DocumentBlock =
  | { kind: "paragraph"; text: string; tone?: "strong" | "muted" }
  /** Labels and their values (a web page's description list). */
  | { kind: "fields"; fields: DocumentField[] }
  /** Items with a title and details; numbered when their order means something. */
  | { kind: "list"; ordered: boolean; items: { title: string; details: string[] }[] }
  /** A framed passage with its own title: the jury's condition, the reason of a refusal. */
  | { kind: "note"; title: string; text: string };

/** A titled part of a document (a level-2 heading on the web page). */
export type DocumentSection = { heading: string; blocks: DocumentBlock[] };

/** "Madame" or "Monsieur": how a document addresses the person. */
export function civilityTitle(civility: "MADAME" | "MONSIEUR"): string {
  return civility === "MADAME" ? "Madame" : "Monsieur";
}

/** "Madame Zoé Hélène LEFÈVRE": the name as written on official documents. */
export function formalName(learner: { civility: "MADAME" | "MONSIEUR"; firstNames: string; birthName: string; usageName: string | null }): string {
  return `${civilityTitle(learner.civility)} ${learner.firstNames} ${(learner.usageName || learner.birthName).toUpperCase()}`;
}
