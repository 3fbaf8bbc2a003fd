import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { LabelledRow, civilityTitle, formalName } from "@/lib/shared/pdf";
import { formatLongDate } from "@/lib/shared/dates";
import { letterParagraphs, requestLabel, signature, subject, type LetterData } from "./wording";

export type { LetterData } from "./wording";

/**
 * A decision letter. Everything it says comes from the decision's history row and the request:
 * its date is the decision's (also the PDF's creation date), never "now", so that producing it
 * again gives the same text. Same layout and fonts as the récépissé (lib/requests/receipt.tsx).
 */

const styles = StyleSheet.create({
  page: { paddingTop: 44, paddingBottom: 64, paddingHorizontal: 56, fontFamily: "Helvetica", fontSize: 10.5, color: "#1a1a1a" },
  brand: { fontFamily: "Helvetica-Bold", fontSize: 12 },
  muted: { color: "#444444" },
  recipient: { marginTop: 20, marginLeft: 260 },
  date: { marginTop: 16, marginLeft: 260 },
  references: { marginTop: 16, paddingVertical: 6, borderTopWidth: 1, borderBottomWidth: 1, borderColor: "#999999" },
  row: { flexDirection: "row", marginBottom: 2 },
  label: { width: 130, color: "#444444" },
  value: { flex: 1 },
  subject: { fontFamily: "Helvetica-Bold", marginTop: 14 },
  paragraph: { marginTop: 8 },
  detail: { marginTop: 8, padding: 8, backgroundColor: "#f1f3f5" },
  bold: { fontFamily: "Helvetica-Bold" },
  signature: { marginTop: 18, marginLeft: 220 },
  appeal: { marginTop: 18, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#cccccc", fontSize: 9 },
  footer: { position: "absolute", bottom: 30, left: 56, right: 56, borderTopWidth: 1, borderTopColor: "#999999", paddingTop: 6, fontSize: 8.5 },
});

function Row({ label, value }: { label: string; value: string }) {
  return <LabelledRow label={label} value={value} styles={styles} />;
}

const countryNames = new Intl.DisplayNames(["fr"], { type: "region" });

export function LetterDocument({ data }: { data: LetterData }) {
  const { learner, request } = data;
  const civility = learner ? civilityTitle(learner.civility) : null;
  const text = letterParagraphs(data);
  const title = subject(data.decision, request);
  return (
    <Document
      title={`${title} – ${request.number}`}
      author="Cnam – D3"
      creator="D3"
      producer="D3"
      language="fr-FR"
      creationDate={data.decidedAt}
      modificationDate={data.decidedAt}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>Conservatoire national des arts et métiers</Text>
        <Text style={styles.muted}>D3 – Demandes de diplôme et d&apos;analyse de l&apos;expérience professionnelle</Text>
        <Text style={styles.muted}>{data.decision.kind === "REFUSED" && data.decision.by === "CENTRE" ? data.centre.name : "Service national des diplômes"}</Text>

        {learner ? (
          <View style={styles.recipient}>
            <Text>{formalName(learner)}</Text>
            <Text>{learner.address.line}</Text>
            <Text>{`${learner.address.postalCode} ${learner.address.city}`}</Text>
            {learner.address.country !== "FR" ? <Text>{(countryNames.of(learner.address.country) ?? learner.address.country).toUpperCase()}</Text> : null}
          </View>
        ) : null}

        <Text style={styles.date}>{`Le ${formatLongDate(data.decidedAt)}`}</Text>

        <View style={styles.references}>
          <Row label="Demande n°" value={`${request.number} – ${requestLabel(request)}`} />
          <Row label="Diplôme" value={`${data.diploma.code ? `${data.diploma.code} – ` : ""}${data.diploma.title}`} />
          {learner ? <Row label="Numéro d'auditeur" value={learner.learnerNumber} /> : null}
          {learner?.usageName ? <Row label="Nom de naissance" value={learner.birthName.toUpperCase()} /> : null}
          <Row label="Centre d'inscription" value={data.centre.name} />
        </View>

        <Text style={styles.subject}>{`Objet : ${title}`}</Text>
        <Text style={styles.paragraph}>{`${civility ?? "Madame, Monsieur"},`}</Text>
        {text.decision.map((paragraph, index) => (
          <Text key={`d${index}`} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
        {text.detail ? (
          <View style={styles.detail} wrap={false}>
            <Text style={styles.bold}>{text.detail.label}</Text>
            <Text>{text.detail.text}</Text>
          </View>
        ) : null}
        {text.next.map((paragraph, index) => (
          <Text key={`n${index}`} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
        <Text style={styles.paragraph}>Pour toute question sur ce courrier, adressez-vous à votre centre d&apos;inscription.</Text>
        <View wrap={false}>
          <Text style={styles.paragraph}>{`Nous vous prions d'agréer, ${civility ?? "Madame, Monsieur"}, l'expression de nos salutations distinguées.`}</Text>
          <View style={styles.signature}>
            <Text>{signature(data.decision, data.centre.name)}</Text>
            <Text style={styles.bold}>{data.signatory.name}</Text>
            <Text style={styles.muted}>{data.signatory.title}</Text>
          </View>
        </View>
        {data.appealText ? (
          <View style={styles.appeal} wrap={false}>
            <Text>{data.appealText}</Text>
          </View>
        ) : null}

        <View style={styles.footer} fixed>
          <Text>{`Courrier établi par D3 d'après la décision enregistrée le ${formatLongDate(data.decidedAt)} dans l'historique de la demande ${request.number}.`}</Text>
          <Text style={styles.muted} render={({ pageNumber, totalPages }) => `${request.number} – page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export function renderLetter(data: LetterData): Promise<Buffer> {
  return renderToBuffer(<LetterDocument data={data} />);
}
