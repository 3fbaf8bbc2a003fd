import path from "node:path";
import type { ComponentProps } from "react";
import { Font, Text, View } from "@react-pdf/renderer";
import type { DocumentBlock } from "@/lib/shared/document-content";

/**
 * What every PDF of the application (récépissé, decision letters) shares. French words are never
 * cut with react-pdf's English hyphenation rules; only very long ones (file names) are split to
 * fit. The callback is process-wide: registered here, once.
 */
Font.registerHyphenationCallback((word) => (word.length <= 40 ? [word] : word.match(/.{1,30}/gu) ?? [word]));

/**
 * The typeface of every PDF, embedded in the file: Open Sans (SIL Open Font License, from the npm
 * package @expo-google-fonts/open-sans, whose TrueType files react-pdf can read). The PDF's
 * standard Helvetica is neither embedded nor able to write names such as « Łukasz Żółć » or
 * « Đorđe »; Open Sans covers Latin Extended-A, Greek and Cyrillic. Read from node_modules at
 * run time (the server's working directory is the project's), not bundled.
 */
export const PDF_FONT = "Open Sans";
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "open-sans");
const FONT_WEIGHTS = [400, 700] as const;
Font.register({
  family: PDF_FONT,
  fonts: [
    { src: path.join(FONT_DIR, "400Regular", "OpenSans_400Regular.ttf"), fontWeight: FONT_WEIGHTS[0] },
    { src: path.join(FONT_DIR, "700Bold", "OpenSans_700Bold.ttf"), fontWeight: FONT_WEIGHTS[1] },
  ],
});

/** Basic Latin, Latin-1, Latin Extended-A and B, general punctuation (« – — ’ … »), the euro sign. */
const WRITTEN_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
];
const prepared = new WeakSet<object>();

/**
 * Loads the PDF typeface and gives each of its glyphs its own character before any document is
 * written. fontkit keeps one glyph object per glyph for the whole process, with the characters of
 * its first use; Open Sans draws « Ó » with the « O » glyph and an accent, so a first document
 * where « Ó » comes before any « O » (a letter to « ŻÓŁĆ ») left « O » without a character: every
 * later PDF wrote its « O » so that no reader, copy or screen reader could get it back, and at
 * times did not draw it. Looking every character up in the character map first fixes that.
 * Call before rendering; cheap once done.
 */
export async function preparePdfFonts(): Promise<void> {
  for (const fontWeight of FONT_WEIGHTS) {
    await Font.load({ fontFamily: PDF_FONT, fontWeight });
    const font = Font.getFont({ fontFamily: PDF_FONT, fontWeight }).data;
    if (!font || prepared.has(font)) continue;
    const characters: number[] = [];
    for (const [first, last] of WRITTEN_RANGES) {
      for (let codePoint = first; codePoint <= last; codePoint += 1) if (font.hasGlyphForCodePoint(codePoint)) characters.push(codePoint);
    }
    font.glyphsForString(String.fromCodePoint(...characters));
    prepared.add(font);
  }
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

/** How one document lays out the blocks of its content (lib/shared/document-content.ts). */
export type BlockStyles = Record<"row" | "label" | "value" | "paragraph" | "strong" | "muted" | "item" | "itemTitle" | "note" | "noteTitle", Exclude<PdfStyle, readonly unknown[] | undefined>>;

/** One block of a document's content, as the PDF shows it; the web page shows the same block. */
export function PdfBlock({ block, styles }: { block: DocumentBlock; styles: BlockStyles }) {
  switch (block.kind) {
    case "paragraph":
      return <Text style={block.tone ? [styles.paragraph, styles[block.tone]] : styles.paragraph}>{block.text}</Text>;
    case "fields":
      return (
        <>
          {block.fields.map((field) => (
            <LabelledRow key={field.label} label={field.label} value={field.value} styles={styles} />
          ))}
        </>
      );
    case "list":
      return (
        <>
          {block.items.map((item, index) => (
            <View key={index} style={styles.item} wrap={false}>
              <Text style={styles.itemTitle}>{block.ordered ? `${index + 1}. ${item.title}` : item.title}</Text>
              {item.details.map((detail, line) => (
                <Text key={line}>{detail}</Text>
              ))}
            </View>
          ))}
        </>
      );
    case "note":
      return (
        <View style={styles.note} wrap={false}>
          <Text style={styles.noteTitle}>{block.title}</Text>
          <Text>{block.text}</Text>
        </View>
      );
  }
}
