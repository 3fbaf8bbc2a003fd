import type { Diploma, ExperienceRule, RequirementGroup, UnitRef } from "./model";

/**
 * Can this learner ask for the delivery of this diploma? Compares the diploma's composition with
 * the learner's results and says, block by block, what is met, by which units, and what is
 * missing — in French, for the learner.
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

export interface GroupVerdict {
  label: string;
  kind: RequirementGroup["kind"];
  satisfied: boolean;
  /** Units counted for this group (for a block of blocks: the units of its subgroups). */
  countedUnits: CountedUnit[];
  countedEcts: number;
  /** French sentence saying what is still needed; null when satisfied. */
  missing: string | null;
  children: GroupVerdict[];
}

export type ExperienceState = "validated" | "excluded" | "missing";

export interface ExperienceVerdict {
  state: ExperienceState;
  unitCodes: string[];
  obtainedUnitCodes: string[];
  message: string;
}

/** Shown wherever a composition is a machine transcription not re-checked by a person (Diploma.compositionVerified false). */
export const COMPOSITION_NOT_VERIFIED =
  "Composition à confirmer avec votre centre : la liste des unités de ce diplôme a été relevée automatiquement sur sa page officielle et n'a pas encore été revérifiée.";

export interface EligibilityVerdict {
  diplomaKey: string;
  requestable: boolean;
  /** false: say COMPOSITION_NOT_VERIFIED next to the verdict. */
  compositionVerified: boolean;
  notRequestableReason?: string;
  requirement: GroupVerdict;
  /** One French sentence per top-level block that is not met, prefixed with the block's name. */
  missing: string[];
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
  const assignment = assignUnits(diploma.requirement, leaves, obtained);
  const requirement = evaluateGroup(diploma.requirement, assignment, leaves).verdict;
  const experience = evaluateExperience(diploma.experience, obtained);
  const allUnitsObtained = diploma.requestable && requirement.satisfied;
  return {
    diplomaKey: diploma.key,
    requestable: diploma.requestable,
    compositionVerified: diploma.compositionVerified,
    ...(diploma.notRequestableReason === undefined ? {} : { notRequestableReason: diploma.notRequestableReason }),
    requirement,
    missing: topLevelMissing(requirement),
    experience,
    allUnitsObtained,
    eligibleForDelivery: allUnitsObtained && experience.state !== "missing",
    needsJointExperienceAnalysis: allUnitsObtained && experience.state === "missing",
  };
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
 * and the assignment that satisfies the diploma, then the most groups, wins; ties go to the first
 * combination in a fixed order (unit codes sorted, groups in catalogue order), so the verdict does
 * not depend on the order of the results.
 */
function assignUnits(root: RequirementGroup, leaves: LeafGroup[], obtained: ReadonlyMap<string, CountedUnit>): Assignment {
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

  const best: { assignment: Assignment; score: [number, number] } = { assignment: build(new Map()), score: [-1, -1] };
  const choices = new Map<string, number>();
  const explore = (position: number): void => {
    const code = contested[position];
    if (code === undefined) {
      const assignment = build(choices);
      const { verdict, satisfiedCount } = evaluateGroup(root, assignment, leaves);
      const score: [number, number] = [verdict.satisfied ? 1 : 0, satisfiedCount];
      if (score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
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

function evaluateGroup(
  group: RequirementGroup,
  assignment: Assignment,
  leaves: readonly LeafGroup[],
): { verdict: GroupVerdict; satisfiedCount: number } {
  if ("units" in group) {
    const counted = assignment.get(group) ?? [];
    const countedEcts = sumEcts(counted);
    const missing = leafMissing(group, counted, countedEcts, assignment, leaves);
    return {
      verdict: { label: group.label, kind: group.kind, satisfied: missing === null, countedUnits: counted, countedEcts, missing, children: [] },
      satisfiedCount: missing === null ? 1 : 0,
    };
  }

  const evaluated = group.subgroups.map((subgroup) => evaluateGroup(subgroup, assignment, leaves));
  const children = evaluated.map((child) => child.verdict);
  const countedUnits = children.flatMap((child) => child.countedUnits);
  const countedEcts = sumEcts(countedUnits);
  const satisfiedChildren = children.filter((child) => child.satisfied);
  const missing = branchMissing(group, children, satisfiedChildren.length, countedEcts);
  const satisfied = missing === null;
  return {
    verdict: { label: group.label, kind: group.kind, satisfied, countedUnits, countedEcts, missing, children },
    satisfiedCount: evaluated.reduce((sum, child) => sum + child.satisfiedCount, satisfied ? 1 : 0),
  };
}

function leafMissing(
  group: LeafGroup,
  counted: readonly CountedUnit[],
  countedEcts: number,
  assignment: Assignment,
  leaves: readonly LeafGroup[],
): string | null {
  const countedCodes = new Set(counted.map((unit) => unit.code));
  if (group.kind === "allUnits") {
    const toObtain = group.units.filter((unit) => !countedCodes.has(unit.code));
    if (toObtain.length === 0) return null;
    return `UE à obtenir : ${toObtain.map(describeUnit).join(", ")}`;
  }
  // Units already counted elsewhere cannot be offered again.
  const usedElsewhere = new Set(leaves.filter((leaf) => leaf !== group).flatMap((leaf) => (assignment.get(leaf) ?? []).map((unit) => unit.code)));
  const available = group.units.filter((unit) => !countedCodes.has(unit.code) && !usedElsewhere.has(unit.code)).map((unit) => unit.code);
  const among = available.length > 0 ? ` parmi ${available.join(", ")}` : "";
  if (group.kind === "chooseEcts") {
    if (countedEcts >= group.ects) return null;
    return `${formatNumber(group.ects - countedEcts)} ECTS à choisir${among}`;
  }
  if (counted.length >= group.count) return null;
  const remaining = group.count - counted.length;
  return `${remaining} UE à choisir${among}`;
}

function branchMissing(
  group: Exclude<RequirementGroup, LeafGroup>,
  children: readonly GroupVerdict[],
  satisfiedChildren: number,
  countedEcts: number,
): string | null {
  const unsatisfied = children.filter((child) => !child.satisfied);
  const options = unsatisfied.map((child) => `« ${child.label} » (${child.missing ?? ""})`).join(", ");
  if (group.kind === "allGroups") {
    return unsatisfied.length === 0 ? null : unsatisfied.map((child) => `${child.label} : ${child.missing ?? ""}`).join(" ; ");
  }
  if (group.kind === "oneOf") {
    return satisfiedChildren >= 1 ? null : `un bloc à valider parmi ${options}`;
  }
  const parts: string[] = [];
  const blocksNeeded = group.count - satisfiedChildren;
  if (blocksNeeded > 0) parts.push(`${blocksNeeded} ${blocksNeeded === 1 ? "bloc" : "blocs"} à valider parmi ${options}`);
  if (group.ects !== undefined && countedEcts < group.ects) {
    parts.push(`${formatNumber(group.ects - countedEcts)} ECTS à obtenir dans les UE de ces blocs (${formatNumber(countedEcts)} sur ${formatNumber(group.ects)})`);
  }
  return parts.length === 0 ? null : parts.join(" ; ");
}

function topLevelMissing(root: GroupVerdict): string[] {
  return root.children.filter((child) => !child.satisfied).map((child) => `${child.label} : ${child.missing ?? ""}`);
}

function evaluateExperience(rule: ExperienceRule, obtained: ReadonlyMap<string, CountedUnit>): ExperienceVerdict {
  if (rule.kind === "excluded") {
    return { state: "excluded", unitCodes: [], obtainedUnitCodes: [], message: "Ce diplôme ne demande pas d'analyse de l'expérience professionnelle." };
  }
  const obtainedUnitCodes = rule.unitCodes.filter((code) => obtained.has(code));
  const validated =
    rule.unitCodes.length > 0 && (rule.unitsNeeded === "ANY" ? obtainedUnitCodes.length > 0 : obtainedUnitCodes.length === rule.unitCodes.length);
  if (validated) {
    return { state: "validated", unitCodes: rule.unitCodes, obtainedUnitCodes, message: `Expérience professionnelle validée (${obtainedUnitCodes.join(", ")}).` };
  }
  const toValidate = rule.unitCodes.filter((code) => !obtained.has(code));
  let message: string;
  if (rule.unitCodes.length === 0) message = "Expérience professionnelle à faire valider par le jury.";
  else if (rule.unitsNeeded === "ANY") message = `Expérience professionnelle à faire valider (une UA parmi ${rule.unitCodes.join(", ")}).`;
  else message = `Expérience professionnelle à faire valider : ${toValidate.join(", ")}.`;
  return { state: "missing", unitCodes: rule.unitCodes, obtainedUnitCodes, message };
}

function describeUnit(unit: UnitRef): string {
  return unit.title === null ? unit.code : `${unit.code} (${unit.title})`;
}

function sumEcts(units: readonly CountedUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.ects, 0);
}

function formatNumber(value: number): string {
  return value.toLocaleString("fr-FR");
}
