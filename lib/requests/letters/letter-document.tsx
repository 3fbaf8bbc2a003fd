import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { LabelledRow, PDF_FONT, PdfBlock, preparePdfFonts } from "@/lib/shared/pdf";
import type { LetterContent } from "./content";

export type { LetterData } from "./wording";

/**
 * A decision letter as a PDF, laid out from its content (content.ts), which its web page shows
 * too. Same typeface as the récépissé (lib/requests/receipt.tsx).
 */

const styles = StyleSheet.create({
  page: { paddingTop: 44, paddingBottom: 64, paddingHorizontal: 56, fontFamily: PDF_FONT, fontSize: 10.5, color: "#1a1a1a" },
  brand: { fontWeight: 700, fontSize: 12 },
  muted: { color: "#444444" },
  recipient: { marginTop: 20, marginLeft: 260 },
  date: { marginTop: 16, marginLeft: 260 },
  references: { marginTop: 16, paddingVertical: 6, borderTopWidth: 1, borderBottomWidth: 1, borderColor: "#999999" },
  row: { flexDirection: "row", marginBottom: 2 },
  label: { width: 130, color: "#444444" },
  value: { flex: 1 },
  subject: { fontWeight: 700, marginTop: 14 },
  paragraph: { marginTop: 8 },
  strong: { fontWeight: 700 },
  item: { marginTop: 6 },
  itemTitle: { fontWeight: 700 },
  note: { marginTop: 8, padding: 8, backgroundColor: "#f1f3f5" },
  noteTitle: { fontWeight: 700 },
  signature: { marginTop: 18, marginLeft: 220 },
  bold: { fontWeight: 700 },
  appeal: { marginTop: 18, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#cccccc", fontSize: 9 },
  footer: { position: "absolute", bottom: 30, left: 56, right: 56, borderTopWidth: 1, borderTopColor: "#999999", paddingTop: 6, fontSize: 8.5 },
});

export function LetterDocument({ content }: { content: LetterContent }) {
  return (
    <Document
      title={content.documentTitle}
      author="Cnam – D3"
      creator="D3"
      producer="D3"
      language="fr-FR"
      creationDate={content.date}
      modificationDate={content.date}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>{content.sender.name}</Text>
        {content.sender.lines.map((line) => (
          <Text key={line} style={styles.muted}>
            {line}
          </Text>
        ))}

        {content.recipient ? (
          <View style={styles.recipient}>
            {content.recipient.map((line, index) => (
              <Text key={index}>{line}</Text>
            ))}
          </View>
        ) : null}

        <Text style={styles.date}>{content.dateLine}</Text>

        <View style={styles.references}>
          {content.references.map((field) => (
            <LabelledRow key={field.label} label={field.label} value={field.value} styles={styles} />
          ))}
        </View>

        <Text style={styles.subject}>{content.subjectLine}</Text>
        {content.body.map((block, index) => (
          <PdfBlock key={index} block={block} styles={styles} />
        ))}
        <View style={styles.signature} wrap={false}>
          <Text>{content.signature.body}</Text>
          <Text style={styles.bold}>{content.signature.name}</Text>
          <Text style={styles.muted}>{content.signature.title}</Text>
        </View>
        {content.appeal ? (
          <View style={styles.appeal} wrap={false}>
            <Text>{content.appeal}</Text>
          </View>
        ) : null}

        <View style={styles.footer} fixed>
          <Text>{content.footer}</Text>
          <Text style={styles.muted} render={({ pageNumber, totalPages }) => `${content.reference} – page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderLetter(content: LetterContent): Promise<Buffer> {
  await preparePdfFonts();
  return renderToBuffer(<LetterDocument content={content} />);
}
