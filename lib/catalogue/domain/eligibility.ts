import { unitsOfRequirement, type Diploma, type ExperienceRule, type RequirementGroup, type UnitRef } from "./model";
import { missingSentences } from "./eligibility-wording";

/**
 * Can this learner ask for the delivery of this diploma? Compares the diploma's composition with
 * the learner's results and says, block by block, what is met, by which units, what is missing
 * and which units were failed — as data; eligibility-wording.ts says it in plain French.
 */

export type ObtainedBy = "PASSED" | "EQUIVALENCE" | "VES" | "VAE";

export interface UnitResult {
  unitCode: string;
  year: number;
  /** Out of 20; only meaningful for PASSED. */
  grade?: number;
  obtainedBy: ObtainedBy;
  centreCode?: string;
}

export const PASS_GRADE = 10;

/** Capitalisation: a unit is obtained with 10/20, or by equivalence, VES or VAE. */
export function isObtained(result: UnitResult): boolean {
  if (result.obtainedBy !== "PASSED") return true;
  return result.grade !== undefined && result.grade >= PASS_GRADE && result.grade <= 20;
}

export interface CountedUnit {
  code: string;
  title: string | null;
  ects: number;
  obtainedBy: ObtainedBy;
  year: number;
  grade?: number;
}

/** A unit named for the learner: its code and, when known, its title. */
export interface UnitName {
  code: string;
  title: string | null;
}

/** The latest attempt at a unit the learner has not obtained (graded under 10/20). */
export interface FailedAttempt extends UnitName {
  /** Out of 20; null when the results file gave none. */
  grade: number | null;
  year: number;
  /**
   * Whether the unit is still one of the ways to complete the diploma (named in a missing item,
   * or an experience unit while the experience is not validated). False when another unit took
   * its place: the failure has no consequence.
   */
  stillNeeded: boolean;
}

/** A unit the learner may still obtain, with their failed attempt at it if any. */
export interface OptionUnit extends UnitName {
  ects: number | null;
  failed: FailedAttempt | null;
}

/**
 * What is still needed, as data (the French sentences are in eligibility-wording.ts). A satisfied
 * group never produces any item, even when some of its options are left unchosen.
 */
export type MissingItem =
  /** A compulsory unit not obtained. */
  | { kind: "unit"; unit: OptionUnit }
  /** `count` more units among `among`. */
  | { kind: "chooseUnits"; count: number; among: OptionUnit[] }
  /** `ects` more credits among `among`; `unitCount` when the units all carry the same credits. */
  | { kind: "chooseCredits"; ects: number; unitCount: number | null; among: OptionUnit[] }
  /** `count` more of the `options` (themes, options A/B/C…), each with what it still needs. */
  | { kind: "chooseGroups"; count: number; options: { label: string; missing: MissingItem[] }[] }
  /** Beyond the groups above, `ects` more credits from the units of the group's subgroups. */
  | { kind: "moreCredits"; ects: number; counted: number; required: number; among: OptionUnit[] };

/** The rule of a group, for saying it in words. */
export interface GroupRule {
  kind: RequirementGroup["kind"];
  /** Units to choose (chooseUnits) or subgroups to satisfy (chooseSubgroups). */
  count?: number;
  /** Credits required (chooseEcts, chooseSubgroups with a credit total). */
  ects?: number;
  /** How many units (leaf) or subgroups (branch) it lists. */
  size: number;
}

export interface GroupVerdict {
  label: string;
  kind: RequirementGroup["kind"];
  rule: GroupRule;
  satisfied: boolean;
  /** Units counted for this group (for a block of blocks: the units of its subgroups). */
  countedUnits: CountedUnit[];
  countedEcts: number;
  /** What is still needed; empty when satisfied. */
  missing: MissingItem[];
  children: GroupVerdict[];
}

export type ExperienceState = "validated" | "excluded" | "missing";

export interface ExperienceVerdict {
  state: ExperienceState;
  unitCodes: string[];
  /** ANY: one of the units is enough; ALL: every one is needed. */
  unitsNeeded: "ANY" | "ALL";
  obtainedUnitCodes: string[];
  /** The access route each unit stands for (the licence's « Accès direct en L3 »), when the catalogue says. */
  routeLabels: Record<string, string>;
}

