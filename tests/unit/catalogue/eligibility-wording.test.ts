import fc from "fast-check";
import type { Diploma, RequirementGroup, UnitRef } from "@/lib/catalogue/domain/model";
import { unitsOfRequirement } from "@/lib/catalogue/domain/model";
import { evaluateEligibility, type GroupVerdict, type UnitResult } from "@/lib/catalogue/domain/eligibility";
import { explainEligibility, failedLine, flattenPhrase, missingSentences, plainLabel, type BlockText, type EligibilityText, type Phrase } from "@/lib/catalogue/domain/eligibility-wording";
import { diplomaByKey, minimalSatisfyingCodes, passed, realCatalogue } from "./fixtures";

const catalogue = realCatalogue();
const licence = diplomaByKey(catalogue, "LG02501A");
const engineer = diplomaByKey(catalogue, "CYC9104A");

/** Real units of the catalogue, with their real titles and credits. */
function ref(code: string): UnitRef {
  const unit = catalogue.units.find((candidate) => candidate.code === code);
  if (!unit) throw new Error(`${code} is not in prisma/data/cnam-catalogue.json`);
  return { code: unit.code, title: unit.title, ects: unit.ects };
}

function diplomaOf(subgroups: RequirementGroup[], experience: Diploma["experience"] = { kind: "excluded" }): Diploma {
  return {
    key: "COMPOSITION",
    code: null,
    title: "Composition de test",
    kind: "test",
    level: null,
    requirement: { kind: "allGroups", label: "Composition de test", subgroups },
    experience,
    otherConditions: [],
    requestable: true,
    compositionVerified: true,
  };
}

/** Léa Petit's results in the seed: the licence without ANG320, NFP107 failed with 8/20. */
const LEA: UnitResult[] = [
  ...["UTC501", "UTC502", "UTC503", "UTC504", "UTC505", "NFP121", "RSX101", "GDN100"].map((code) => passed(code, 12, 2023)),
  passed("NFP107", 8, 2023),
];
const LICENCE_COMPLETE = ["UTC501", "UTC502", "UTC503", "UTC504", "UTC505", "NFP121", "NFP107", "RSX101", "GDN100", "ANG320"];

function allText(text: EligibilityText): string {
  const phrases = (list: Phrase[]): string[] => list.flatMap((phrase) => [phrase.text, ...phrases(phrase.list ?? [])]);
  const blocks = (list: BlockText[]): string[] => list.flatMap((block) => [block.label, block.rule, ...block.units, ...blocks(block.children)]);
  return [text.complete ?? "", text.missingIntro ?? "", ...phrases(text.missing), ...text.failed, ...blocks(text.blocks), text.experience.text].join("\n");
}

function findBlock(blocks: BlockText[], label: string): BlockText | undefined {
  for (const block of blocks) {
    if (block.label === label) return block;
    const found = findBlock(block.children, label);
    if (found) return found;
  }
  return undefined;
}

