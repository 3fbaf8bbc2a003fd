import { formatLongDate } from "@/lib/shared/dates";
import { civilityTitle, formalName, type DocumentBlock, type DocumentField } from "@/lib/shared/document-content";
import { letterParagraphs, requestLabel, signature, subject, type LetterData } from "./wording";

/**
 * What a decision letter says, written once for its PDF (letter-document.tsx) and its web page
 * (app/demandes/[id]/lettres/[eventId]/version-accessible), in reading order. Everything comes from
 * the decision's history row and the request: its date is the decision's, never "now". Pure.
 */

export type LetterContent = {
  /** The subject, the web page's heading. */
  title: string;
  /** The title of the file or the page: the subject and the request's number. */
  documentTitle: string;
  /** The sender: the establishment, the service, and the body that decided. */
  sender: { name: string; lines: string[] };
  /** The learner's name and postal address; null when the profile is missing. */
  recipient: string[] | null;
  /** « Le 3 juin 2026 ». */
  dateLine: string;
  references: DocumentField[];
  /** « Objet : … ». */
  subjectLine: string;
  /** From « Madame, » to the closing formula, in reading order. */
  body: DocumentBlock[];
  signature: { body: string; name: string; title: string };
  /** The appeal routes and deadlines, for a decision the learner may contest. */
  appeal: string | null;
  /** How the letter was produced, at the foot of every page. */
  footer: string;
  /** The number that identifies the letter (with the page numbers of the PDF). */
  reference: string;
  date: Date;
};

const countryNames = new Intl.DisplayNames(["fr"], { type: "region" });

export function letterContent(data: LetterData): LetterContent {
  const { learner, request } = data;
  const civility = learner ? civilityTitle(learner.civility) : "Madame, Monsieur";
  const text = letterParagraphs(data);
  const title = subject(data.decision, request);
  const paragraphs = (texts: string[]): DocumentBlock[] => texts.map((paragraph) => ({ kind: "paragraph", text: paragraph }));
  return {
    title,
    documentTitle: `${title} – ${request.number}`,
    sender: {
      name: "Conservatoire national des arts et métiers",
      lines: [
        "D3 – Demandes de diplôme et d'analyse de l'expérience professionnelle",
        data.decision.kind === "REFUSED" && data.decision.by === "CENTRE" ? data.centre.name : "Service national des diplômes",
      ],
    },
    recipient: learner
      ? [
          formalName(learner),
          learner.address.line,
          `${learner.address.postalCode} ${learner.address.city}`,
          ...(learner.address.country !== "FR" ? [(countryNames.of(learner.address.country) ?? learner.address.country).toUpperCase()] : []),
        ]
      : null,
    dateLine: `Le ${formatLongDate(data.decidedAt)}`,
    references: [
      { label: "Demande n°", value: `${request.number} – ${requestLabel(request)}` },
      { label: "Diplôme", value: `${data.diploma.code ? `${data.diploma.code} – ` : ""}${data.diploma.title}` },
      ...(learner ? [{ label: "Numéro d'auditeur", value: learner.learnerNumber }] : []),
      ...(learner?.usageName ? [{ label: "Nom de naissance", value: learner.birthName.toUpperCase() }] : []),
      { label: "Centre d'inscription", value: data.centre.name },
    ],
    subjectLine: `Objet : ${title}`,
    body: [
      { kind: "paragraph", text: `${civility},` },
      ...paragraphs(text.decision),
      ...(text.detail ? [{ kind: "note", title: text.detail.label, text: text.detail.text } as const] : []),
      ...paragraphs(text.next),
      { kind: "paragraph", text: "Pour toute question sur ce courrier, adressez-vous à votre centre d'inscription." },
      { kind: "paragraph", text: `Nous vous prions d'agréer, ${civility}, l'expression de nos salutations distinguées.` },
    ],
    signature: { body: signature(data.decision, data.centre.name), name: data.signatory.name, title: data.signatory.title },
    appeal: data.appealText,
    footer: `Courrier établi par D3 d'après la décision enregistrée le ${formatLongDate(data.decidedAt)} dans l'historique de la demande ${request.number}.`,
    reference: request.number,
    date: data.decidedAt,
  };
}