/** Shown wherever a composition is a machine transcription not re-checked by a person (Diploma.compositionVerified false). */
export const COMPOSITION_NOT_VERIFIED =
  "Composition à confirmer avec votre centre : la liste des unités de ce diplôme a été relevée automatiquement sur sa page officielle et n'a pas encore été revérifiée.";
/** The same notice for the centre's and the national service's agents, who confirm it themselves. */
export const COMPOSITION_NOT_VERIFIED_STAFF =
  "Composition à vérifier : la liste des unités de ce diplôme a été relevée automatiquement sur sa page officielle et n'a pas encore été revérifiée par une personne.";

export interface EligibilityVerdict {
  diplomaKey: string;
  requestable: boolean;
  /** false: say COMPOSITION_NOT_VERIFIED next to the verdict. */
  compositionVerified: boolean;
  notRequestableReason?: string;
  requirement: GroupVerdict;
  /** What is still needed, as data: the compulsory units, then the choices, each in catalogue order; empty when every unit is obtained. */
  missingItems: MissingItem[];
  /** The same, one French sentence per item (for lists outside the eligibility view). */
  missing: string[];
  /** Units of the diploma (and its experience units) attempted but not obtained: the latest attempt of each. */
  failed: FailedAttempt[];
  experience: ExperienceVerdict;
  allUnitsObtained: boolean;
  /** Every unit obtained and the experience requirement met (or excluded). */
  eligibleForDelivery: boolean;
  /** Every unit obtained but the experience still to be analysed: ask for a joint analysis. */
  needsJointExperienceAnalysis: boolean;
}

/**
 * Above this many units that could count in several groups, the exhaustive search gives way to a
 * first-fit assignment. The real catalogue has at most 3 such units (8 combinations).
 */
const MAX_EXHAUSTIVE_CONTESTED_UNITS = 12;

export function evaluateEligibility(diploma: Diploma, results: readonly UnitResult[]): EligibilityVerdict {
  const obtained = bestObtainedResults(results);
  const leaves = collectLeaves(diploma.requirement);
  const failed = latestFailedAttempts(diploma, results, obtained);
  const assignment = assignUnits(diploma.requirement, leaves, obtained, failed);
  const requirement = evaluateGroup(diploma.requirement, { assignment, leaves, failed }).verdict;
  const experience = evaluateExperience(diploma.experience, obtained);
  const allUnitsObtained = diploma.requestable && requirement.satisfied;
  // The units named one by one first (« Anglais professionnel (ANG320) »), then the choices and their lists.
  const missingItems = [...requirement.missing.filter((item) => item.kind === "unit"), ...requirement.missing.filter((item) => item.kind !== "unit")];
  const stillNeeded = new Set(missingItems.flatMap(codesOf));
  if (experience.state === "missing") experience.unitCodes.forEach((code) => stillNeeded.add(code));
  return {
    diplomaKey: diploma.key,
    requestable: diploma.requestable,
    compositionVerified: diploma.compositionVerified,
    ...(diploma.notRequestableReason === undefined ? {} : { notRequestableReason: diploma.notRequestableReason }),
    requirement,
    missingItems,
    missing: missingSentences(missingItems),
    failed: [...failed.values()].map((attempt) => ({ ...attempt, stillNeeded: stillNeeded.has(attempt.code) })),
    experience,
    allUnitsObtained,
    eligibleForDelivery: allUnitsObtained && experience.state !== "missing",
    needsJointExperienceAnalysis: allUnitsObtained && experience.state === "missing",
  };
}

/**
 * For each unit of the diploma (and each experience unit) tried but never obtained, the latest
 * attempt (then the best grade of that year), in catalogue order.
 */
function latestFailedAttempts(diploma: Diploma, results: readonly UnitResult[], obtained: ReadonlyMap<string, CountedUnit>): Map<string, FailedAttempt> {
  const titles = new Map<string, string | null>();
  for (const ref of unitsOfRequirement(diploma.requirement)) titles.set(ref.code, ref.title);
  if (diploma.experience.kind !== "excluded") for (const code of diploma.experience.unitCodes) if (!titles.has(code)) titles.set(code, null);
  const latest = new Map<string, UnitResult>();
  for (const result of results) {
    if (isObtained(result) || obtained.has(result.unitCode) || !titles.has(result.unitCode)) continue;
    const current = latest.get(result.unitCode);
    if (!current || result.year > current.year || (result.year === current.year && (result.grade ?? -1) > (current.grade ?? -1))) latest.set(result.unitCode, result);
  }
  const failed = new Map<string, FailedAttempt>();
  for (const [code, title] of titles) {
    const attempt = latest.get(code);
    if (attempt) failed.set(code, { code, title, grade: attempt.grade ?? null, year: attempt.year, stillNeeded: true });
  }
  return failed;
}

