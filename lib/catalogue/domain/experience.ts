import type { ExperienceRoute, ExperienceRule, MonthRange, RequiredExperienceRule } from "./model";

/**
 * Professional experience declared by a learner, in full-time-equivalent (FTE) months, compared
 * with the diploma's rule. This is an indication for the learner and the centre: the jury decides.
 *
 * Dates are calendar dates as ISO strings `YYYY-MM-DD` (no time, no time zone), both ends
 * included: a job from 2024-01-01 to 2024-01-01 is one day.
 */

export type IsoDate = string;

export interface ExperienceEntry {
  employer: string;
  jobTitle: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** 1 to 100: share of a full-time job. */
  workingTimePercent: number;
  /** In the diploma's field ("dans la spécialité"). */
  inField: boolean;
  activities: string;
}

/** Average Gregorian month (365.25 / 12 days). */
export const DAYS_PER_MONTH = 30.4375;

export interface ExperienceTotals {
  /** FTE months, rounded to the tenth: a full calendar year (365 days) is 12.0 months. */
  inFieldMonths: number;
  outOfFieldMonths: number;
  totalMonths: number;
  /** FTE days, unrounded: the basis of the months above. */
  inFieldDays: number;
  outOfFieldDays: number;
}

export interface EntryError {
  index: number;
  field: "startDate" | "endDate" | "workingTimePercent";
  message: string;
}

export type ComputeExperienceResult = { ok: true; totals: ExperienceTotals } | { ok: false; errors: EntryError[] };

/**
 * Sums the declared periods in FTE months. Overlapping periods never count more than a full-time
 * job on the same day: in-field work is counted first (it is what the rules ask for), then
 * out-of-field work up to the remaining share of the day.
 */
export function computeExperience(entries: readonly ExperienceEntry[]): ComputeExperienceResult {
  const errors: EntryError[] = [];
  const periods: { start: number; end: number; percent: number; inField: boolean }[] = [];
  entries.forEach((entry, index) => {
    const start = dayNumber(entry.startDate);
    const end = dayNumber(entry.endDate);
    if (start === null) errors.push({ index, field: "startDate", message: "Date de début invalide (format attendu AAAA-MM-JJ)." });
    if (end === null) errors.push({ index, field: "endDate", message: "Date de fin invalide (format attendu AAAA-MM-JJ)." });
    if (start !== null && end !== null && end < start) {
      errors.push({ index, field: "endDate", message: "La date de fin précède la date de début." });
    }
    const percent = entry.workingTimePercent;
    if (!Number.isFinite(percent) || percent < 1 || percent > 100) {
      errors.push({ index, field: "workingTimePercent", message: "Le temps de travail doit être compris entre 1 et 100 %." });
    }
    if (start !== null && end !== null && end >= start) periods.push({ start, end: end + 1, percent, inField: entry.inField });
  });
  if (errors.length > 0) return { ok: false, errors };

  const boundaries = [...new Set(periods.flatMap((period) => [period.start, period.end]))].sort((a, b) => a - b);
  let inFieldDays = 0;
  let outOfFieldDays = 0;
  for (let i = 0; i + 1 < boundaries.length; i += 1) {
    const from = boundaries[i] ?? 0;
    const to = boundaries[i + 1] ?? from;
    const active = periods.filter((period) => period.start <= from && period.end >= to);
    const inShare = Math.min(100, sumPercent(active.filter((period) => period.inField)));
    const outShare = Math.min(100 - inShare, sumPercent(active.filter((period) => !period.inField)));
    inFieldDays += ((to - from) * inShare) / 100;
    outOfFieldDays += ((to - from) * outShare) / 100;
  }
  return {
    ok: true,
    totals: {
      inFieldMonths: toMonths(inFieldDays),
      outOfFieldMonths: toMonths(outOfFieldDays),
      totalMonths: toMonths(inFieldDays + outOfFieldDays),
      inFieldDays,
      outOfFieldDays,
    },
  };
}

