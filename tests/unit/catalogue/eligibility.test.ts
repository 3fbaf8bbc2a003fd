import fc from "fast-check";
import type { Diploma, RequirementGroup } from "@/lib/catalogue/domain/model";
import { unitsOfRequirement } from "@/lib/catalogue/domain/model";
import { COMPOSITION_NOT_VERIFIED, evaluateEligibility, isObtained, type GroupVerdict, type UnitResult } from "@/lib/catalogue/domain/eligibility";
import { compulsoryCodes, diplomaByKey, minimalSatisfyingCodes, passed, realCatalogue } from "./fixtures";

const catalogue = realCatalogue();
const requestable = catalogue.diplomas.filter((diploma) => diploma.requestable);
const licence = diplomaByKey(catalogue, "LG02501A");

function experienceCodes(diploma: Diploma): string[] {
  return diploma.experience.kind === "excluded" ? [] : diploma.experience.unitCodes;
}

function allCountedCodes(verdict: GroupVerdict): string[] {
  return verdict.children.length === 0 ? verdict.countedUnits.map((unit) => unit.code) : verdict.children.flatMap(allCountedCodes);
}

function findGroup(verdict: GroupVerdict, label: string): GroupVerdict | undefined {
  if (verdict.label === label) return verdict;
  for (const child of verdict.children) {
    const found = findGroup(child, label);
    if (found) return found;
  }
  return undefined;
}

const unit = (code: string, ects = 6) => ({ code, title: null, ects });

function syntheticDiploma(subgroups: RequirementGroup[], experience: Diploma["experience"] = { kind: "excluded" }): Diploma {
  return {
    key: "TEST",
    code: "TEST",
    title: "Diplôme de test",
    kind: "test",
    level: null,
    requirement: { kind: "allGroups", label: "Diplôme de test", subgroups },
    experience,
    otherConditions: [],
    requestable: true,
    compositionVerified: true,
  };
}

