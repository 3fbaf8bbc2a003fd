import fc from "fast-check";
import { assessExperience, computeExperience, DAYS_PER_MONTH, durationInWords, routeProblem, type ExperienceEntry } from "@/lib/catalogue/domain/experience";
import type { ExperienceRule } from "@/lib/catalogue/domain/model";
import { diplomaByKey, realCatalogue } from "./fixtures";

function job(startDate: string, endDate: string, workingTimePercent = 100, inField = true): ExperienceEntry {
  return { employer: "Entreprise", jobTitle: "Développeur", startDate, endDate, workingTimePercent, inField, activities: "Développement" };
}

function totals(entries: ExperienceEntry[]) {
  const result = computeExperience(entries);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.totals;
}

const catalogue = realCatalogue();
const licenceRule = diplomaByKey(catalogue, "LG02501A").experience;
const engineerRule = diplomaByKey(catalogue, "CYC9104A").experience;
const rncpRule = catalogue.diplomas.find((diploma) => diploma.title === "Responsable de projets de formation")?.experience as ExperienceRule;

describe("full-time-equivalent months", () => {
  test("a full calendar year full time is 12 months", () => {
    expect(totals([job("2023-01-01", "2023-12-31")])).toMatchObject({ inFieldMonths: 12, outOfFieldMonths: 0, totalMonths: 12, inFieldDays: 365 });
    expect(totals([job("2024-01-01", "2024-12-31")]).inFieldMonths).toBe(12);
  });

  test("part time counts in proportion", () => {
    expect(totals([job("2023-01-01", "2023-12-31", 50)]).inFieldMonths).toBe(6);
    expect(totals([job("2023-01-01", "2023-12-31", 80)]).inFieldDays).toBeCloseTo(292);
  });

  test("overlapping jobs never count more than full time on a day", () => {
    expect(totals([job("2023-01-01", "2023-12-31"), job("2023-01-01", "2023-12-31")]).inFieldMonths).toBe(12);
    expect(totals([job("2023-01-01", "2023-12-31", 60), job("2023-07-01", "2023-12-31", 60)]).inFieldDays).toBeCloseTo(181 * 0.6 + 184);
  });

  test("two part-time jobs add up to full time", () => {
    expect(totals([job("2023-01-01", "2023-12-31", 50), job("2023-01-01", "2023-12-31", 50)]).inFieldMonths).toBe(12);
  });

  test("in-field work is counted first, out-of-field work fills the rest of the day", () => {
    const result = totals([job("2023-01-01", "2023-12-31", 60, true), job("2023-01-01", "2023-12-31", 60, false)]);
    expect(result.inFieldDays).toBeCloseTo(365 * 0.6);
    expect(result.outOfFieldDays).toBeCloseTo(365 * 0.4);
    expect(result.totalMonths).toBe(12);
    expect(totals([job("2023-01-01", "2023-12-31", 100, true), job("2023-01-01", "2023-12-31", 100, false)])).toMatchObject({ inFieldMonths: 12, outOfFieldMonths: 0 });
  });

  test("in and out of field are kept apart", () => {
    expect(totals([job("2020-01-01", "2020-12-31", 100, false), job("2021-01-01", "2021-12-31", 100, true)])).toMatchObject({ inFieldMonths: 12, outOfFieldMonths: 12, totalMonths: 24 });
  });

  test("both ends are included: a one-day job counts one day", () => {
    expect(totals([job("2024-02-29", "2024-02-29")]).inFieldDays).toBe(1);
    expect(totals([job("2024-01-31", "2024-02-01")]).inFieldDays).toBe(2);
    expect(totals([]).totalMonths).toBe(0);
  });

  test("months are days divided by the average month, rounded to the tenth", () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
    expect(totals([job("2024-01-01", "2024-03-01")]).inFieldMonths).toBe(Math.round((61 / 30.4375) * 10) / 10);
  });

  test("an end before the start, an impossible date or a working time out of 1–100 % is rejected", () => {
    expect(computeExperience([job("2023-01-01", "2023-12-31"), job("2023-05-02", "2023-05-01")])).toEqual({
      ok: false,
      errors: [{ index: 1, field: "endDate", message: "La date de fin précède la date de début." }],
    });
    const invalid = computeExperience([job("2023-02-30", "2023-03-01"), job("2023-01-01", "01/02/2023"), job("2023-01-01", "2023-02-01", 0), job("2023-01-01", "2023-02-01", 101)]);
    expect(invalid.ok ? [] : invalid.errors.map(({ index, field }) => [index, field])).toEqual([
      [0, "startDate"],
      [1, "endDate"],
      [2, "workingTimePercent"],
      [3, "workingTimePercent"],
    ]);
  });

  const entryArbitrary = fc
    .record({
      start: fc.integer({ min: 0, max: 3000 }),
      length: fc.integer({ min: 0, max: 800 }),
      percent: fc.integer({ min: 1, max: 100 }),
      inField: fc.boolean(),
    })
    .map(({ start, length, percent, inField }) => {
      const day = (offset: number) => new Date(Date.UTC(2015, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      return job(day(start), day(start + length), percent, inField);
    });

  test("property: never more than the calendar span, whatever the overlaps", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 8 }), (entries) => {
        const result = totals(entries);
        const spanDays = new Set(entries.flatMap((entry) => {
          const days: number[] = [];
          for (let time = Date.parse(entry.startDate); time <= Date.parse(entry.endDate); time += 86_400_000) days.push(time);
          return days;
        })).size;
        expect(result.inFieldDays + result.outOfFieldDays).toBeLessThanOrEqual(spanDays + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  test("property: order does not matter and adding a job never lowers the total", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 8 }), entryArbitrary, (entries, extra) => {
        const before = totals(entries);
        expect(totals([...entries].reverse())).toEqual(before);
        const after = totals([...entries, extra]);
        expect(after.inFieldDays + after.outOfFieldDays).toBeGreaterThanOrEqual(before.inFieldDays + before.outOfFieldDays - 1e-9);
        expect(after.inFieldDays).toBeGreaterThanOrEqual(before.inFieldDays - 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe("assessExperience", () => {
  test("licence: 14,5 months in the field for 12 required on the direct L3 route", () => {
    // 2022-01-01 → 2023-03-17 is 441 days, 14.49 months.
    const result = assessExperience([job("2022-01-01", "2023-03-17")], licenceRule, { route: "L3" });
    expect(result).toMatchObject({ ok: true, assessment: { status: "MET", summary: "1 an et 2 mois en équivalent temps plein dans le domaine pour 1 an requis" } });
  });

  test("licence: the learner must say which route applies, each judged by its own rule", () => {
    const entries = [job("2022-01-01", "2023-03-17")];
    expect(assessExperience(entries, licenceRule)).toMatchObject({ assessment: { status: "ROUTE_NEEDED" } });
    expect(assessExperience(entries, licenceRule, { route: "nonsense" })).toMatchObject({ assessment: { status: "ROUTE_NEEDED" } });
    // The full L1–L3 route: 3 years, 1 of them in the field. 14,5 months are not enough.
    expect(assessExperience(entries, licenceRule, { route: "FULL" })).toMatchObject({
      assessment: { status: "NOT_MET", summary: "1 an et 2 mois en équivalent temps plein dans le domaine pour 1 an requis ; 1 an et 2 mois au total pour 3 ans requis" },
    });
    const threeYears = [job("2020-01-01", "2020-12-31"), job("2021-01-01", "2022-12-31", 100, false)];
    expect(assessExperience(threeYears, licenceRule, { route: "FULL" })).toMatchObject({ assessment: { status: "MET" } });
    expect(routeProblem(licenceRule, null)).toMatch(/Indiquez votre parcours/);
    expect(routeProblem(licenceRule, "FULL")).toBeNull();
    expect(routeProblem(engineerRule, null)).toBeNull();
  });

  test("licence routes name their UA from the catalogue", () => {
    expect(licenceRule.kind === "required" && licenceRule.routes?.map((route) => [route.id, route.unitCode, route.inFieldMonths, route.totalMonths])).toEqual([
      ["L3", "UAAL0T", 12, undefined],
      ["FULL", "UAAL0S", 12, 36],
    ]);
  });

  test("licence: out of the field for as long as the rule asks, the internship alternative of the rule text", () => {
    const result = assessExperience([job("2020-01-01", "2022-12-31", 100, false)], licenceRule, { route: "L3" });
    expect(result).toMatchObject({ ok: true, assessment: { status: "INTERNSHIP_PATH", internshipMonths: { min: 3, max: 6 } } });
    expect(result.ok && result.assessment.advice).toMatch(/stage de 6 mois dans la spécialité \(le jury peut moduler, sans descendre sous 3 mois/);
  });

  test("one day out of the field is not an internship route: the rule's duration is not reached", () => {
    for (const route of ["L3", "FULL"]) {
      expect(assessExperience([job("2024-03-01", "2024-03-01", 100, false)], licenceRule, { route })).toMatchObject({ assessment: { status: "NOT_MET" } });
    }
    // Eleven months out of the field for a one-year rule: still not.
    expect(assessExperience([job("2024-01-01", "2024-11-30", 100, false)], licenceRule, { route: "L3" })).toMatchObject({ assessment: { status: "NOT_MET" } });
    // The full route asks 3 years: 2 years out of the field do not open the internship route.
    expect(assessExperience([job("2021-01-01", "2022-12-31", 100, false)], licenceRule, { route: "FULL" })).toMatchObject({ assessment: { status: "NOT_MET" } });
    expect(assessExperience([job("2020-01-01", "2022-12-31", 100, false)], licenceRule, { route: "FULL" })).toMatchObject({ assessment: { status: "INTERNSHIP_PATH" } });
  });

  test("engineer, early analysis: 2 years of experience at admission, in any field", () => {
    const twoYearsOutside = [job("2021-01-01", "2022-12-31", 100, false)];
    expect(assessExperience(twoYearsOutside, engineerRule, { early: true })).toMatchObject({
      assessment: { status: "MET", summary: "2 ans au total pour 2 ans requis à la candidature" },
    });
    const met = assessExperience(twoYearsOutside, engineerRule, { early: true });
    expect(met.ok && met.assessment.advice).toMatch(/à la soutenance du mémoire, 3 ans dont 2 ans dans la spécialité/);
    expect(assessExperience([job("2022-01-01", "2022-12-31")], engineerRule, { early: true })).toMatchObject({ assessment: { status: "NOT_MET" } });
    // The same experience at delivery: 3 years, 2 of them in the speciality.
    expect(assessExperience(twoYearsOutside, engineerRule)).toMatchObject({ assessment: { status: "NOT_MET" } });
  });

  test("engineer: 2 years in the field is not enough without a third year", () => {
    const result = assessExperience([job("2021-01-01", "2022-12-31"), job("2023-01-01", "2023-06-30", 100, false)], engineerRule);
    expect(result).toMatchObject({
      ok: true,
      assessment: { status: "NOT_MET", summary: "2 ans en équivalent temps plein dans le domaine pour 2 ans requis ; 2 ans et 5 mois au total pour 3 ans requis" },
    });
    const met = assessExperience([job("2021-01-01", "2022-12-31"), job("2023-01-01", "2023-12-31", 100, false)], engineerRule);
    expect(met.ok && met.assessment.status).toBe("MET");
  });

  test("RNCP level 6: 3 years out of the field open the internship route, less does not", () => {
    expect(assessExperience([job("2020-01-01", "2022-12-31", 100, false)], rncpRule)).toMatchObject({ assessment: { status: "INTERNSHIP_PATH" } });
    expect(assessExperience([job("2021-01-01", "2022-12-31", 100, false)], rncpRule)).toMatchObject({ assessment: { status: "NOT_MET" } });
  });

  test("excluded and unspecified rules", () => {
    expect(assessExperience([job("2021-01-01", "2021-12-31")], { kind: "excluded" })).toMatchObject({ assessment: { status: "NOT_REQUIRED" } });
    const unspecified: ExperienceRule = { kind: "unspecified", unitCodes: [], unitsNeeded: "ALL", ruleText: null, alternativeText: null };
    expect(assessExperience([job("2021-01-01", "2021-12-31", 50)], unspecified)).toMatchObject({
      assessment: { status: "TO_BE_ASSESSED", summary: "6 mois en équivalent temps plein dans le domaine, 0 mois hors domaine" },
    });
  });

  test("invalid entries are reported, not assessed", () => {
    expect(assessExperience([job("2021-02-01", "2021-01-01")], licenceRule).ok).toBe(false);
  });
});

describe("durationInWords", () => {
  test("years and months the way people say them", () => {
    expect(durationInWords(27)).toBe("2 ans et 3 mois");
    expect(durationInWords(12)).toBe("1 an");
    expect(durationInWords(13)).toBe("1 an et 1 mois");
    expect(durationInWords(24)).toBe("2 ans");
    expect(durationInWords(7)).toBe("7 mois");
    expect(durationInWords(1)).toBe("1 mois");
    expect(durationInWords(0)).toBe("0 mois");
    expect(durationInWords(0.4)).toBe("moins d'un mois");
  });

  test("rounded down to the month: never longer than declared", () => {
    expect(durationInWords(11.9)).toBe("11 mois");
    expect(durationInWords(14.5)).toBe("1 an et 2 mois");
    expect(durationInWords(35.99)).toBe("2 ans et 11 mois");
  });

  test("every whole number of months reads back as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), (months) => {
        const match = /^(?:(\d+) ans?)?(?: et )?(?:(\d+) mois)?$/.exec(durationInWords(months));
        expect(match).not.toBeNull();
        expect(Number(match![1] ?? 0) * 12 + Number(match![2] ?? 0)).toBe(months);
      }),
    );
  });
});