const OBTAINED_BY_ORDER: readonly ObtainedBy[] = ["PASSED", "EQUIVALENCE", "VES", "VAE"];

/**
 * One result per obtained unit, chosen independently of the input order: the earliest year,
 * then passing before equivalence/VES/VAE, then the best grade.
 */
function bestObtainedResults(results: readonly UnitResult[]): Map<string, CountedUnit> {
  const sorted = results.filter(isObtained).sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) ||
      a.year - b.year ||
      OBTAINED_BY_ORDER.indexOf(a.obtainedBy) - OBTAINED_BY_ORDER.indexOf(b.obtainedBy) ||
      (b.grade ?? 0) - (a.grade ?? 0) ||
      (a.centreCode ?? "").localeCompare(b.centreCode ?? ""),
  );
  const best = new Map<string, CountedUnit>();
  for (const result of sorted) {
    if (best.has(result.unitCode)) continue;
    best.set(result.unitCode, {
      code: result.unitCode,
      title: null,
      ects: 0,
      obtainedBy: result.obtainedBy,
      year: result.year,
      ...(result.grade === undefined ? {} : { grade: result.grade }),
    });
  }
  return best;
}

type LeafGroup = Extract<RequirementGroup, { units: UnitRef[] }>;

function collectLeaves(root: RequirementGroup): LeafGroup[] {
  const leaves: LeafGroup[] = [];
  const visit = (node: RequirementGroup): void => {
    if ("units" in node) leaves.push(node);
    else node.subgroups.forEach(visit);
  };
  visit(root);
  return leaves;
}

/** Which leaf each obtained unit counts for: a unit counts in one group only. */
type Assignment = ReadonlyMap<LeafGroup, CountedUnit[]>;

/**
 * A unit listed in one group goes there. A unit listed in several groups is tried in each of them
 * and the assignment that satisfies the diploma, then the most groups, then names the fewest
 * obtained units as missing, wins; ties go to the first
 * combination in a fixed order (unit codes sorted, groups in catalogue order), so the verdict does
 * not depend on the order of the results.
 */
function assignUnits(
  root: RequirementGroup,
  leaves: LeafGroup[],
  obtained: ReadonlyMap<string, CountedUnit>,
  failed: ReadonlyMap<string, FailedAttempt>,
): Assignment {
  const candidates = new Map<string, { leaf: LeafGroup; ref: UnitRef }[]>();
  for (const leaf of leaves) {
    for (const ref of leaf.units) {
      if (!obtained.has(ref.code)) continue;
      const list = candidates.get(ref.code) ?? [];
      if (!list.some((candidate) => candidate.leaf === leaf)) list.push({ leaf, ref });
      candidates.set(ref.code, list);
    }
  }
  const codes = [...candidates.keys()].sort();
  const contested = codes.filter((code) => (candidates.get(code)?.length ?? 0) > 1);

  const build = (choices: ReadonlyMap<string, number>): Assignment => {
    const assignment = new Map<LeafGroup, CountedUnit[]>(leaves.map((leaf) => [leaf, []]));
    for (const code of codes) {
      const options = candidates.get(code) ?? [];
      const chosen = options[choices.get(code) ?? 0];
      const result = obtained.get(code);
      if (!chosen || !result) continue;
      assignment.get(chosen.leaf)?.push({ ...result, title: chosen.ref.title, ects: chosen.ref.ects ?? 0 });
    }
    return assignment;
  };

  if (contested.length === 0 || contested.length > MAX_EXHAUSTIVE_CONTESTED_UNITS) return build(new Map());

  const best: { assignment: Assignment; score: [number, number, number] } = { assignment: build(new Map()), score: [-1, -1, Number.NEGATIVE_INFINITY] };
  const choices = new Map<string, number>();
  const explore = (position: number): void => {
    const code = contested[position];
    if (code === undefined) {
      const assignment = build(choices);
      const { verdict, satisfiedCount } = evaluateGroup(root, { assignment, leaves, failed });
      // Then the fewest units already obtained named as missing: « il vous manque X » for an X the
      // learner has (counted elsewhere) reads as an error.
      const obtainedNamed = verdict.missing.flatMap(codesOf).filter((missingCode) => obtained.has(missingCode)).length;
      const score: [number, number, number] = [verdict.satisfied ? 1 : 0, satisfiedCount, -obtainedNamed];
      if (
        score[0] > best.score[0] ||
        (score[0] === best.score[0] && (score[1] > best.score[1] || (score[1] === best.score[1] && score[2] > best.score[2])))
      ) {
        best.assignment = assignment;
        best.score = score;
      }
      return;
    }
    const optionCount = candidates.get(code)?.length ?? 0;
    for (let option = 0; option < optionCount; option += 1) {
      choices.set(code, option);
      explore(position + 1);
    }
  };
  explore(0);
  return best.assignment;
}