describe.each(requestable.map((diploma) => [diploma.key, diploma] as const))("%s", (_key, diploma) => {
  const minimal = minimalSatisfyingCodes(diploma.requirement);

  test("a minimal satisfying set of units obtains every unit", () => {
    const verdict = evaluateEligibility(diploma, minimal.map((code) => passed(code)));
    expect(verdict.missing).toEqual([]);
    expect(verdict.allUnitsObtained).toBe(true);
  });

  test("removing any unit of the minimal set breaks it", () => {
    for (const removed of minimal) {
      const verdict = evaluateEligibility(diploma, minimal.filter((code) => code !== removed).map((code) => passed(code)));
      expect({ removed, allUnitsObtained: verdict.allUnitsObtained }).toEqual({ removed, allUnitsObtained: false });
    }
  });

  test("removing a compulsory unit names it in the missing message", () => {
    const compulsory = compulsoryCodes(diploma);
    expect(compulsory.length).toBeGreaterThan(0);
    for (const removed of compulsory) {
      const verdict = evaluateEligibility(diploma, minimal.filter((code) => code !== removed).map((code) => passed(code)));
      expect(verdict.allUnitsObtained).toBe(false);
      expect(verdict.missing.join("\n")).toContain(removed);
    }
  });

  test("with the experience UAs too, the learner is eligible for delivery", () => {
    const verdict = evaluateEligibility(diploma, [...minimal, ...experienceCodes(diploma)].map((code) => passed(code)));
    expect(verdict).toMatchObject({ allUnitsObtained: true, eligibleForDelivery: true, needsJointExperienceAnalysis: false });
    expect(verdict.experience.state).toBe("validated");
  });

  const diplomaUnits = unitsOfRequirement(diploma.requirement).map((ref) => ref.code);
  const resultArbitrary = fc.record({
    unitCode: fc.constantFrom(...diplomaUnits, ...experienceCodes(diploma), "ZZZ999"),
    year: fc.integer({ min: 2000, max: 2025 }),
    grade: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
    obtainedBy: fc.constantFrom("PASSED" as const, "EQUIVALENCE" as const, "VES" as const, "VAE" as const),
  });

  test("property: adding results never makes an eligible learner ineligible", () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 40 }), (extra) => {
        const base = minimal.map((code) => passed(code));
        const verdict = evaluateEligibility(diploma, [...base, ...extra]);
        expect(verdict.allUnitsObtained).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  test("property: the verdict does not depend on the order of the results", () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 60 }), fc.array(fc.double({ noNaN: true }), { minLength: 60, maxLength: 60 }), (results, keys) => {
        const shuffled = results.map((result, index) => ({ result, key: keys[index] ?? 0 })).sort((a, b) => a.key - b.key).map(({ result }) => result);
        expect(evaluateEligibility(diploma, shuffled)).toEqual(evaluateEligibility(diploma, results));
      }),
      { numRuns: 50 },
    );
  });

  test("property: a unit is counted in one group at most, and only if obtained", () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 60 }), (results) => {
        const counted = allCountedCodes(evaluateEligibility(diploma, results).requirement);
        expect(new Set(counted).size).toBe(counted.length);
        const obtained = new Set(results.filter(isObtained).map((result) => result.unitCode));
        expect(counted.every((code) => obtained.has(code))).toBe(true);
        expect(counted.some((code) => experienceCodes(diploma).includes(code))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  test("property: adding a result never turns allUnitsObtained from true to false", () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 80 }), resultArbitrary, (results, extra) => {
        const before = evaluateEligibility(diploma, results);
        const after = evaluateEligibility(diploma, [...results, extra]);
        if (before.allUnitsObtained) expect(after.allUnitsObtained).toBe(true);
        if (before.eligibleForDelivery) expect(after.eligibleForDelivery).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe("diplomas that cannot be requested", () => {
  test.each(catalogue.diplomas.filter((diploma) => !diploma.requestable).map((diploma) => [diploma.key, diploma] as const))("%s", (_key, diploma) => {
    const everything = unitsOfRequirement(diploma.requirement).map((ref) => passed(ref.code));
    const verdict = evaluateEligibility(diploma, everything);
    expect(verdict).toMatchObject({ requestable: false, allUnitsObtained: false, eligibleForDelivery: false, needsJointExperienceAnalysis: false });
    expect(verdict.notRequestableReason).toMatch(/adressez-vous à votre centre/);
  });
});

describe("how a unit is obtained", () => {
  const only = (result: UnitResult) => isObtained(result);

  test("a passed unit needs 10/20", () => {
    expect(only(passed("UTC501", 9.99))).toBe(false);
    expect(only(passed("UTC501", 10))).toBe(true);
    expect(only(passed("UTC501", 20))).toBe(true);
    expect(only({ unitCode: "UTC501", year: 2024, obtainedBy: "PASSED" })).toBe(false);
    expect(only(passed("UTC501", 21))).toBe(false);
  });

  test("equivalence, VES and VAE count without a grade", () => {
    for (const obtainedBy of ["EQUIVALENCE", "VES", "VAE"] as const) expect(only({ unitCode: "UTC501", year: 2024, obtainedBy })).toBe(true);
  });

  test("a failed attempt is ignored when another attempt passed", () => {
    const minimal = minimalSatisfyingCodes(licence.requirement);
    const results = [...minimal.map((code) => passed(code)), passed("UTC501", 6, 2019)];
    expect(evaluateEligibility(licence, results).allUnitsObtained).toBe(true);
    const failedOnly = [...minimal.filter((code) => code !== "UTC501").map((code) => passed(code)), passed("UTC501", 6, 2019)];
    const verdict = evaluateEligibility(licence, failedOnly);
    expect(verdict.allUnitsObtained).toBe(false);
    expect(verdict.missingItems).toEqual([
      { kind: "unit", unit: { code: "UTC501", title: "Outils mathématiques pour Informatique", ects: 3, failed: { code: "UTC501", title: "Outils mathématiques pour Informatique", grade: 6, year: 2019, stillNeeded: true } } },
    ]);
    expect(verdict.failed).toEqual([{ code: "UTC501", title: "Outils mathématiques pour Informatique", grade: 6, year: 2019, stillNeeded: true }]);
  });

  test("units obtained by equivalence, VES or VAE satisfy the diploma and are reported with their origin", () => {
    const minimal = minimalSatisfyingCodes(licence.requirement);
    const origins = ["EQUIVALENCE", "VES", "VAE"] as const;
    const results: UnitResult[] = minimal.map((code, index) => ({ unitCode: code, year: 2020, obtainedBy: origins[index % 3] ?? "VAE" }));
    const verdict = evaluateEligibility(licence, results);
    expect(verdict.allUnitsObtained).toBe(true);
    expect(findGroup(verdict.requirement, "Tronc commun UTC")?.countedUnits[0]).toMatchObject({ code: "UTC501", obtainedBy: "EQUIVALENCE", ects: 3 });
  });
});

describe("LG02501A, licence informatique", () => {
  const courseUnits = ["UTC501", "UTC502", "UTC503", "UTC504", "UTC505", "NFP119", "NFE108", "NSY103", "GDN100", "ANG320"];

  test("everything obtained, experience validated: eligible for delivery", () => {
    const verdict = evaluateEligibility(licence, [...courseUnits, "UAAL0T"].map((code) => passed(code)));
    expect(verdict).toMatchObject({ allUnitsObtained: true, eligibleForDelivery: true, needsJointExperienceAnalysis: false, missing: [] });
    expect(verdict.experience).toMatchObject({ state: "validated", obtainedUnitCodes: ["UAAL0T"] });
  });

  test("the other experience UA (full L1-L3 route) validates the experience as well", () => {
    const verdict = evaluateEligibility(licence, [...courseUnits, "UAAL0S"].map((code) => passed(code)));
    expect(verdict.eligibleForDelivery).toBe(true);
  });

  test("two units missing: both are named", () => {
    const verdict = evaluateEligibility(licence, courseUnits.filter((code) => code !== "UTC502" && code !== "NFE108").map((code) => passed(code)));
    expect(verdict.allUnitsObtained).toBe(false);
    expect(verdict.eligibleForDelivery).toBe(false);
    expect(verdict.missingItems).toHaveLength(2);
    expect(verdict.missingItems[0]).toMatchObject({ kind: "unit", unit: { code: "UTC502", failed: null } });
    const themes = verdict.missingItems[1];
    if (themes?.kind !== "chooseGroups") throw new Error(`expected a choice of themes, got ${JSON.stringify(themes)}`);
    expect(themes.count).toBe(1);
    // NSY103 is obtained and its theme met, so that theme is no longer offered.
    expect(themes.options.map((choice) => choice.label)).toEqual([
      "Systèmes d'information et bases de données",
      "Réseaux, systèmes et multimédia",
      "Modélisation, optimisation informatique",
    ]);
    expect(themes.options[0]?.missing).toEqual([
      {
        kind: "chooseCredits",
        ects: 6,
        unitCount: 1,
        among: ["NFE108", "NFP107", "SEC101", "NFE114"].map((code) => expect.objectContaining({ code, failed: null })),
      },
    ]);
  });

  test("every unit obtained but no validated experience: a joint experience analysis is needed", () => {
    const verdict = evaluateEligibility(licence, courseUnits.map((code) => passed(code)));
    expect(verdict).toMatchObject({ allUnitsObtained: true, eligibleForDelivery: false, needsJointExperienceAnalysis: true });
    expect(verdict.experience).toEqual({
      state: "missing",
      unitCodes: ["UAAL0T", "UAAL0S"],
      unitsNeeded: "ANY",
      obtainedUnitCodes: [],
      routeLabels: {
        UAAL0T: "Accès direct en L3 : 1 an d'expérience dans la spécialité",
        UAAL0S: "Parcours complet L1–L3 : 3 ans d'expérience dont 1 an dans la spécialité",
      },
    });
  });

  test("nested choice: three themes of the five, each with its 6 ECTS", () => {
    const twoThemes = courseUnits.filter((code) => code !== "NSY103");
    const themes = findGroup(evaluateEligibility(licence, twoThemes.map((code) => passed(code))).requirement, "UE des thèmes de L3");
    expect(themes?.satisfied).toBe(false);
    expect(themes?.children.filter((child) => child.satisfied).map((child) => child.label)).toEqual([
      "Conception et développement du logiciel",
      "Systèmes d'information et bases de données",
    ]);
    // Two units of the same theme do not make two themes.
    const sameTheme = findGroup(evaluateEligibility(licence, [...twoThemes, "NFP121"].map((code) => passed(code))).requirement, "UE des thèmes de L3");
    expect(sameTheme?.satisfied).toBe(false);
    const otherTheme = findGroup(evaluateEligibility(licence, [...twoThemes, "RCP101"].map((code) => passed(code))).requirement, "UE des thèmes de L3");
    expect(otherTheme?.satisfied).toBe(true);
  });
});

describe("compositions", () => {
  test("CYC9101A, whose transcription the catalogue flags as possibly incomplete, cannot be requested online", () => {
    const flagged = diplomaByKey(catalogue, "CYC9101A");
    expect(flagged.requestable).toBe(false);
    expect(flagged.notRequestableReason).toMatch(/connue que partiellement/);
    const verdict = evaluateEligibility(flagged, minimalSatisfyingCodes(flagged.requirement).map((code) => passed(code)));
    expect(verdict).toMatchObject({ allUnitsObtained: false, eligibleForDelivery: false, needsJointExperienceAnalysis: false });
  });

  test("the verdict carries whether the composition was re-checked by a person", () => {
    const licence = diplomaByKey(catalogue, "LG02501A");
    expect(licence.compositionVerified).toBe(false);
    expect(evaluateEligibility(licence, []).compositionVerified).toBe(false);
    expect(evaluateEligibility({ ...licence, compositionVerified: true }, []).compositionVerified).toBe(true);
    expect(COMPOSITION_NOT_VERIFIED).toMatch(/^Composition à confirmer avec votre centre/);
  });
});

describe("engineer diplomas", () => {
  const engineer = diplomaByKey(catalogue, "CYC9101A");
  const minimal = minimalSatisfyingCodes(engineer.requirement);

  test("the experience needs both UAs (admission, then thesis)", () => {
    // CYC9101A's composition is flagged incomplete, so not requestable: a sibling parcours.
    const complete = diplomaByKey(catalogue, "CYC9104A");
    const completeMinimal = minimalSatisfyingCodes(complete.requirement);
    const withFirst = evaluateEligibility(complete, [...completeMinimal, "UAEP04"].map((code) => passed(code)));
    expect(withFirst.experience).toMatchObject({ state: "missing", unitsNeeded: "ALL", obtainedUnitCodes: ["UAEP04"] });
    expect(withFirst.needsJointExperienceAnalysis).toBe(true);
    const withBoth = evaluateEligibility(complete, [...completeMinimal, "UAEP04", "UAEP03"].map((code) => passed(code)));
    expect(withBoth.experience.state).toBe("validated");
    expect(withBoth.eligibleForDelivery).toBe(true);
  });

  test("nested choice with a credit total: 3 themes of 4 and 36 ECTS across them", () => {
    const threeThemesOnly = ["NFE108", "NSY103", "RSX101"];
    const themesGroup = engineer.requirement.subgroups.find((group) => group.label === "UE thématiques (cycle préparatoire)");
    if (!themesGroup) throw new Error("missing themes");
    const themeCodes = unitsOfRequirement(themesGroup).map((ref) => ref.code);
    const others = minimal.filter((code) => !themeCodes.includes(code));
    const verdict = evaluateEligibility(engineer, [...others, ...threeThemesOnly].map((code) => passed(code)));
    const themes = findGroup(verdict.requirement, "UE thématiques (cycle préparatoire)");
    expect(themes?.satisfied).toBe(false);
    // The three themes are met: only the credits are missing, from the units not yet counted.
    expect(themes?.missing).toEqual([{ kind: "moreCredits", ects: 18, counted: 18, required: 36, among: expect.any(Array) }]);
    const offered = themes?.missing[0]?.kind === "moreCredits" ? themes.missing[0].among.map((unit) => unit.code) : [];
    expect(offered).not.toContain("NFE108");
    expect(offered).toEqual(themeCodes.filter((code) => !threeThemesOnly.includes(code)).filter((code, index, all) => all.indexOf(code) === index));
  });

  test("a unit listed in a theme and in a speciality group is counted where it is needed", () => {
    const old = catalogue.diplomas.find((diploma) => diploma.code === "CYC9102A" && diploma.version !== undefined);
    if (!old) throw new Error("missing old CYC9102A");
    const oldMinimal = minimalSatisfyingCodes(old.requirement);
    // RCP105 is listed in "Thème 1" and in "UE de spécialité (1)".
    expect(oldMinimal).toContain("RCP105");
    const verdict = evaluateEligibility(old, oldMinimal.map((code) => passed(code)));
    expect(verdict.allUnitsObtained).toBe(true);
    const counted = allCountedCodes(verdict.requirement);
    expect(counted.filter((code) => code === "RCP105")).toHaveLength(1);
  });
});

describe("a unit counts once", () => {
  const twoChoices = syntheticDiploma([
    { kind: "chooseEcts", label: "Choix 1", ects: 6, units: [unit("AAA101"), unit("BBB101")] },
    { kind: "chooseEcts", label: "Choix 2", ects: 6, units: [unit("AAA101"), unit("CCC101")] },
  ]);

  test("a unit listed in two choice groups cannot satisfy both", () => {
    const verdict = evaluateEligibility(twoChoices, [passed("AAA101")]);
    expect(verdict.requirement.children.filter((child) => child.satisfied)).toHaveLength(1);
    expect(verdict.allUnitsObtained).toBe(false);
    expect(verdict.missingItems).toEqual([{ kind: "chooseCredits", ects: 6, unitCount: 1, among: [{ code: "CCC101", title: null, ects: 6, failed: null }] }]);
  });

  test("the shared unit goes where it is needed", () => {
    expect(evaluateEligibility(twoChoices, [passed("AAA101"), passed("BBB101")]).allUnitsObtained).toBe(true);
    expect(evaluateEligibility(twoChoices, [passed("AAA101"), passed("CCC101")]).allUnitsObtained).toBe(true);
    const verdict = evaluateEligibility(twoChoices, [passed("CCC101"), passed("AAA101")]);
    expect(verdict.requirement.children.map((child) => child.countedUnits.map((counted) => counted.code))).toEqual([["AAA101"], ["CCC101"]]);
  });

  test("a unit shared by a compulsory block and a choice goes to the compulsory block when the choice has another", () => {
    const diploma = syntheticDiploma([
      { kind: "chooseUnits", label: "Deux UE au choix", count: 2, units: [unit("AAA101"), unit("BBB101"), unit("CCC101")] },
      { kind: "allUnits", label: "Obligatoire", units: [unit("AAA101")] },
    ]);
    expect(evaluateEligibility(diploma, ["AAA101", "BBB101", "CCC101"].map((code) => passed(code))).allUnitsObtained).toBe(true);
    const short = evaluateEligibility(diploma, ["AAA101", "BBB101"].map((code) => passed(code)));
    expect(short.allUnitsObtained).toBe(false);
    expect(short.missingItems).toEqual([{ kind: "chooseUnits", count: 1, among: [{ code: "CCC101", title: null, ects: 6, failed: null }] }]);
  });

  test("property: on a random two-group diploma, satisfied groups never exceed what distinct units allow", () => {
    const codes = ["AAA101", "BBB101", "CCC101", "DDD101"];
    fc.assert(
      fc.property(fc.subarray(codes), fc.subarray(codes, { minLength: 1 }), fc.subarray(codes, { minLength: 1 }), (obtained, first, second) => {
        const diploma = syntheticDiploma([
          { kind: "chooseUnits", label: "G1", count: 1, units: first.map((code) => unit(code)) },
          { kind: "chooseUnits", label: "G2", count: 1, units: second.map((code) => unit(code)) },
        ]);
        const verdict = evaluateEligibility(diploma, obtained.map((code) => passed(code)));
        const satisfied = verdict.requirement.children.filter((child) => child.satisfied).length;
        const usable = obtained.filter((code) => first.includes(code) || second.includes(code)).length;
        expect(satisfied).toBeLessThanOrEqual(usable);
        // The best assignment is found: both groups are met whenever a perfect matching exists.
        const matching = first.some((a) => obtained.includes(a) && second.some((b) => b !== a && obtained.includes(b)));
        expect(verdict.allUnitsObtained).toBe(matching);
      }),
    );
  });
});

describe("experience states", () => {
  const composition: RequirementGroup[] = [{ kind: "allUnits", label: "Bloc", units: [unit("AAA101")] }];

  test("excluded: the diploma is deliverable without an analysis", () => {
    const verdict = evaluateEligibility(syntheticDiploma(composition), [passed("AAA101")]);
    expect(verdict.experience.state).toBe("excluded");
    expect(verdict).toMatchObject({ eligibleForDelivery: true, needsJointExperienceAnalysis: false });
  });

  test("unspecified rule without UA: missing, to be analysed", () => {
    const verdict = evaluateEligibility(
      syntheticDiploma(composition, { kind: "unspecified", unitCodes: [], unitsNeeded: "ALL", ruleText: null, alternativeText: null }),
      [passed("AAA101")],
    );
    expect(verdict.experience).toMatchObject({ state: "missing", unitCodes: [] });
    expect(verdict.needsJointExperienceAnalysis).toBe(true);
  });

  test("an experience UA failed is not validated", () => {
    const verdict = evaluateEligibility(licence, [passed("UAAL0T", 8)]);
    expect(verdict.experience.state).toBe("missing");
    expect(verdict.needsJointExperienceAnalysis).toBe(false);
  });
});
