import type { CountedUnit, EligibilityVerdict, ExperienceVerdict, FailedAttempt, GroupRule, GroupVerdict, MissingItem, OptionUnit, UnitName } from "./eligibility";

/**
 * The eligibility verdict in plain French, in one place: what is missing (« Il vous manque : »),
 * the units failed with their grade, the blocks met and by which units, the experience. No
 * internal term without its meaning: units are named by their title with the code in
 * parentheses, credits are « crédits européens (ECTS) » the first time, an « unité d'activité »
 * is said to record a professional experience. Pure: no React, no database.
 */

export type Audience = "learner" | "staff";

/** A sentence, optionally followed by a list (rendered as nested lists). */
export interface Phrase {
  text: string;
  list?: Phrase[];
}

export const BLOCK_STATUS: Record<"done" | "todo", string> = { done: "validé", todo: "à compléter" };

export interface BlockText {
  label: string;
  /** null under a choice already made: an option not taken is neither done nor to do. */
  status: "done" | "todo" | null;
  rule: string;
  /** The units counted here, each with how and when it was obtained. */
  units: string[];
  children: BlockText[];
}

export interface EligibilityText {
  /** « Vous avez obtenu toutes les unités… » when nothing is missing; null when the diploma cannot be requested. */
  complete: string | null;
  /** « Il vous manque : » (« Il manque encore : » for staff); null when nothing is missing. */
  missingIntro: string | null;
  missing: Phrase[];
  /** « Unité tentée mais non obtenue… : »; null when no unit was failed. */
  failedIntro: string | null;
  /** Units tried and not obtained: « ANG320 – Anglais professionnel : non obtenue (8/20 en 2024) ». */
  failed: string[];
  /** Heading of the blocks, each with its status in words. */
  blocksHeading: string;
  blocks: BlockText[];
  experience: { met: boolean; text: string };
}

const NUMBER_WORDS = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

function numberWord(value: number): string {
  return NUMBER_WORDS[value] ?? formatNumber(value);
}