describe("everything obtained", () => {
  test("no missing line at all, the completion said once, every block validated", () => {
    const text = explainEligibility(evaluateEligibility(licence, [...LICENCE_COMPLETE, "UAAL0T"].map((code) => passed(code))), "learner");
    expect(text.complete).toBe("Vous avez obtenu toutes les unités d'enseignement de ce diplôme.");
    expect(text.missingIntro).toBeNull();
    expect(text.missing).toEqual([]);
    expect(text.failed).toEqual([]);
    expect(text.blocks.map((block) => block.status)).toEqual(["done", "done", "done"]);
    expect(allText(text)).not.toMatch(/manque|à compléter|non obtenue/i);
    expect(text.experience).toEqual({
      met: true,
      text: "Votre expérience professionnelle est déjà validée : l'unité d'activité UAAL0T (accès direct en L3), qui l'atteste, est obtenue.",
    });
  });

  test.each(catalogue.diplomas.filter((diploma) => diploma.requestable).map((diploma) => [diploma.key, diploma] as const))(
    "%s: a minimal satisfying set leaves nothing missing",
    (_key, diploma) => {
      const verdict = evaluateEligibility(diploma, minimalSatisfyingCodes(diploma.requirement).map((code) => passed(code)));
      const text = explainEligibility(verdict, "learner");
      expect(verdict.missing).toEqual([]);
      expect(text.missingIntro).toBeNull();
      expect(text.complete).not.toBeNull();
    },
  );

  test("the staff audience says it without « vous »", () => {
    const text = explainEligibility(evaluateEligibility(licence, LICENCE_COMPLETE.map((code) => passed(code))), "staff");
    expect(text.complete).toBe("Toutes les unités d'enseignement du diplôme sont obtenues.");
    expect(text.experience.text).toMatch(/^L'expérience professionnelle reste à faire valider\. Une fois validée, elle apparaît dans ses résultats/);
    expect(allText(text)).not.toMatch(/\bvous\b|\bvos\b|\bvotre\b/i);
  });

  test("a diploma that cannot be requested is never said complete", () => {
    const flagged = diplomaByKey(catalogue, "CYC9101A");
    const everything = unitsOfRequirement(flagged.requirement).map((unit) => passed(unit.code));
    expect(explainEligibility(evaluateEligibility(flagged, everything), "learner").complete).toBeNull();
  });
});

describe("a choice already made is never missing", () => {
  test("three themes of the licence met: the two other themes are neither missing nor « à compléter », a failed unit of them does not matter", () => {
    const verdict = evaluateEligibility(licence, [...LICENCE_COMPLETE.map((code) => passed(code)), passed("NSY103", 7, 2022)]);
    const text = explainEligibility(verdict, "learner");
    expect(text.missing).toEqual([]);
    const themes = findBlock(text.blocks, "Unités d'enseignement des thèmes de L3");
    expect(themes?.status).toBe("done");
    expect(themes?.children.map((child) => child.label)).toEqual([
      "Conception et développement du logiciel",
      "Systèmes d'information et bases de données",
      "Réseaux, systèmes et multimédia",
    ]);
    expect(allText(text)).not.toMatch(/à compléter|Il vous manque/);
    expect(text.failed).toEqual(["NSY103 – Linux : principes et programmation : non obtenue (7/20 en 2022), sans conséquence : une autre unité compte à sa place"]);
  });

  test("a theme partly done under a choice already made has no status", () => {
    // RCP105 (6 credits) would meet its theme; UTC501 is not in a theme. A fourth theme half done:
    // a composition where one theme asks 12 credits and holds a 6-credit unit obtained.
    const diploma = diplomaOf([
      {
        kind: "chooseSubgroups",
        label: "UE des thèmes",
        count: 1,
        subgroups: [
          { kind: "chooseEcts", label: "Modélisation", ects: 6, units: [ref("RCP105"), ref("RCP101")] },
          { kind: "chooseEcts", label: "Systèmes", ects: 12, units: [ref("NSY103"), ref("NFP107")] },
        ],
      },
    ]);
    const text = explainEligibility(evaluateEligibility(diploma, [passed("RCP105"), passed("NSY103")]), "learner");
    expect(text.missing).toEqual([]);
    expect(text.blocks[0]?.children.map((child) => [child.label, child.status])).toEqual([
      ["Modélisation", "done"],
      ["Systèmes", null],
    ]);
  });
});

describe("failed units", () => {
  test("a compulsory unit failed is named by its title, with its grade, in what is missing and among the failed units", () => {
    const results = [...LICENCE_COMPLETE.filter((code) => code !== "ANG320").map((code) => passed(code)), passed("ANG320", 8, 2024)];
    const verdict = evaluateEligibility(licence, results);
    const text = explainEligibility(verdict, "learner");
    expect(text.missingIntro).toBe("Il vous manque :");
    expect(text.missing).toEqual([{ text: "Anglais professionnel (ANG320) – non obtenue (8/20 en 2024)" }]);
    expect(text.failed).toEqual(["ANG320 – Anglais professionnel : non obtenue (8/20 en 2024)"]);
    expect(verdict.missing).toEqual(["Anglais professionnel (ANG320) – non obtenue (8/20 en 2024)"]);
  });

  test("the latest attempt is reported; a grade with a decimal is written the French way", () => {
    const results = [...LICENCE_COMPLETE.filter((code) => code !== "ANG320").map((code) => passed(code)), passed("ANG320", 9.5, 2023), passed("ANG320", 4, 2021)];
    expect(explainEligibility(evaluateEligibility(licence, results), "learner").failed).toEqual(["ANG320 – Anglais professionnel : non obtenue (9,5/20 en 2023)"]);
  });

  test("a unit failed then passed is not failed", () => {
    const results = [...LICENCE_COMPLETE.map((code) => passed(code, 12, 2024)), passed("ANG320", 8, 2022)];
    const verdict = evaluateEligibility(licence, results);
    expect(verdict.failed).toEqual([]);
    expect(explainEligibility(verdict, "learner").failed).toEqual([]);
  });

  test("a failed result without a grade says only the year", () => {
    expect(failedLine({ code: "ANG320", title: "Anglais professionnel", grade: null, year: 2024, stillNeeded: true })).toBe("ANG320 – Anglais professionnel : non obtenue (en 2024)");
  });

  test("a failed experience unit is listed while the experience is still to validate", () => {
    const verdict = evaluateEligibility(licence, [...LICENCE_COMPLETE.map((code) => passed(code)), passed("UAAL0T", 8, 2025)]);
    expect(explainEligibility(verdict, "learner").failed).toEqual(["UAAL0T : non obtenue (8/20 en 2025)"]);
  });
});

describe("a choice among several", () => {
  const verdict = evaluateEligibility(licence, LEA);
  const text = explainEligibility(verdict, "learner");

  test("Léa: the English, then one unit to choose in one of the three themes not met, the failed NFP107 marked", () => {
    expect(text.missingIntro).toBe("Il vous manque :");
    expect(text.missing).toEqual([
      { text: "Anglais professionnel (ANG320)" },
      {
        text: "Une unité au choix parmi les suivantes :",
        list: [
          {
            text: "Systèmes d'information et bases de données :",
            list: [
              { text: "Méthodologies des systèmes d'information (NFE108)" },
              { text: "Systèmes de gestion de bases de données (NFP107) – non obtenue (8/20 en 2023)" },
              { text: "Cybersécurité : référentiel, objectifs et déploiement (SEC101)" },
              { text: "Systèmes d'information web (NFE114)" },
            ],
          },
          {
            text: "Architecture et intégration des systèmes informatiques :",
            list: [
              { text: "Linux : principes et programmation (NSY103)" },
              { text: "Architectures des systèmes informatiques (NSY104)" },
              { text: "Applications réparties (NSY014)" },
              { text: "Menaces informatiques et codes malveillants : analyse et lutte (SEC102)" },
              { text: "Systèmes d'exploitation : principes, programmation et virtualisation (SMB101)" },
            ],
          },
          {
            text: "Modélisation, optimisation informatique :",
            list: [{ text: "Modélisation, optimisation, complexité et algorithmes (RCP105)" }, { text: "Recherche opérationnelle et aide à la décision (RCP101)" }],
          },
        ],
      },
    ]);
    expect(text.failed).toEqual(["NFP107 – Systèmes de gestion de bases de données : non obtenue (8/20 en 2023)"]);
  });

  test("the themes already met are validated, the block is « à compléter », no contradiction with what is missing", () => {
    const themes = findBlock(text.blocks, "Unités d'enseignement des thèmes de L3");
    expect(themes).toMatchObject({ status: "todo", rule: "À choisir : trois des cinq ensembles d'unités proposés, pour 18 crédits européens (ECTS) au total." });
    expect(themes?.children.map((child) => [child.label, child.status, child.units])).toEqual([
      ["Conception et développement du logiciel", "done", ["Programmation avancée (NFP121) : obtenue en 2023 (12/20)"]],
      ["Réseaux, systèmes et multimédia", "done", ["Réseaux et protocoles pour l'Internet (RSX101) : obtenue en 2023 (12/20)"]],
    ]);
    expect(text.complete).toBeNull();
  });

  test("the one-line form (start refusals, staff summary) names each unit with its code", () => {
    expect(verdict.missing).toHaveLength(2);
    expect(verdict.missing[0]).toBe("Anglais professionnel (ANG320)");
    expect(verdict.missing[1]).toMatch(
      /^Une unité au choix parmi les suivantes : Systèmes d'information et bases de données : Méthodologies des systèmes d'information \(NFE108\), Systèmes de gestion de bases de données \(NFP107\) – non obtenue \(8\/20 en 2023\), .* ; Architecture et intégration des systèmes informatiques : .* ; Modélisation, optimisation informatique : Modélisation, optimisation, complexité et algorithmes \(RCP105\), Recherche opérationnelle et aide à la décision \(RCP101\)$/,
    );
  });

  test("two themes short: two units, in two different themes", () => {
    const twoShort = evaluateEligibility(licence, LEA.filter((result) => result.unitCode !== "RSX101"));
    const [, themes] = explainEligibility(twoShort, "learner").missing;
    expect(themes?.text).toBe("Deux unités au choix parmi les suivantes, sous deux intitulés différents :");
    expect(themes?.list?.map((choice) => choice.text)).toEqual([
      "Systèmes d'information et bases de données :",
      "Architecture et intégration des systèmes informatiques :",
      "Réseaux, systèmes et multimédia :",
      "Modélisation, optimisation informatique :",
    ]);
  });

  test("options made of several units: each option with what it still needs", () => {
    const diploma = diplomaOf([
      {
        kind: "oneOf",
        label: "Option (un bloc parmi deux)",
        subgroups: [
          { kind: "allUnits", label: "Option réseaux", units: [ref("RSX101"), ref("RSX102")] },
          { kind: "allUnits", label: "Option systèmes", units: [ref("NSY103"), ref("NSY104")] },
        ],
      },
    ]);
    const text = explainEligibility(evaluateEligibility(diploma, [passed("RSX101"), passed("NSY104", 6, 2024)]), "learner");
    expect(text.missing).toEqual([
      {
        text: "L'un des ensembles d'unités suivants, au choix :",
        list: [
          { text: "Option réseaux :", list: [{ text: "Technologies pour les applications en réseau (RSX102)" }] },
          { text: "Option systèmes :", list: [{ text: "Linux : principes et programmation (NSY103)" }, { text: "Architectures des systèmes informatiques (NSY104) – non obtenue (6/20 en 2024)" }] },
        ],
      },
    ]);
    expect(text.blocks[0]?.label).toBe("Option (un ensemble d'unités parmi deux)");
    expect(text.blocks[0]?.rule).toBe("À choisir : un des deux ensembles d'unités proposés.");
  });

  test("a number of units to choose", () => {
    const diploma = diplomaOf([{ kind: "chooseUnits", label: "UE au choix", count: 2, units: [ref("RCP105"), ref("RCP101"), ref("NSY103")] }]);
    const text = explainEligibility(evaluateEligibility(diploma, [passed("RCP101")]), "learner");
    expect(text.missing).toEqual([
      { text: "Une unité au choix parmi :", list: [{ text: "Modélisation, optimisation, complexité et algorithmes (RCP105)" }, { text: "Linux : principes et programmation (NSY103)" }] },
    ]);
    expect(text.blocks[0]).toMatchObject({ label: "Unités d'enseignement au choix", rule: "Deux unités au choix parmi trois." });
  });
});

describe("credits", () => {
  test("units of different credits: the credits to obtain, explained at their first mention only", () => {
    const diploma = diplomaOf([
      { kind: "chooseEcts", label: "Ouverture", ects: 9, units: [ref("UTC501"), ref("NFP121"), ref("GDN100")] },
      { kind: "chooseEcts", label: "Approfondissement", ects: 6, units: [ref("RCP105"), ref("RCP101")] },
    ]);
    const text = explainEligibility(evaluateEligibility(diploma, [passed("UTC501")]), "learner");
    expect(text.missing).toEqual([
      {
        text: "6 crédits européens (ECTS) au choix parmi :",
        list: [{ text: "Programmation avancée (NFP121)" }, { text: "Management de projet (GDN100)" }],
      },
      {
        text: "Une unité au choix parmi les suivantes, pour 6 crédits :",
        list: [{ text: "Modélisation, optimisation, complexité et algorithmes (RCP105)" }, { text: "Recherche opérationnelle et aide à la décision (RCP101)" }],
      },
    ]);
    expect(text.blocks.map((block) => block.rule)).toEqual(["9 crédits au choix parmi trois unités.", "6 crédits au choix parmi deux unités."]);
    expect(allText(text).match(/ECTS/g)).toHaveLength(1);
  });

  test("engineer: the themes met but 18 credits short, the credits beyond them are asked from the units not yet counted", () => {
    const cyc9101 = diplomaByKey(catalogue, "CYC9101A");
    const themesGroup = cyc9101.requirement.subgroups.find((group) => group.label === "UE thématiques (cycle préparatoire)");
    if (!themesGroup) throw new Error("missing themes");
    const themes = { ...diplomaOf([themesGroup]) };
    const text = explainEligibility(evaluateEligibility(themes, ["NFE108", "NSY103", "RSX101"].map((code) => passed(code))), "learner");
    expect(text.missing).toHaveLength(1);
    expect(text.missing[0]?.text).toBe("18 crédits européens (ECTS) de plus, au choix parmi les unités suivantes (18 obtenus sur les 36 demandés) :");
    expect(text.missing[0]?.list?.map((unit) => unit.text)).not.toContain("Méthodologies des systèmes d'information (NFE108)");
    expect(text.blocks[0]?.label).toBe("Unités d'enseignement thématiques (cycle préparatoire)");
  });

  test("no credit total beyond the themes is asked when the themes still to choose bring it", () => {
    // Léa: 12 of 18 credits, one theme of 6 credits to choose: no separate line for the credits.
    const verdict = evaluateEligibility(licence, LEA);
    expect(verdict.missingItems.map((item) => item.kind)).toEqual(["unit", "chooseGroups"]);
  });
});

describe("the experience", () => {
  test("one experience unit among those of the access routes", () => {
    const text = explainEligibility(evaluateEligibility(licence, LEA), "learner");
    expect(text.experience).toEqual({
      met: false,
      text: "Votre expérience professionnelle reste à faire valider. Une fois validée, elle apparaît dans vos résultats comme une unité d'activité (une unité qui atteste une expérience professionnelle) : UAAL0T (accès direct en L3) ou UAAL0S (parcours complet L1–L3).",
    });
  });

  test("every experience unit needed: the ones still to obtain, then both validated", () => {
    expect(explainEligibility(evaluateEligibility(engineer, [passed("UAEP04"), passed("UAEP03")]), "staff").experience).toEqual({
      met: true,
      text: "L'expérience professionnelle est déjà validée : les unités d'activité UAEP04 et UAEP03, qui l'attestent, sont obtenues.",
    });
    const verdict = evaluateEligibility(engineer, [passed("UAEP04")]);
    expect(explainEligibility(verdict, "learner").experience.text).toBe(
      "Votre expérience professionnelle reste à faire valider. Elle apparaît dans vos résultats comme deux unités d'activité (des unités qui attestent une expérience professionnelle), les deux sont nécessaires ; il reste à obtenir : UAEP03.",
    );
  });

  test("no experience analysis, or a jury decision without unit", () => {
    const block: RequirementGroup[] = [{ kind: "allUnits", label: "Tronc commun", units: [ref("UTC501")] }];
    expect(explainEligibility(evaluateEligibility(diplomaOf(block), [passed("UTC501")]), "learner").experience).toEqual({
      met: true,
      text: "Ce diplôme ne demande pas d'analyse de l'expérience professionnelle.",
    });
    const jury = diplomaOf(block, { kind: "unspecified", unitCodes: [], unitsNeeded: "ALL", ruleText: null, alternativeText: null });
    expect(explainEligibility(evaluateEligibility(jury, [passed("UTC501")]), "learner").experience).toEqual({
      met: false,
      text: "Votre expérience professionnelle reste à faire valider par le jury.",
    });
  });

  test("units obtained otherwise than by an exam say how, the acronym explained once", () => {
    const results: UnitResult[] = LICENCE_COMPLETE.map((code, index) => ({ unitCode: code, year: 2020, obtainedBy: index < 2 ? "VES" : index < 4 ? "VAE" : "EQUIVALENCE" }));
    const units = explainEligibility(evaluateEligibility(licence, results), "learner").blocks[0]?.units;
    expect(units).toEqual([
      "Outils mathématiques pour Informatique (UTC501) : validée en 2020 par VES (validation des études supérieures)",
      "Principes fondamentaux des Systèmes d'exploitation (UTC502) : validée en 2020 par VES",
      "Paradigmes de programmation (UTC503) : validée en 2020 par VAE (validation des acquis de l'expérience)",
      "Systèmes d'Information et Bases de Données (UTC504) : validée en 2020 par VAE",
      "Introduction à la cyberstructure de l'internet : réseaux et sécurité (UTC505) : obtenue par équivalence en 2020",
    ]);
  });
});

describe("no internal term", () => {
  test("block names lose their acronyms", () => {
    expect(plainLabel("UE des thèmes de L3")).toBe("Unités d'enseignement des thèmes de L3");
    expect(plainLabel("Expérience professionnelle (une UA parmi deux)")).toBe("Expérience professionnelle (une unité d'activité (expérience professionnelle) parmi deux)");
    expect(plainLabel("Option (un bloc parmi trois)")).toBe("Option (un ensemble d'unités parmi trois)");
    expect(plainLabel("Tronc commun UTC")).toBe("Tronc commun UTC");
  });

  test("flattening a phrase keeps every unit", () => {
    expect(flattenPhrase({ text: "Une unité au choix parmi :", list: [{ text: "A (X)" }, { text: "B (Y)" }] })).toBe("Une unité au choix parmi : A (X), B (Y)");
    expect(missingSentences([])).toEqual([]);
  });

  const requestable = catalogue.diplomas.filter((diploma) => diploma.requestable);
  test.each(requestable.map((diploma) => [diploma.key, diploma] as const))("%s: property: whatever the results, no jargon and credits explained once", (_key, diploma) => {
    const codes = [...unitsOfRequirement(diploma.requirement).map((unit) => unit.code), ...(diploma.experience.kind === "excluded" ? [] : diploma.experience.unitCodes)];
    const result = fc.record({
      unitCode: fc.constantFrom(...codes),
      year: fc.integer({ min: 2015, max: 2025 }),
      grade: fc.integer({ min: 0, max: 20 }),
      obtainedBy: fc.constantFrom("PASSED" as const, "PASSED" as const, "EQUIVALENCE" as const, "VES" as const, "VAE" as const),
    });
    fc.assert(
      fc.property(fc.array(result, { maxLength: 40 }), (results) => {
        const verdict = evaluateEligibility(diploma, results);
        for (const audience of ["learner", "staff"] as const) {
          const text = explainEligibility(verdict, audience);
          const all = allText(text);
          expect(all).not.toMatch(/\bUE\b|\bUA\b|\bblocs?\b|ECTS comptés|Manque|undefined|null|NaN/);
          expect((all.match(/ECTS/g) ?? []).length).toBeLessThanOrEqual(1);
          expect((all.match(/ECTS/g) ?? []).length).toBe((all.match(/crédits? européens? \(ECTS\)/g) ?? []).length);
          // Nothing missing exactly when every unit is obtained; a failed unit is never obtained.
          expect(text.missingIntro === null).toBe(verdict.missingItems.length === 0);
          expect(verdict.missingItems.length === 0).toBe(verdict.requirement.satisfied);
        }
        const obtained = new Set(results.filter((entry) => entry.obtainedBy !== "PASSED" || entry.grade >= 10).map((entry) => entry.unitCode));
        expect(verdict.failed.filter((attempt) => obtained.has(attempt.code))).toEqual([]);
        // A group met never says something is missing, at any depth.
        const groups = (group: GroupVerdict): GroupVerdict[] => [group, ...group.children.flatMap(groups)];
        for (const group of groups(verdict.requirement)) expect({ label: group.label, missing: group.satisfied ? group.missing : [] }).toEqual({ label: group.label, missing: [] });
        // A failed unit « sans conséquence » is offered nowhere in what is missing.
        const offered = allText(explainEligibility(verdict, "learner"));
        for (const attempt of verdict.failed.filter((entry) => !entry.stillNeeded)) expect(offered).not.toContain(`(${attempt.code}) – non obtenue`);
      }),
      { numRuns: 40 },
    );
  });
});