export type ExperienceAssessmentStatus =
  /** The diploma asks for no experience analysis. */
  | "NOT_REQUIRED"
  /** The declared durations cover the rule. */
  | "MET"
  /** Not enough in the field, but as long as the rule asks for outside it: the rule's alternative applies (an internship set by the jury). */
  | "INTERNSHIP_PATH"
  | "NOT_MET"
  /** The rule has no computable duration: the jury reads it. */
  | "TO_BE_ASSESSED"
  /** The diploma has several access routes with their own durations, and the learner has not said which applies. */
  | "ROUTE_NEEDED";

export interface ExperienceAssessment {
  status: ExperienceAssessmentStatus;
  declared: ExperienceTotals;
  internshipMonths?: MonthRange;
  /** French, e.g. "14,5 mois en équivalent temps plein dans le domaine pour 12 mois requis". */
  summary: string;
  /** French: what it means for the learner. */
  advice: string;
}

export type AssessExperienceResult = { ok: true; assessment: ExperienceAssessment } | { ok: false; errors: EntryError[] };

export interface AssessmentOptions {
  /** The access route the learner chose (Request.experienceRoute), for a rule with routes. */
  route?: string | null;
  /**
   * An anticipated analysis, made before the diploma's end: where the rule sets a duration "at
   * admission" (the engineer's 2 years at the admission exam), that is the duration compared.
   */
  early?: boolean;
}

/** What the declared experience is compared with: months in the field, total months, and the total an out-of-field experience must reach. */
export interface ExperienceTarget {
  inFieldMonths: number;
  totalMonths?: number;
  /** Out-of-field (or mixed) months that open the internship alternative; none when the rule has no alternative. */
  internshipThresholdMonths?: number;
  /** "à la candidature" for the engineer's admission rule. */
  moment?: string;
}

/** The route the learner chose, among the rule's; null when the rule has routes and none (or an unknown one) is chosen. */
export function chosenRoute(rule: RequiredExperienceRule, route: string | null | undefined): ExperienceRoute | null {
  return rule.routes?.find((candidate) => candidate.id === route) ?? null;
}

/** Whether this rule needs the learner to say which route applies, and the French message when it is missing. */
export function routeProblem(rule: ExperienceRule, route: string | null | undefined): string | null {
  if (rule.kind !== "required" || !rule.routes || rule.routes.length < 2) return null;
  return chosenRoute(rule, route) ? null : "Indiquez votre parcours : la durée d'expérience demandée en dépend.";
}

/**
 * The durations to compare with. An early analysis of a rule with an admission duration compares
 * the total experience with it (the engineer's 2 years, in any field). A chosen route replaces the
 * rule's months. The internship alternative opens only once the total experience (in and out of
 * the field) reaches what the rule asks for: the catalogue's texts speak of an experience "hors
 * spécialité" of the required length ("3 ans hors domaine + stage", "si l'expérience est hors
 * spécialité : stage de 6 mois"), never of a few days.
 */
export function experienceTarget(rule: RequiredExperienceRule, options: AssessmentOptions = {}): ExperienceTarget | null {
  if (options.early && rule.atAdmissionMonths !== undefined) {
    return { inFieldMonths: 0, totalMonths: rule.atAdmissionMonths, moment: "à la candidature" };
  }
  const route = rule.routes && rule.routes.length > 1 ? chosenRoute(rule, options.route) : null;
  if (rule.routes && rule.routes.length > 1 && !route) return null;
  const inFieldMonths = route?.inFieldMonths ?? rule.inFieldMonths;
  const totalMonths = route ? route.totalMonths : rule.totalMonths;
  const required = Math.max(inFieldMonths, totalMonths ?? 0);
  return {
    inFieldMonths,
    ...(totalMonths === undefined ? {} : { totalMonths }),
    ...(rule.internshipMonths === undefined ? {} : { internshipThresholdMonths: Math.max(rule.outOfFieldMonths ?? 0, required) }),
  };
}