interface EvaluationContext {
  assignment: Assignment;
  leaves: readonly LeafGroup[];
  failed: ReadonlyMap<string, FailedAttempt>;
}

function evaluateGroup(group: RequirementGroup, context: EvaluationContext): { verdict: GroupVerdict; satisfiedCount: number } {
  if ("units" in group) {
    const counted = context.assignment.get(group) ?? [];
    const countedEcts = sumEcts(counted);
    const missing = leafMissing(group, counted, countedEcts, context);
    const rule: GroupRule = { kind: group.kind, size: group.units.length, ...("ects" in group ? { ects: group.ects } : {}), ...("count" in group ? { count: group.count } : {}) };
    return {
      verdict: { label: group.label, kind: group.kind, rule, satisfied: missing.length === 0, countedUnits: counted, countedEcts, missing, children: [] },
      satisfiedCount: missing.length === 0 ? 1 : 0,
    };
  }

  const evaluated = group.subgroups.map((subgroup) => evaluateGroup(subgroup, context));
  const children = evaluated.map((child) => child.verdict);
  const countedUnits = children.flatMap((child) => child.countedUnits);
  const countedEcts = sumEcts(countedUnits);
  const missing = branchMissing(group, children, countedEcts, context);
  const satisfied = missing.length === 0;
  const rule: GroupRule = {
    kind: group.kind,
    size: group.subgroups.length,
    ...(group.kind === "chooseSubgroups" ? { count: group.count, ...(group.ects === undefined ? {} : { ects: group.ects }) } : {}),
  };
  return {
    verdict: { label: group.label, kind: group.kind, rule, satisfied, countedUnits, countedEcts, missing, children },
    satisfiedCount: evaluated.reduce((sum, child) => sum + child.satisfiedCount, satisfied ? 1 : 0),
  };
}

function option(unit: UnitRef, failed: ReadonlyMap<string, FailedAttempt>): OptionUnit {
  return { code: unit.code, title: unit.title, ects: unit.ects, failed: failed.get(unit.code) ?? null };
}

/** Units of these leaves neither counted here nor counted elsewhere, each once, in catalogue order. */
function availableUnits(groups: readonly LeafGroup[], context: EvaluationContext): OptionUnit[] {
  const used = new Set(context.leaves.flatMap((leaf) => (context.assignment.get(leaf) ?? []).map((unit) => unit.code)));
  const seen = new Set<string>();
  const available: OptionUnit[] = [];
  for (const unit of groups.flatMap((group) => group.units)) {
    if (used.has(unit.code) || seen.has(unit.code)) continue;
    seen.add(unit.code);
    available.push(option(unit, context.failed));
  }
  return available;
}

function leafMissing(group: LeafGroup, counted: readonly CountedUnit[], countedEcts: number, context: EvaluationContext): MissingItem[] {
  const countedCodes = new Set(counted.map((unit) => unit.code));
  if (group.kind === "allUnits") {
    return group.units.filter((unit) => !countedCodes.has(unit.code)).map((unit) => ({ kind: "unit", unit: option(unit, context.failed) }));
  }
  // Units already counted, here or elsewhere, cannot be offered again.
  const among = availableUnits([group], context);
  if (group.kind === "chooseEcts") {
    if (countedEcts >= group.ects) return [];
    const ects = group.ects - countedEcts;
    return [{ kind: "chooseCredits", ects, unitCount: unitsForCredits(among, ects), among }];
  }
  if (counted.length >= group.count) return [];
  return [{ kind: "chooseUnits", count: group.count - counted.length, among }];
}

