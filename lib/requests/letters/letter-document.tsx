import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { LabelledRow, civilityTitle, formalName } from "@/lib/shared/pdf";
import { formatLongDate } from "@/lib/shared/dates";
import { KIND_LABELS, MODE_LABELS, type ExperienceMode, type RequestKind } from "@/lib/requests/domain/request-lifecycle";
import type { Decision } from "./decision";

/**
 * A decision letter. Everything it says comes from the decision's history row and the request:
 * its date is the decision's (also the PDF's creation date), never "now", so that producing it
 * again gives the same text. Same layout and fonts as the récépissé (lib/requests/receipt.tsx).
 */

export type LetterData = {
  decision: Decision;
  decidedAt: Date;
  request: { number: string; kind: RequestKind; mode: ExperienceMode | null };
  /** The other request of a joint submission (the diploma request of a joint analysis, or its analysis). */
  linkedNumber: string | null;
  learner: {
    civility: "MADAME" | "MONSIEUR";
    firstNames: string;
    birthName: string;
    usageName: string | null;
    learnerNumber: string;
    address: { line: string; postalCode: string; city: string; country: string };
  } | null;
  centre: { name: string };
  diploma: { code: string | null; title: string };
};

function requestLabel(request: LetterData["request"]): string {
  if (request.kind === "DIPLOMA") return KIND_LABELS.DIPLOMA;
  return `${KIND_LABELS.EXPERIENCE} (${MODE_LABELS[request.mode ?? "ANTICIPEE"].toLowerCase()})`;
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

function subject(decision: Decision, request: LetterData["request"]): string {
  switch (decision.kind) {
    case "EXPERIENCE_FAVOURABLE":
    case "EXPERIENCE_FAVOURABLE_WITH_CONDITION":
    case "EXPERIENCE_UNFAVOURABLE":
      return "Avis du jury sur votre demande d'analyse de l'expérience professionnelle";
    case "DIPLOMA_VALIDATED":
      return "Validation de votre demande de délivrance de diplôme";
    case "REFUSED":
      return `Refus de votre ${lowerFirst(KIND_LABELS[request.kind])}`;
  }
}

function signature(decision: Decision, centre: string): string {
  if (decision.kind === "REFUSED" && decision.by === "CENTRE") return `Le centre d'inscription ${centre}`;
  if (decision.kind === "DIPLOMA_VALIDATED" || decision.kind === "REFUSED") return "Le service national des diplômes du Cnam";
  return "Pour le jury, le service national des diplômes du Cnam";
}

/** The decision in plain French, then its condition or reason, then what happens next. */
export function letterParagraphs(data: LetterData): { decision: string[]; detail: { label: string; text: string } | null; next: string[] } {
  const { decision, linkedNumber } = data;
  const on = formatLongDate(data.decidedAt);
  const diploma = `${data.diploma.code ? `${data.diploma.code} – ` : ""}${data.diploma.title}`;
  const jointDiploma = data.request.kind === "EXPERIENCE" && data.request.mode === "CONJOINTE" && linkedNumber ? linkedNumber : null;
  const examined = `Le jury a examiné votre demande d'analyse de l'expérience professionnelle pour le diplôme ${diploma}.`;
  switch (decision.kind) {
    case "EXPERIENCE_FAVOURABLE":
      return {
        decision: [examined, `Le ${on}, il a rendu un avis favorable : votre expérience professionnelle satisfait l'exigence d'expérience de ce diplôme.`],
        detail: null,
        next: jointDiploma
          ? [`Votre demande de délivrance de diplôme n° ${jointDiploma} poursuit son instruction auprès du service national des diplômes ; vous serez informé de chacune de ses étapes.`]
          : ["Quand vous aurez obtenu toutes les unités d'enseignement du diplôme, vous pourrez en demander la délivrance sans nouvelle analyse de votre expérience."],
      };
    case "EXPERIENCE_FAVOURABLE_WITH_CONDITION":
      return {
        decision: [
          examined,
          `Le ${on}, il a rendu un avis favorable sous condition : votre expérience professionnelle sera reconnue après un stage de ${decision.internshipMonths} mois.`,
        ],
        detail: decision.conditionText ? { label: "Condition fixée par le jury", text: decision.conditionText } : null,
        next: [
          "Effectuez le stage demandé, puis transmettez la convention et le rapport de stage à votre centre d'inscription : l'exigence d'expérience sera alors satisfaite.",
          ...(jointDiploma ? [`Votre demande de délivrance de diplôme n° ${jointDiploma} ne pourra être validée qu'une fois cette condition remplie.`] : []),
        ],
      };
    case "EXPERIENCE_UNFAVOURABLE":
      return {
        decision: [examined, `Le ${on}, il a rendu un avis défavorable : votre expérience professionnelle ne satisfait pas, en l'état, l'exigence d'expérience de ce diplôme.`],
        detail: { label: "Motif", text: decision.reason },
        next: [
          "Votre centre d'inscription peut vous indiquer les suites possibles : compléter votre expérience, effectuer un stage, puis déposer une nouvelle demande.",
          ...(jointDiploma ? [`Votre demande de délivrance de diplôme n° ${jointDiploma} ne pourra être validée que lorsque l'exigence d'expérience sera satisfaite.`] : []),
        ],
      };
    case "DIPLOMA_VALIDATED":
      return {
        decision: [`Le ${on}, le service national des diplômes a validé votre demande de délivrance du diplôme ${diploma} : vous en remplissez toutes les conditions.`],
        detail: null,
        next: [
          "Votre diplôme va maintenant être édité, puis envoyé à votre centre d'inscription, qui vous préviendra pour le retirer. Vous pouvez suivre ces étapes dans D3, rubrique Suivi de dossiers.",
          "Ce courrier atteste de la validation ; il ne remplace pas le diplôme.",
        ],
      };
    case "REFUSED":
      return {
        decision: [
          `Le ${on}, ${decision.by === "CENTRE" ? `votre centre d'inscription, ${data.centre.name},` : "le service national des diplômes"} a refusé votre ${lowerFirst(requestLabel(data.request))} pour le diplôme ${diploma}.`,
        ],
        detail: { label: "Motif", text: decision.reason },
        next: ["Votre centre d'inscription peut vous indiquer les suites possibles ; une nouvelle demande pourra être déposée lorsque le motif du refus aura été levé."],
      };
  }
}

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
          <Text style={styles.signature}>{signature(data.decision, data.centre.name)}</Text>
        </View>

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
