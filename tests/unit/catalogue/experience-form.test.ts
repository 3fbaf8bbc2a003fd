import { experienceFormSchema } from "@/lib/catalogue/domain/experience-form";

const values = (endDate: string) => ({
  employer: "Entreprise",
  jobTitle: "Développeur",
  startDate: "2024-01-01",
  endDate,
  workingTimePercent: "100",
  inField: "oui",
  activities: "Développement d'applications web et maintenance des serveurs.",
});

const endDateError = (now: Date, endDate: string) => {
  const result = experienceFormSchema(now).safeParse(values(endDate));
  return result.success ? null : (result.error.issues.find((issue) => issue.path[0] === "endDate")?.message ?? null);
};

describe("experience form: today is the day in Paris", () => {
  test("an end date of today in Paris is accepted between midnight and 1 a.m., when UTC is still the day before", () => {
    // 00:30 on 30 November in Paris.
    expect(endDateError(new Date("2026-11-29T23:30:00Z"), "2026-11-30")).toBeNull();
    // 01:30 on 15 July in Paris (summer time, UTC+2).
    expect(endDateError(new Date("2026-07-14T23:30:00Z"), "2026-07-15")).toBeNull();
  });

  test("tomorrow in Paris is still the future", () => {
    expect(endDateError(new Date("2026-11-29T23:30:00Z"), "2026-12-01")).toMatch(/ne peut pas être dans le futur/);
    expect(endDateError(new Date("2026-11-29T22:30:00Z"), "2026-11-30")).toMatch(/ne peut pas être dans le futur/);
  });
});
