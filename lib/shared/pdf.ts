import { Font } from "@react-pdf/renderer";

/**
 * What every PDF of the application (récépissé, decision letters) shares. French words are never
 * cut with react-pdf's English hyphenation rules; only very long ones (file names) are split to
 * fit. The callback is process-wide: registered here, once.
 */
Font.registerHyphenationCallback((word) => (word.length <= 40 ? [word] : word.match(/.{1,30}/gu) ?? [word]));

/** "Madame Zoé Hélène LEFÈVRE": the name as written on official documents. */
export function formalName(learner: { civility: "MADAME" | "MONSIEUR"; firstNames: string; birthName: string; usageName: string | null }): string {
  return `${learner.civility === "MADAME" ? "Madame" : "Monsieur"} ${learner.firstNames} ${(learner.usageName || learner.birthName).toUpperCase()}`;
}
