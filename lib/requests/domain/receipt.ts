import type { ExperienceTotals } from "@/lib/catalogue/domain/experience";
import { durationInWords } from "@/lib/catalogue/domain/experience";
import { DOCUMENT_CATEGORY_LABELS, formatSize, type DocumentCategory } from "@/lib/requests/domain/documents";
import { formatCalendarDate, formatFormalDateTime } from "@/lib/shared/dates";
import { formalName, type DocumentBlock, type DocumentSection } from "@/lib/shared/document-content";

/**
 * Récépissé de dépôt: what it says, written once for its PDF (lib/requests/receipt.tsx) and its
 * web page (app/demandes/[id]/recepisse/version-accessible). Reproducible from the data: the same
 * request gives the same text (its dates are the submission's, never "now"). Pure.
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

export type ReceiptContent = {
  /** The document's title, its first heading. */
  title: string;
  /** The title of the file or the page: with the request's number. */
  documentTitle: string;
  /** Who issues it, above the title. */
  issuer: string;
  sections: DocumentSection[];
  /** What the receipt is worth, at the foot of every page. */
  footer: string;
  /** The number that identifies the document (with the page numbers of the PDF). */
  reference: string;
  /** The date of the document: the submission's. */
  date: Date;
};

function experienceBlocks({ entries, totals }: NonNullable<ReceiptData["experience"]>): DocumentBlock[] {
  return [
    ...(entries.length === 0 ? [{ kind: "paragraph", text: "Aucune expérience déclarée." } as const] : []),
    ...(entries.length > 0
      ? [
          {
            kind: "list",
            ordered: true,
            items: entries.map((entry) => ({
              title: `${entry.employer} — ${entry.jobTitle}`,
              details: [
                `Du ${formatCalendarDate(entry.startDate)} au ${formatCalendarDate(entry.endDate)} · temps de travail ${entry.workingTimePercent} %${entry.workingTimePercent === 100 ? " (temps plein)" : ""} · ${entry.inField ? "dans la spécialité du diplôme" : "hors de la spécialité du diplôme"}`,
              ],
            })),
          } as const,
        ]
      : []),
    ...(totals
      ? [
          {
            kind: "paragraph",
            tone: "strong",
            text: `Durée en équivalent temps plein : ${durationInWords(totals.inFieldMonths)} dans la spécialité, ${durationInWords(totals.outOfFieldMonths)} hors spécialité, soit ${durationInWords(totals.totalMonths)} au total.`,
          } as const,
        ]
      : []),
    { kind: "paragraph", tone: "muted", text: "Durée indicative calculée à partir des périodes déclarées ; le jury apprécie l'expérience." },
  ];
}

export function receiptContent(data: ReceiptData): ReceiptContent {
  const { learner } = data;
  const reference = data.requests[0]?.number ?? "";
  const sections: DocumentSection[] = [
    {
      heading: data.requests.length > 1 ? "Demandes déposées" : "Demande déposée",
      blocks: [
        { kind: "list", ordered: false, items: data.requests.map((request) => ({ title: `N° ${request.number}`, details: [request.label] })) },
        { kind: "fields", fields: [{ label: "Déposée le", value: `${formatFormalDateTime(data.submittedAt)} (heure de Paris)` }] },
      ],
    },
    {
      heading: "Auditeur",
      blocks: [
        ...(learner ? [] : [{ kind: "paragraph", text: "Profil non renseigné." } as const]),
        {
          kind: "fields",
          fields: [
            ...(learner
              ? [
                  { label: "Nom et prénoms", value: formalName(learner) },
                  ...(learner.usageName ? [{ label: "Nom de naissance", value: learner.birthName.toUpperCase() }] : []),
                  { label: "Numéro d'auditeur", value: learner.learnerNumber },
                  { label: "Date de naissance", value: formatCalendarDate(learner.birthDate) },
                ]
              : []),
            { label: "Centre d'inscription", value: data.centre.name },
          ],
        },
      ],
    },
    {
      heading: "Diplôme",
      blocks: [
        {
          kind: "fields",
          fields: [
            { label: "Code", value: data.diploma.code ?? "—" },
            { label: "Intitulé", value: data.diploma.title },
          ],
        },
      ],
    },
    ...(data.experience ? [{ heading: "Expériences professionnelles déclarées", blocks: experienceBlocks(data.experience) }] : []),
    ...(data.experience || data.documents.length > 0
      ? [
          {
            heading: "Pièces justificatives",
            blocks:
              data.documents.length === 0
                ? [{ kind: "paragraph", text: "Aucune pièce jointe." } as const]
                : [
                    {
                      kind: "list",
                      ordered: false,
                      items: data.documents.map((document) => ({
                        title: DOCUMENT_CATEGORY_LABELS[document.category],
                        details: [`${document.originalName} (${formatSize(document.size)})`],
                      })),
                    } as const,
                  ],
          },
        ]
      : []),
  ];
  return {
    title: "Récépissé de dépôt",
    documentTitle: `Récépissé de dépôt ${reference}`.trim(),
    issuer: "Conservatoire national des arts et métiers – D3, demandes de diplôme et d'analyse de l'expérience",
    sections,
    footer: "Ce récépissé atteste du dépôt de la demande ; il ne vaut pas décision.",
    reference,
    date: data.submittedAt,
  };
}
