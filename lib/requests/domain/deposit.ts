import { computeExperience, durationInWords, type ExperienceTotals } from "@/lib/catalogue/domain/experience";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { requestTitle, type ExperienceMode, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { HONOUR_STATEMENT } from "@/lib/requests/domain/honour-statement";
import { formatCalendarDate } from "@/lib/shared/dates";
import { countOf } from "@/lib/shared/text";

/**
 * The deposit of a request, as the learner sees it: before « Déposer », what will be sent and the
 * statement on honour they tick; after, the confirmation (number, date, email, next step). Pure.
 */

export { HONOUR_STATEMENT };

/** « 2 ans dans le domaine du diplôme et 3 mois hors du domaine, en équivalent temps plein »; null when nothing was declared. */
function totalsInWords(totals: ExperienceTotals): string | null {
  const parts = [
    totals.inFieldDays > 0 ? `${durationInWords(totals.inFieldMonths)} dans le domaine du diplôme` : null,
    totals.outOfFieldDays > 0 ? `${durationInWords(totals.outOfFieldMonths)} hors du domaine` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(" et ")}, en équivalent temps plein` : null;
}

type SummaryRequest = {
  kind: RequestKind;
  mode: ExperienceMode | null;
  diploma: { code: string | null; title: string };
  centre: { name: string };
  experiences: readonly { employer: string; jobTitle: string; startDate: string; endDate: string; workingTimePercent: number; inField: boolean }[];
  documents: readonly { category: string; originalName: string }[];
};

export type DepositSummary = {
  /** What is deposited: the diploma request and its joint analysis, or the analysis alone. */
  requests: string[];
  diploma: string;
  centre: string;
  /** Null when no experience analysis goes with the deposit. */
  experience: {
    count: string;
    entries: { title: string; period: string; time: string }[];
    /** In full-time equivalent, in and out of the field; null without experience, or when a period is invalid (the deposit will say so). */
    totals: string | null;
  } | null;
  documents: { category: string; name: string }[];
};

/**
 * What « Déposer » sends, from the request and its joint counterpart: the diploma, the centre that
 * will receive it, each experience with its period and working time, and every pièce by its name.
 */
export function depositSummary(request: SummaryRequest, linked: SummaryRequest | null): DepositSummary {
  const ordered = [request, linked].filter((r): r is SummaryRequest => r !== null).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "DIPLOMA" ? -1 : 1));
  const analysis = ordered.find((r) => r.kind === "EXPERIENCE") ?? null;
  const computed = analysis ? computeExperience(analysis.experiences.map((entry) => ({ ...entry, activities: "" }))) : null;
  return {
    requests: ordered.map((r) => requestTitle(r)),
    diploma: `${request.diploma.code ? `${request.diploma.code} – ` : ""}${request.diploma.title}`,
    centre: request.centre.name,
    experience: analysis
      ? {
          count: countOf(analysis.experiences.length, "expérience déclarée", "expériences déclarées"),
          entries: analysis.experiences.map((e) => ({
            title: `${e.employer} (${e.jobTitle})`,
            period: `du ${formatCalendarDate(e.startDate)} au ${formatCalendarDate(e.endDate)}`,
            time: `${e.workingTimePercent === 100 ? "à temps plein" : `à ${e.workingTimePercent} %`}, ${e.inField ? "dans le domaine du diplôme" : "hors du domaine du diplôme"}`,
          })),
          totals: computed?.ok ? totalsInWords(computed.totals) : null,
        }
      : null,
    documents: ordered.flatMap((r) => r.documents.map((d) => ({ category: DOCUMENT_CATEGORY_LABELS[d.category as DocumentCategory] ?? d.category, name: d.originalName }))),
  };
}

/**
 * The confirmation stays at the top of the page while the deposit is the news: from the deposit
 * until the centre takes the request in charge (a reload, or coming back later, shows it again).
 */
export function showsDepositConfirmation(request: { state: RequestState; number: string | null; submittedAt: Date | null }): boolean {
  return request.state === "SUBMITTED" && request.number !== null && request.submittedAt !== null;
}

/** Where the learner's emails go: the address of their profile, else their account's. */
export function learnerEmailOf(learner: { email: string; profile: { email: string } | null }): string {
  return learner.profile?.email ?? learner.email;
}

/** What happens next, in plain words: who examines the deposit, then who decides. */
export function nextStepAfterDeposit(kind: RequestKind, withJointAnalysis: boolean, centreName: string): string {
  const checked = kind === "EXPERIENCE" ? "vos expériences et vos pièces" : withJointAnalysis ? "vos unités, vos expériences et vos pièces" : "vos unités";
  const after =
    kind === "EXPERIENCE"
      ? "Il transmettra ensuite votre demande au jury, qui rendra son avis sur votre expérience professionnelle."
      : withJointAnalysis
        ? "Il transmettra ensuite votre dossier au service national : le jury rend son avis sur votre expérience, puis le diplôme est validé."
        : "Il transmettra ensuite votre demande au service national, qui valide le diplôme.";
  return `Votre centre d'inscription (${centreName}) va vérifier ${checked}. ${after} S'il manque quelque chose, il vous le demandera ici. Vous recevrez un courriel à chaque étape.`;
}