function formatNumber(value: number): string {
  return value.toLocaleString("fr-FR");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unitsWord(count: number): string {
  return count === 1 ? "une unité" : `${numberWord(count)} unités`;
}

/** « Anglais professionnel (ANG320) », or the code alone when the title is unknown. */
export function unitLabel(unit: UnitName): string {
  return unit.title === null ? unit.code : `${unit.title} (${unit.code})`;
}

/** « non obtenue (8/20 en 2023) ». */
export function failedNote(attempt: FailedAttempt): string {
  return attempt.grade === null ? `non obtenue (en ${attempt.year})` : `non obtenue (${formatNumber(attempt.grade)}/20 en ${attempt.year})`;
}

/** « ANG320 – Anglais professionnel : non obtenue (8/20 en 2024) », and when another unit took its place, that it does not matter. */
export function failedLine(attempt: FailedAttempt): string {
  const line = `${attempt.title === null ? attempt.code : `${attempt.code} – ${attempt.title}`} : ${failedNote(attempt)}`;
  return attempt.stillNeeded ? line : `${line}, sans conséquence : une autre unité compte à sa place`;
}

/** The catalogue's block names without acronyms: « UE des thèmes de L3 » → « Unités d'enseignement des thèmes de L3 ». */
export function plainLabel(label: string): string {
  const plain = label
    .replace(/\bUE\b/g, "unités d'enseignement")
    .replace(/\bune UA\b/g, "une unité d'activité (expérience professionnelle)")
    .replace(/\bUA\b/g, "unités d'activité (expérience professionnelle)")
    .replace(/\bun bloc\b/g, "un ensemble d'unités")
    .replace(/\bblocs?\b/g, "ensembles d'unités");
  return capitalise(plain);
}

/** Mutable only in this: credits are explained at their first mention, then just « crédits ». */
class Phraser {
  private creditsExplained = false;
  private readonly explainedModes = new Set<string>();

  constructor(private readonly audience: Audience) {}

  credits(value: number): string {
    const plural = value > 1;
    if (this.creditsExplained) return `${formatNumber(value)} ${plural ? "crédits" : "crédit"}`;
    this.creditsExplained = true;
    return `${formatNumber(value)} ${plural ? "crédits européens" : "crédit européen"} (ECTS)`;
  }

  option(unit: OptionUnit): Phrase {
    return { text: unit.failed ? `${unitLabel(unit)} – ${failedNote(unit.failed)}` : unitLabel(unit) };
  }

  private unitList(among: readonly OptionUnit[]): Phrase[] | undefined {
    return among.length === 0 ? undefined : among.map((unit) => this.option(unit));
  }

  private nothingLeft(text: string, among: readonly OptionUnit[]): string {
    return among.length === 0 ? `${text.replace(/ parmi.*$/, "")} : aucune autre unité de la liste n'est disponible, adressez-vous à votre centre.` : text;
  }

  missing(item: MissingItem): Phrase {
    switch (item.kind) {
      case "unit":
        return this.option(item.unit);
      case "chooseUnits":
        return withList(this.nothingLeft(`${capitalise(unitsWord(item.count))} au choix parmi :`, item.among), this.unitList(item.among));
      case "chooseCredits":
        return withList(
          this.nothingLeft(
            item.unitCount === null
              ? `${capitalise(this.credits(item.ects))} au choix parmi :`
              : `${capitalise(unitsWord(item.unitCount))} au choix parmi les suivantes, pour ${this.credits(item.ects)} :`,
            item.among,
          ),
          this.unitList(item.among),
        );
      case "chooseGroups": {
        if (item.options.every(isOneUnit)) {
          const text =
            item.count === 1
              ? "Une unité au choix parmi les suivantes :"
              : `${capitalise(unitsWord(item.count))} au choix parmi les suivantes, sous ${numberWord(item.count)} intitulés différents :`;
          return {
            text,
            list: item.options.map((choice) => withList(`${plainLabel(choice.label)} :`, this.unitList(choice.missing.flatMap(amongOf)))),
          };
        }
        const text = item.count === 1 ? "L'un des ensembles d'unités suivants, au choix :" : `${capitalise(numberWord(item.count))} des ensembles d'unités suivants, au choix :`;
        return { text, list: item.options.map((choice) => ({ text: `${plainLabel(choice.label)} :`, list: choice.missing.map((missing) => this.missing(missing)) })) };
      }
      case "moreCredits":
        return withList(
          this.nothingLeft(
            `${capitalise(this.credits(item.ects))} de plus, au choix parmi les unités suivantes (${formatNumber(item.counted)} obtenus sur les ${formatNumber(item.required)} demandés) :`,
            item.among,
          ),
          this.unitList(item.among),
        );
    }
  }

  rule(rule: GroupRule): string {
    switch (rule.kind) {
      case "allUnits":
        return rule.size === 1 ? "Unité obligatoire." : "Toutes ces unités sont obligatoires.";
      case "chooseEcts":
        return `${capitalise(this.credits(rule.ects ?? 0))} au choix parmi ${numberWord(rule.size)} unités.`;
      case "chooseUnits":
        return `${capitalise(unitsWord(rule.count ?? 0))} au choix parmi ${numberWord(rule.size)}.`;
      case "chooseSubgroups":
        return `À choisir : ${numberWord(rule.count ?? 0)} des ${numberWord(rule.size)} ensembles d'unités proposés${rule.ects === undefined ? "" : `, pour ${this.credits(rule.ects)} au total`}.`;
      case "oneOf":
        return `À choisir : un des ${numberWord(rule.size)} ensembles d'unités proposés.`;
      case "allGroups":
        return "Tous ces ensembles d'unités sont obligatoires.";
    }
  }

  obtained(unit: CountedUnit): string {
    const explainOnce = (mode: string, meaning: string): string => {
      if (this.explainedModes.has(mode)) return mode;
      this.explainedModes.add(mode);
      return `${mode} (${meaning})`;
    };
    const how =
      unit.obtainedBy === "PASSED"
        ? `obtenue en ${unit.year}${unit.grade === undefined ? "" : ` (${formatNumber(unit.grade)}/20)`}`
        : unit.obtainedBy === "EQUIVALENCE"
          ? `obtenue par équivalence en ${unit.year}`
          : unit.obtainedBy === "VES"
            ? `validée en ${unit.year} par ${explainOnce("VES", "validation des études supérieures")}`
            : `validée en ${unit.year} par ${explainOnce("VAE", "validation des acquis de l'expérience")}`;
    return `${unitLabel(unit)} : ${how}`;
  }

  block(group: GroupVerdict, parentSatisfied: boolean): BlockText {
    const shownChildren = group.kind === "allGroups" ? group.children : group.children.filter((child) => child.satisfied || child.countedUnits.length > 0);
    return {
      label: plainLabel(group.label),
      status: group.satisfied ? "done" : parentSatisfied ? null : "todo",
      rule: this.rule(group.rule),
      units: group.children.length === 0 ? group.countedUnits.map((unit) => this.obtained(unit)) : [],
      children: shownChildren.map((child) => this.block(child, group.kind !== "allGroups" && group.satisfied)),
    };
  }

  experience(verdict: ExperienceVerdict): { met: boolean; text: string } {
    const learner = this.audience === "learner";
    if (verdict.state === "excluded") return { met: true, text: "Ce diplôme ne demande pas d'analyse de l'expérience professionnelle." };
    const name = (code: string): string => {
      const route = verdict.routeLabels[code];
      return route ? `${code} (${route.split(" : ")[0]?.replace(/^./, (first) => first.toLowerCase())})` : code;
    };
    const subject = learner ? "Votre expérience professionnelle" : "L'expérience professionnelle";
    const ua = (count: number): string => (count > 1 ? "unités d'activité" : "unité d'activité");
    if (verdict.state === "validated") {
      const codes = verdict.obtainedUnitCodes;
      const plural = codes.length > 1;
      return {
        met: true,
        text: `${subject} est déjà validée : ${plural ? "les " : "l'"}${ua(codes.length)} ${joinAnd(codes.map(name))}, qui ${plural ? "l'attestent, sont obtenues" : "l'atteste, est obtenue"}.`,
      };
    }
    if (verdict.unitCodes.length === 0) return { met: false, text: `${subject} reste à faire valider par le jury.` };
    const recorded = `${learner ? "vos" : "ses"} résultats`;
    if (verdict.unitsNeeded === "ANY") {
      return {
        met: false,
        text: `${subject} reste à faire valider. Une fois validée, elle apparaît dans ${recorded} comme une unité d'activité (une unité qui atteste une expérience professionnelle) : ${joinOr(verdict.unitCodes.map(name))}.`,
      };
    }
    const toValidate = verdict.unitCodes.filter((code) => !verdict.obtainedUnitCodes.includes(code));
    return {
      met: false,
      text: `${subject} reste à faire valider. Elle apparaît dans ${recorded} comme ${numberWord(verdict.unitCodes.length)} unités d'activité (des unités qui attestent une expérience professionnelle), ${verdict.unitCodes.length === 2 ? "les deux sont nécessaires" : "toutes sont nécessaires"} ; il reste à obtenir : ${joinAnd(toValidate.map(name))}.`,
    };
  }
}

function withList(text: string, list: Phrase[] | undefined): Phrase {
  return list ? { text, list } : { text };
}

function amongOf(item: MissingItem): OptionUnit[] {
  return item.kind === "chooseUnits" || item.kind === "chooseCredits" || item.kind === "moreCredits" ? item.among : item.kind === "unit" ? [item.unit] : [];
}

/** An option that one more unit, any of its list, would meet. */
function isOneUnit(choice: { missing: MissingItem[] }): boolean {
  if (choice.missing.length !== 1) return false;
  const [item] = choice.missing;
  if (!item) return false;
  return (item.kind === "chooseUnits" && item.count === 1) || (item.kind === "chooseCredits" && item.unitCount === 1);
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}`;
}

function joinOr(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} ou ${parts[parts.length - 1]}`;
}

