import type { ReactNode } from "react";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { LabelledRow, formalName } from "@/lib/shared/pdf";
import { formatCalendarDate, formatFormalDateTime } from "@/lib/shared/dates";
import { getRequestForViewer, type RequestDetail } from "./queries";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { DOCUMENT_CATEGORY_LABELS, formatSize, type DocumentCategory } from "@/lib/requests/domain/documents";
import { computeExperience, formatMonths, type ExperienceTotals } from "@/lib/catalogue/domain/experience";
import { requestTitle } from "@/lib/requests/domain/request-lifecycle";

/**
 * Récépissé de dépôt: the PDF that attests a request was deposited. It is reproducible from the
 * data: the same request gives the same text (its dates are the submission's, never "now").
 */

export type ReceiptData = {
  /** The diploma request first, then its joint analysis; or the analysis alone. */
  requests: { label: string; number: string }[];
  submittedAt: Date;
  learner: { civility: "MADAME" | "MONSIEUR"; firstNames: string; birthName: string; usageName: string | null; learnerNumber: string; birthDate: Date } | null;
  centre: { code: string; name: string };
  diploma: { code: string | null; title: string };
  /** Null when the request has no experience analysis (a diploma request alone). */
  experience: {
    entries: { employer: string; jobTitle: string; startDate: string; endDate: string; workingTimePercent: number; inField: boolean }[];
    totals: ExperienceTotals | null;
  } | null;
  documents: { category: DocumentCategory; originalName: string; size: number }[];
};

const FOOTER = "Ce récépissé atteste du dépôt de la demande ; il ne vaut pas décision.";

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
  page: { paddingTop: 48, paddingBottom: 72, paddingHorizontal: 48, fontFamily: "Helvetica", fontSize: 10, color: "#1a1a1a" },
  brand: { fontSize: 9, color: "#555555" },
  title: { fontFamily: "Helvetica-Bold", fontSize: 20, marginTop: 6, marginBottom: 12 },
  section: { marginTop: 14 },
  heading: { fontFamily: "Helvetica-Bold", fontSize: 12, paddingBottom: 3, marginBottom: 6, borderBottomWidth: 1, borderBottomColor: "#999999" },
  row: { flexDirection: "row", marginBottom: 3 },
  label: { width: 150, color: "#444444" },
  value: { flex: 1 },
  bold: { fontFamily: "Helvetica-Bold" },
  item: { marginBottom: 6 },
  muted: { color: "#444444" },
  footer: { position: "absolute", bottom: 30, left: 48, right: 48, borderTopWidth: 1, borderTopColor: "#999999", paddingTop: 6, fontSize: 9 },
});

function Row({ label, value }: { label: string; value: string }) {
  return <LabelledRow label={label} value={value} styles={styles} />;
}

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

function ExperienceSection({ experience }: { experience: NonNullable<ReceiptData["experience"]> }) {
  const { entries, totals } = experience;
  return (
    <Section title="Expériences professionnelles déclarées">
      {entries.length === 0 ? <Text>Aucune expérience déclarée.</Text> : null}
      {entries.map((entry, index) => (
        <View key={index} style={styles.item} wrap={false}>
          <Text>
            <Text style={styles.bold}>{`${index + 1}. ${entry.employer}`}</Text>
            {` — ${entry.jobTitle}`}
          </Text>
          <Text style={styles.muted}>
            {`Du ${formatCalendarDate(entry.startDate)} au ${formatCalendarDate(entry.endDate)} · temps de travail ${entry.workingTimePercent} %${entry.workingTimePercent === 100 ? " (temps plein)" : ""} · ${entry.inField ? "dans la spécialité du diplôme" : "hors de la spécialité du diplôme"}`}
          </Text>
        </View>
      ))}
      {totals ? (
        <Text style={styles.bold}>
          {`Durée en équivalent temps plein : ${formatMonths(totals.inFieldMonths)} mois dans la spécialité, ${formatMonths(totals.outOfFieldMonths)} mois hors spécialité, soit ${formatMonths(totals.totalMonths)} mois au total.`}
        </Text>
      ) : null}
      <Text style={styles.muted}>Durée indicative calculée à partir des périodes déclarées ; le jury apprécie l&apos;expérience.</Text>
    </Section>
  );
}

export function ReceiptDocument({ data }: { data: ReceiptData }) {
  const { learner } = data;
  const main = data.requests[0];
  return (
    <Document
      title={`Récépissé de dépôt ${main?.number ?? ""}`.trim()}
      author="Cnam – D3"
      creator="D3"
      producer="D3"
      language="fr-FR"
      creationDate={data.submittedAt}
      modificationDate={data.submittedAt}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>Conservatoire national des arts et métiers – D3, demandes de diplôme et d&apos;analyse de l&apos;expérience</Text>
        <Text style={styles.title}>Récépissé de dépôt</Text>

        <Section title={data.requests.length > 1 ? "Demandes déposées" : "Demande déposée"}>
          {data.requests.map((request) => (
            <View key={request.number} style={styles.item}>
              <Text style={styles.bold}>{`N° ${request.number}`}</Text>
              <Text>{request.label}</Text>
            </View>
          ))}
          <Row label="Déposée le" value={`${formatFormalDateTime(data.submittedAt)} (heure de Paris)`} />
        </Section>

        <Section title="Auditeur">
          {learner ? (
            <>
              <Row label="Nom et prénoms" value={formalName(learner)} />
              {learner.usageName ? <Row label="Nom de naissance" value={learner.birthName.toUpperCase()} /> : null}
              <Row label="Numéro d'auditeur" value={learner.learnerNumber} />
              <Row label="Date de naissance" value={formatCalendarDate(learner.birthDate)} />
            </>
          ) : (
            <Text>Profil non renseigné.</Text>
          )}
          <Row label="Centre d'inscription" value={data.centre.name} />
        </Section>

        <Section title="Diplôme">
          <Row label="Code" value={data.diploma.code ?? "—"} />
          <Row label="Intitulé" value={data.diploma.title} />
        </Section>

        {data.experience ? <ExperienceSection experience={data.experience} /> : null}

        {data.experience || data.documents.length > 0 ? (
          <Section title="Pièces justificatives">
            {data.documents.length === 0 ? <Text>Aucune pièce jointe.</Text> : null}
            {data.documents.map((document, index) => (
              <View key={index} style={styles.item} wrap={false}>
                <Text style={styles.bold}>{DOCUMENT_CATEGORY_LABELS[document.category]}</Text>
                <Text>{`${document.originalName} (${formatSize(document.size)})`}</Text>
              </View>
            ))}
          </Section>
        ) : null}

        <View style={styles.footer} fixed>
          <Text>{FOOTER}</Text>
          <Text style={styles.muted} render={({ pageNumber, totalPages }) => `${main?.number ?? ""} – page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export function renderReceipt(data: ReceiptData): Promise<Buffer> {
  return renderToBuffer(<ReceiptDocument data={data} />);
}

/**
 * The receipt of a deposited request (the diploma request or its joint analysis give the same
 * one), for whoever may see the request; null for a draft, or a request missing or not visible.
 */
export async function receiptPdf(viewer: Viewer, requestId: string): Promise<{ fileName: string; pdf: Buffer } | null> {
  const found = await getRequestForViewer(viewer, requestId);
  const data = found ? receiptData(found.request, found.linked) : null;
  if (!data) return null;
  return { fileName: `recepisse-${data.requests[0]?.number ?? "D3"}.pdf`, pdf: await renderReceipt(data) };
}
