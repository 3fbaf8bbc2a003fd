/**
 * The application's own catalogue: what the eligibility engine, the request screens and the
 * database work with. Built from the researched source file by `import.ts`; no field here depends
 * on the file's spelling.
 */

export type UnitKind = "UE" | "UA";

/** An "unité d'enseignement" (UE) or an "unité d'activité" (UA: experience, project, thesis, test). */
export interface Unit {
  code: string;
  /** null when only the code is known. */
  title: string | null;
  /** null when the credits are not known. */
  ects: number | null;
  kind: UnitKind;
}

export interface UnitRef {
  code: string;
  title: string | null;
  ects: number | null;
}

/**
 * A diploma's composition as a tree. The root is always `allGroups` (every block of the diploma);
 * the leaves list units.
 */
export type RequirementGroup =
  | AllUnitsGroup
  | ChooseEctsGroup
  | ChooseUnitsGroup
  | ChooseSubgroupsGroup
  | OneOfGroup
  | AllGroupsGroup;

/** Every listed unit is compulsory. */
export interface AllUnitsGroup {
  kind: "allUnits";
  label: string;
  units: UnitRef[];
}

/** At least `ects` credits among the listed units. */
export interface ChooseEctsGroup {
  kind: "chooseEcts";
  label: string;
  ects: number;
  units: UnitRef[];
}

/** At least `count` units among the listed units (not used by the researched file). */
export interface ChooseUnitsGroup {
  kind: "chooseUnits";
  label: string;
  count: number;
  units: UnitRef[];
}

/**
 * At least `count` subgroups satisfied and, when `ects` is set, at least `ects` credits in total
 * from units of the subgroups (so a learner may go beyond the minimum of each chosen subgroup,
 * as in the engineer's "36 ECTS over 4 themes of 6 ECTS").
 */
export interface ChooseSubgroupsGroup {
  kind: "chooseSubgroups";
  label: string;
  count: number;
  ects?: number;
  subgroups: RequirementGroup[];
}

/** One of the options (e.g. "Option A / B / C"). */
export interface OneOfGroup {
  kind: "oneOf";
  label: string;
  subgroups: RequirementGroup[];
}

/** Every subgroup is required: the diploma itself, or a block made of blocks. */
export interface AllGroupsGroup {
  kind: "allGroups";
  label: string;
  subgroups: RequirementGroup[];
}

export interface MonthRange {
  min: number;
  max: number;
}

/** Which family of published rules the structured months below were derived from. */
export type ExperienceRuleFamily = "LICENCE" | "ENGINEER" | "RNCP_LEVEL_6" | "BAC_PLUS_2";

/**
 * How many of the experience UAs must be obtained: the licence offers one UA per access route
 * (one of them is enough); the engineer's two UAs are both compulsory (application, then thesis).
 */
export type ExperienceUnitsNeeded = "ANY" | "ALL";

export type ExperienceRule =
  /** The diploma is delivered without a professional-experience analysis. */
  | { kind: "excluded" }
  | RequiredExperienceRule
  /**
   * The sources give no usable duration: the jury decides from the text alone (and the
   * application computes nothing). Only diplomas that are not requestable are in this case today.
   */
  | { kind: "unspecified"; unitCodes: string[]; unitsNeeded: ExperienceUnitsNeeded; ruleText: string | null; alternativeText: string | null };

/**
 * One access route of a diploma whose experience rule depends on the learner's path (the licence:
 * direct access to L3, or the full L1–L3 route). The learner says which applies; the durations of
 * the chosen route replace the rule's.
 */
export interface ExperienceRoute {
  /** Stored on the analysis (Request.experienceRoute): "L3", "FULL". */
  id: string;
  /** French, as the learner chooses it. */
  label: string;
  /** The experience UA this route validates, when the catalogue names it. */
  unitCode: string | null;
  inFieldMonths: number;
  totalMonths?: number;
}

export interface RequiredExperienceRule {
  kind: "required";
  /** The experience UAs ("unités d'activité") that record a validated experience. */
  unitCodes: string[];
  unitsNeeded: ExperienceUnitsNeeded;
  family: ExperienceRuleFamily;
  /** The published rule, in French, as shown to the learner. */
  ruleText: string;
  alternativeText: string | null;
  /** Full-time-equivalent months in the diploma's field. */
  inFieldMonths: number;
  /** Total months (in and out of the field) that must include `inFieldMonths`. */
  totalMonths?: number;
  /** Months already required when applying (engineer: at the admission exam). */
  atAdmissionMonths?: number;
  /** Out-of-field months accepted instead of in-field experience, completed by an internship. */
  outOfFieldMonths?: number;
  /** Internship the jury may require when the experience is insufficient or out of the field. */
  internshipMonths?: MonthRange;
  /** Two or more access routes with their own durations: the learner must choose one. */
  routes?: ExperienceRoute[];
}

export interface Diploma {
  /**
   * Stable internal key: the Cnam code, suffixed with the version when several versions share a
   * code, or a slug of the title for the records that have no known code.
   */
  key: string;
  code: string | null;
  version?: string;
  title: string;
  kind: string;
  level: string | null;
  requirement: AllGroupsGroup;
  experience: ExperienceRule;
  otherConditions: string[];
  requestable: boolean;
  /** French, shown to the learner when `requestable` is false. */
  notRequestableReason?: string;
  /** false when the composition is a machine transcription not re-checked by a person. */
  compositionVerified: boolean;
  sourceUrl?: string;
}

export interface Centre {
  /**
   * Internal key made by the application from the centre's name (the public sources give no
   * centre codes): "PARIS", "NOUVELLE-AQUITAINE"… Never shown as an official Cnam code.
   */
  code: string;
  name: string;
  region: string;
  /** false when the centre comes from the brief and no public page confirmed it. */
  verified: boolean;
  sourceUrl?: string;
}

export interface Catalogue {
  diplomas: Diploma[];
  units: Unit[];
  centres: Centre[];
}

/** Every unit of a requirement tree, in tree order, each code once. */
export function unitsOfRequirement(group: RequirementGroup): UnitRef[] {
  const seen = new Set<string>();
  const result: UnitRef[] = [];
  const visit = (node: RequirementGroup): void => {
    if ("units" in node) {
      for (const unit of node.units) {
        if (!seen.has(unit.code)) {
          seen.add(unit.code);
          result.push(unit);
        }
      }
    } else {
      node.subgroups.forEach(visit);
    }
  };
  visit(group);
  return result;
}