/** When every unit offered carries the same credits, how many units make `ects`; otherwise null. */
function unitsForCredits(among: readonly OptionUnit[], ects: number): number | null {
  const values = new Set(among.map((unit) => unit.ects));
  const [only] = [...values];
  if (values.size !== 1 || only === null || only === undefined || only <= 0) return null;
  const count = Math.ceil(ects / only);
  return count <= among.length ? count : null;
}

function branchMissing(group: Exclude<RequirementGroup, LeafGroup>, children: readonly GroupVerdict[], countedEcts: number, context: EvaluationContext): MissingItem[] {
  const unsatisfied = children.filter((child) => !child.satisfied);
  const satisfiedChildren = children.length - unsatisfied.length;
  const options = unsatisfied.map((child) => ({ label: child.label, missing: child.missing }));
  if (group.kind === "allGroups") return unsatisfied.flatMap((child) => child.missing);
  if (group.kind === "oneOf") return satisfiedChildren >= 1 ? [] : [{ kind: "chooseGroups", count: 1, options }];
  const items: MissingItem[] = [];
  const groupsNeeded = Math.max(0, group.count - satisfiedChildren);
  if (groupsNeeded > 0) items.push({ kind: "chooseGroups", count: groupsNeeded, options });
  if (group.ects !== undefined && countedEcts < group.ects) {
    // Only the credits that the groups still to choose will not bring anyway.
    const cheapest = unsatisfied.map((child) => creditsNeeded(child.missing)).sort((a, b) => a - b).slice(0, groupsNeeded);
    const beyond = group.ects - countedEcts - cheapest.reduce((sum, value) => sum + value, 0);
    if (beyond > 0) {
      const among = availableUnits(collectLeaves(group), context);
      items.push({ kind: "moreCredits", ects: beyond, counted: countedEcts, required: group.ects, among });
    }
  }
  return items;
}

/** Every unit code a missing item offers. */
function codesOf(item: MissingItem): string[] {
  switch (item.kind) {
    case "unit":
      return [item.unit.code];
    case "chooseGroups":
      return item.options.flatMap((choice) => choice.missing.flatMap(codesOf));
    default:
      return item.among.map((unit) => unit.code);
  }
}

/** The fewest credits that would meet these items. */
function creditsNeeded(items: readonly MissingItem[]): number {
  return items.reduce((sum, item) => {
    switch (item.kind) {
      case "unit":
        return sum + (item.unit.ects ?? 0);
      case "chooseUnits":
        return sum + item.among.map((unit) => unit.ects ?? 0).sort((a, b) => a - b).slice(0, item.count).reduce((total, value) => total + value, 0);
      case "chooseCredits":
      case "moreCredits":
        return sum + item.ects;
      case "chooseGroups":
        return sum + item.options.map((choice) => creditsNeeded(choice.missing)).sort((a, b) => a - b).slice(0, item.count).reduce((total, value) => total + value, 0);
    }
  }, 0);
}

function evaluateExperience(rule: ExperienceRule, obtained: ReadonlyMap<string, CountedUnit>): ExperienceVerdict {
  if (rule.kind === "excluded") return { state: "excluded", unitCodes: [], unitsNeeded: "ALL", obtainedUnitCodes: [], routeLabels: {} };
  const obtainedUnitCodes = rule.unitCodes.filter((code) => obtained.has(code));
  const validated =
    rule.unitCodes.length > 0 && (rule.unitsNeeded === "ANY" ? obtainedUnitCodes.length > 0 : obtainedUnitCodes.length === rule.unitCodes.length);
  const routeLabels: Record<string, string> = {};
  if (rule.kind === "required") for (const route of rule.routes ?? []) if (route.unitCode) routeLabels[route.unitCode] = route.label;
  return { state: validated ? "validated" : "missing", unitCodes: rule.unitCodes, unitsNeeded: rule.unitsNeeded, obtainedUnitCodes, routeLabels };
}

function sumEcts(units: readonly CountedUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.ects, 0);
}
