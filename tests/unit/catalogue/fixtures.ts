import rawCatalogue from "@/prisma/data/cnam-catalogue.json";
import { parseCatalogue } from "@/lib/catalogue/domain/import";
import type { Catalogue, Diploma, RequirementGroup } from "@/lib/catalogue/domain/model";
import type { UnitResult } from "@/lib/catalogue/domain/eligibility";

/** A fresh, mutable copy of the real source file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate it into shapes the schema must refuse
export function sourceCopy(): any {
  return structuredClone(rawCatalogue);
}

export function realCatalogue(): Catalogue {
  const result = parseCatalogue(rawCatalogue);
  if (!result.ok) throw new Error(`The real catalogue does not parse: ${JSON.stringify(result.errors)}`);
  return result.catalogue;
}

export function diplomaByKey(catalogue: Catalogue, key: string): Diploma {
  const diploma = catalogue.diplomas.find((candidate) => candidate.key === key);
  if (!diploma) throw new Error(`No diploma ${key}`);
  return diploma;
}

export function passed(unitCode: string, grade = 12, year = 2024): UnitResult {
  return { unitCode, year, grade, obtainedBy: "PASSED" };
}

/**
 * A smallest set of unit codes that satisfies the requirement: removing any one of them breaks
 * it. Built greedily in catalogue order, never using a unit twice, then pruned.
 */
export function minimalSatisfyingCodes(root: RequirementGroup): string[] {
  const used = new Set<string>();
  const ectsOf = new Map<string, number>();
  const pick = (group: RequirementGroup): string[] => {
    switch (group.kind) {
      case "allUnits":
        return take(group.units.map((unit) => unit.code));
      case "chooseUnits":
        return take(group.units.map((unit) => unit.code).filter((code) => !used.has(code)).slice(0, group.count));
      case "chooseEcts":
        return take(pruned(reachEcts(group.units, group.ects), group.ects));
      case "allGroups":
        return group.subgroups.flatMap(pick);
      case "oneOf": {
        const first = group.subgroups[0];
        return first ? pick(first) : [];
      }
      case "chooseSubgroups": {
        const chosen = group.subgroups.slice(0, group.count).flatMap(pick);
        if (group.ects === undefined) return chosen;
        const have = chosen.reduce((sum, code) => sum + (ectsOf.get(code) ?? 0), 0);
        const pool = group.subgroups.flatMap(leafUnits).filter((unit) => !used.has(unit.code));
        return [...chosen, ...take(pruned(reachEcts(pool, group.ects - have), group.ects - have))];
      }
    }
  };
  const take = (codes: string[]): string[] => {
    codes.forEach((code) => used.add(code));
    return codes;
  };
  const reachEcts = (units: { code: string; ects: number | null }[], target: number): string[] => {
    const picked: string[] = [];
    let sum = 0;
    for (const unit of units) {
      if (sum >= target) break;
      if (used.has(unit.code) || picked.includes(unit.code)) continue;
      picked.push(unit.code);
      ectsOf.set(unit.code, unit.ects ?? 0);
      sum += unit.ects ?? 0;
    }
    return picked;
  };
  const pruned = (codes: string[], target: number): string[] => {
    const kept = [...codes];
    for (const code of codes) {
      const total = kept.reduce((sum, other) => sum + (ectsOf.get(other) ?? 0), 0);
      if (total - (ectsOf.get(code) ?? 0) >= target) kept.splice(kept.indexOf(code), 1);
    }
    return kept;
  };
  const leafUnits = (group: RequirementGroup): { code: string; ects: number | null }[] =>
    "units" in group ? group.units : group.subgroups.flatMap(leafUnits);
  return pick(root);
}

/** Units of the top-level "all units" blocks: those no choice can replace. */
export function compulsoryCodes(diploma: Diploma): string[] {
  return diploma.requirement.subgroups.flatMap((group) => (group.kind === "allUnits" ? group.units.map((unit) => unit.code) : []));
}