export function assessExperience(entries: readonly ExperienceEntry[], rule: ExperienceRule, options: AssessmentOptions = {}): AssessExperienceResult {
  const computed = computeExperience(entries);
  if (!computed.ok) return computed;
  const declared = computed.totals;
  const declaredText = `${durationInWords(declared.inFieldMonths)} en équivalent temps plein dans le domaine, ${durationInWords(declared.outOfFieldMonths)} hors domaine`;

  if (rule.kind === "excluded") {
    return { ok: true, assessment: { status: "NOT_REQUIRED", declared, summary: declaredText, advice: "Ce diplôme ne demande pas d'analyse de l'expérience professionnelle." } };
  }
  if (rule.kind === "unspecified") {
    return {
      ok: true,
      assessment: { status: "TO_BE_ASSESSED", declared, summary: declaredText, advice: "La durée exigée pour ce diplôme sera appréciée par le jury." },
    };
  }
  const target = experienceTarget(rule, options);
  if (!target) {
    return {
      ok: true,
      assessment: { status: "ROUTE_NEEDED", declared, summary: declaredText, advice: "Indiquez votre parcours : la durée demandée n'est pas la même selon qu'il s'agit d'un accès direct en L3 ou du parcours complet." },
    };
  }

  const moment = target.moment ? ` ${target.moment}` : "";
  const parts = target.inFieldMonths > 0 ? [`${durationInWords(declared.inFieldMonths)} en équivalent temps plein dans le domaine pour ${durationInWords(target.inFieldMonths)} requis`] : [];
  if (target.totalMonths !== undefined) parts.push(`${durationInWords(declared.totalMonths)} au total pour ${durationInWords(target.totalMonths)} requis${moment}`);
  const summary = parts.join(" ; ");

  const durationMet = declared.inFieldMonths >= target.inFieldMonths && (target.totalMonths === undefined || declared.totalMonths >= target.totalMonths);
  if (durationMet) {
    const advice = target.moment
      ? `La durée déclarée couvre celle demandée ${target.moment}. Le diplôme demandera en plus, à la soutenance du mémoire, ${durationInWords(rule.totalMonths ?? 0)} dont ${durationInWords(rule.inFieldMonths)} dans la spécialité.`
      : "La durée déclarée couvre celle demandée ; le jury appréciera la nature et le niveau des activités.";
    return { ok: true, assessment: { status: "MET", declared, summary, advice } };
  }
  const internship = rule.internshipMonths;
  if (internship !== undefined && target.internshipThresholdMonths !== undefined && declared.totalMonths >= target.internshipThresholdMonths) {
    const alternative = rule.alternativeText ? ` Règle du diplôme : « ${rule.alternativeText} ».` : "";
    return {
      ok: true,
      assessment: {
        status: "INTERNSHIP_PATH",
        declared,
        internshipMonths: internship,
        summary,
        advice: `L'expérience dans le domaine ne suffit pas, mais sa durée totale couvre celle demandée : le jury pourra demander un stage dans la spécialité.${alternative} Une analyse anticipée vous en donnera la durée.`,
      },
    };
  }
  return { ok: true, assessment: { status: "NOT_MET", declared, summary, advice: "La durée déclarée ne couvre pas encore celle demandée pour ce diplôme." } };
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD` calendar date, null otherwise. */
function dayNumber(date: IsoDate): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

function sumPercent(periods: readonly { percent: number }[]): number {
  return periods.reduce((sum, period) => sum + period.percent, 0);
}

function toMonths(days: number): number {
  return Math.round((days / DAYS_PER_MONTH) * 10) / 10;
}

/**
 * A duration in years and months, the way people say it: « 2 ans et 3 mois », « 1 an », « 7 mois »,
 * « moins d'un mois ». Counted in whole months, rounded down: a declared duration is never shown
 * longer than it is, so « 11,9 mois pour 12 requis » reads « 11 mois pour 1 an requis », not
 * « 1 an pour 1 an requis ».
 */
export function durationInWords(months: number): string {
  if (months <= 0) return "0 mois";
  // The totals are rounded to a tenth of a month: 12 must not become 11,999… and so 11.
  const whole = Math.floor(months + 1e-9);
  if (whole === 0) return "moins d'un mois";
  const years = Math.floor(whole / 12);
  const rest = whole % 12;
  const yearText = years === 0 ? "" : years === 1 ? "1 an" : `${years} ans`;
  const monthText = rest === 0 ? "" : `${rest} mois`;
  return [yearText, monthText].filter(Boolean).join(" et ");
}
