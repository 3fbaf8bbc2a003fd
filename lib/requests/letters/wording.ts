import { formatLongDate } from "@/lib/shared/dates";
import { KIND_LABELS, MODE_LABELS, type ExperienceMode, type RequestKind } from "@/lib/requests/domain/request-lifecycle";
import type { Decision } from "./decision";
import type { Signatory } from "./settings";

/**
 * The words of a decision: the letter's paragraphs (lib/requests/letters/letter-document.tsx) and
 * the decision banner of the request page say the same thing. Pure.
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
  /** Who signs, name and title (lib/requests/letters/settings.ts). */
  signatory: Signatory;
  /** The appeal routes and deadlines, for a decision the learner may contest; null otherwise. */
  appealText: string | null;
};

export function requestLabel(request: LetterData["request"]): string {
  if (request.kind === "DIPLOMA") return KIND_LABELS.DIPLOMA;
  return `${KIND_LABELS.EXPERIENCE} (${MODE_LABELS[request.mode ?? "ANTICIPEE"].toLowerCase()})`;
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

export function subject(decision: Decision, request: LetterData["request"]): string {
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

/** The body that decides, above the signatory's name. */
export function signature(decision: Decision, centre: string): string {
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