/** A phrase on one line: « Une unité au choix parmi : A (X), B (Y) ». */
export function flattenPhrase(phrase: Phrase): string {
  if (!phrase.list) return phrase.text;
  const separator = phrase.list.some((item) => item.list) ? " ; " : ", ";
  return `${phrase.text.replace(/\s*:$/, "")} : ${phrase.list.map(flattenPhrase).join(separator)}`;
}

/** One line per missing item (start-request refusals, the staff summary, guard messages). */
export function missingSentences(items: readonly MissingItem[], audience: Audience = "learner"): string[] {
  const phraser = new Phraser(audience);
  return items.map((item) => flattenPhrase(phraser.missing(item)));
}

/** Everything the eligibility view says, in reading order (so credits are explained at their first mention). */
export function explainEligibility(verdict: EligibilityVerdict, audience: Audience): EligibilityText {
  const phraser = new Phraser(audience);
  const learner = audience === "learner";
  const nothingMissing = verdict.missingItems.length === 0;
  const complete = !nothingMissing || !verdict.requestable ? null : learner ? "Vous avez obtenu toutes les unités d'enseignement de ce diplôme." : "Toutes les unités d'enseignement du diplôme sont obtenues.";
  return {
    complete,
    missingIntro: nothingMissing ? null : learner ? "Il vous manque :" : "Il manque encore :",
    missing: verdict.missingItems.map((item) => phraser.missing(item)),
    failedIntro:
      verdict.failed.length === 0
        ? null
        : verdict.failed.length === 1
          ? "Unité tentée mais non obtenue (note inférieure à 10 sur 20) :"
          : "Unités tentées mais non obtenues (note inférieure à 10 sur 20) :",
    failed: verdict.failed.map(failedLine),
    blocksHeading: "Composition du diplôme et unités prises en compte",
    blocks: verdict.requirement.children.map((group) => phraser.block(group, false)),
    experience: phraser.experience(verdict.experience),
  };
}
