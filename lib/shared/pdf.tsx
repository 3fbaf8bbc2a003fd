import type { ComponentProps } from "react";
import { Font, Text, View } from "@react-pdf/renderer";

/**
 * What every PDF of the application (récépissé, decision letters) shares. French words are never
 * cut with react-pdf's English hyphenation rules; only very long ones (file names) are split to
 * fit. The callback is process-wide: registered here, once.
 */
Font.registerHyphenationCallback((word) => (word.length <= 40 ? [word] : word.match(/.{1,30}/gu) ?? [word]));

/** "Madame" or "Monsieur": how a document addresses the person. */
export function civilityTitle(civility: "MADAME" | "MONSIEUR"): string {
  return civility === "MADAME" ? "Madame" : "Monsieur";
}

/** "Madame Zoé Hélène LEFÈVRE": the name as written on official documents. */
export function formalName(learner: { civility: "MADAME" | "MONSIEUR"; firstNames: string; birthName: string; usageName: string | null }): string {
  return `${civilityTitle(learner.civility)} ${learner.firstNames} ${(learner.usageName || learner.birthName).toUpperCase()}`;
}

type PdfStyle = ComponentProps<typeof View>["style"];

/** A label and its value on one line; each document gives its own spacing and widths. */
export function LabelledRow({ label, value, styles }: { label: string; value: string; styles: { row: PdfStyle; label: PdfStyle; value: PdfStyle } }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}
