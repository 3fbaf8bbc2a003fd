import { createHash } from "node:crypto";
import { BoundedMap } from "@/lib/shared/bounded-map";
import type { ReactNode } from "react";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { PDF_FONT, PdfBlock, preparePdfFonts } from "@/lib/shared/pdf";
import { getRequestForViewer, type RequestDetail } from "./queries";
import type { Viewer } from "@/lib/requests/domain/request-access";
import type { DocumentCategory } from "@/lib/requests/domain/documents";
import { receiptContent, type ReceiptContent, type ReceiptData } from "@/lib/requests/domain/receipt";
import { computeExperience } from "@/lib/catalogue/domain/experience";
import { requestTitle } from "@/lib/requests/domain/request-lifecycle";

/**
 * Récépissé de dépôt: the PDF that attests a request was deposited, laid out from its content
 * (lib/requests/domain/receipt.ts), which its web page shows too.
 */

export type { ReceiptData } from "@/lib/requests/domain/receipt";

/** What the receipt shows, from a request and its joint counterpart as the viewer sees them. */
export function receiptData(request: RequestDetail, linked: RequestDetail | null): ReceiptData | null {
  if (request.state === "DRAFT" || !request.number || !request.submittedAt) return null;
  const ordered = request.kind === "DIPLOMA" ? [request, linked] : [linked, request];
  const deposited = ordered.filter((r): r is RequestDetail & { number: string } => r !== null && r.state !== "DRAFT" && r.number !== null);
  const analysis = deposited.find((r) => r.kind === "EXPERIENCE") ?? null;
  const main = deposited[0] ?? request;
  const entries = (analysis?.experiences ?? []).map(({ employer, jobTitle, startDate, endDate, workingTimePercent, inField }) => ({
    employer,
    jobTitle,
    startDate,
    endDate,
    workingTimePercent,
    inField,
  }));
  const computed = computeExperience(entries.map((entry) => ({ ...entry, activities: "" })));
  const profile = request.learner.profile;
  return {
    requests: deposited.map((r) => ({ label: requestTitle(r), number: r.number })),
    submittedAt: main.submittedAt ?? request.submittedAt,
    learner: profile
      ? {
          civility: profile.civility,
          firstNames: profile.firstNames,
          birthName: profile.birthName,
          usageName: profile.usageName,
          learnerNumber: profile.learnerNumber,
          birthDate: profile.birthDate,
        }
      : null,
    centre: request.centre,
    diploma: { code: request.diploma.code, title: request.diploma.title },
    experience: analysis ? { entries, totals: computed.ok ? computed.totals : null } : null,
    documents: deposited.flatMap((r) => r.documents.map(({ category, originalName, size }) => ({ category: category as DocumentCategory, originalName, size }))),
  };
}

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 72, paddingHorizontal: 48, fontFamily: PDF_FONT, fontSize: 10, color: "#1a1a1a" },
  brand: { fontSize: 9, color: "#555555" },
  title: { fontWeight: 700, fontSize: 20, marginTop: 6, marginBottom: 12 },
  section: { marginTop: 14 },
  heading: { fontWeight: 700, fontSize: 12, paddingBottom: 3, marginBottom: 6, borderBottomWidth: 1, borderBottomColor: "#999999" },
  row: { flexDirection: "row", marginBottom: 3 },
  label: { width: 150, color: "#444444" },
  value: { flex: 1 },
  paragraph: { marginBottom: 3 },
  strong: { fontWeight: 700 },
  item: { marginBottom: 6 },
  itemTitle: { fontWeight: 700 },
  muted: { color: "#444444" },
  note: { marginTop: 6, padding: 6, backgroundColor: "#f1f3f5" },
  noteTitle: { fontWeight: 700 },
  footer: { position: "absolute", bottom: 30, left: 48, right: 48, borderTopWidth: 1, borderTopColor: "#999999", paddingTop: 6, fontSize: 9 },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={styles.section}>
      <Text style={styles.heading} minPresenceAhead={40}>
        {title}
      </Text>
      {children}
    </View>
  );
}

export function ReceiptDocument({ content }: { content: ReceiptContent }) {
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
        <Text style={styles.brand}>{content.issuer}</Text>
        <Text style={styles.title}>{content.title}</Text>
        {content.sections.map((section) => (
          <Section key={section.heading} title={section.heading}>
            {section.blocks.map((block, index) => (
              <PdfBlock key={index} block={block} styles={styles} />
            ))}
          </Section>
        ))}
        <View style={styles.footer} fixed>
          <Text>{content.footer}</Text>
          <Text style={styles.muted} render={({ pageNumber, totalPages }) => `${content.reference} – page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderReceipt(data: ReceiptData): Promise<Buffer> {
  await preparePdfFonts();
  return renderToBuffer(<ReceiptDocument content={receiptContent(data)} />);
}

async function receiptDataFor(viewer: Viewer, requestId: string): Promise<ReceiptData | null> {
  const found = await getRequestForViewer(viewer, requestId);
  return found ? receiptData(found.request, found.linked) : null;
}

/**
 * What the receipt of a deposited request says, for its web page, with the size of its PDF: the
 * same viewers and the same words as the PDF; null for a draft, or a request missing or not visible.
 */
export async function receiptContentFor(viewer: Viewer, requestId: string): Promise<{ content: ReceiptContent; pdfSize: number } | null> {
  const data = await receiptDataFor(viewer, requestId);
  return data && { content: receiptContent(data), pdfSize: await receiptPdfSize(data) };
}

/**
 * The receipt of a deposited request (the diploma request or its joint analysis give the same
 * one), for whoever may see the request; null for a draft, or a request missing or not visible.
 */
export async function receiptPdf(viewer: Viewer, requestId: string): Promise<{ fileName: string; pdf: Buffer } | null> {
  const data = await receiptDataFor(viewer, requestId);
  if (!data) return null;
  return { fileName: `recepisse-${data.requests[0]?.number ?? "D3"}.pdf`, pdf: await renderReceipt(data) };
}

const receiptSizes = new BoundedMap<string, number>(1000);

/**
 * The size of a receipt's PDF, for its download link (« Récépissé de dépôt (PDF, 24 Ko) »). The
 * receipt is produced on each download, never stored: its size is that of a rendering of the same
 * data, remembered in memory per content so that a page view renders it at most once.
 */
export async function receiptPdfSize(data: ReceiptData): Promise<number> {
  const key = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  const known = receiptSizes.get(key);
  if (known !== undefined) return known;
  const size = (await renderReceipt(data)).byteLength;
  receiptSizes.set(key, size);
  return size;
}
