import { COUNTRY_CODES, countryOptions, isCountryCode } from "@/lib/profile/domain/countries";

describe("COUNTRY_CODES", () => {
  test("holds the 249 ISO 3166-1 alpha-2 codes", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
  });

  test("every code is unique", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
  });

  test("every code is two capital letters", () => {
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  test("codes are listed in alphabetical order", () => {
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  test.each(["FR", "BE", "CH", "DE", "GP", "MQ", "RE", "YT", "NC", "PF", "MA", "DZ", "TN", "SN", "CI", "US", "GB"])("includes %s", (code) => {
    expect(COUNTRY_CODES).toContain(code);
  });
});

describe("isCountryCode", () => {
  test.each(["FR", "BE", "ZW", "AD"])("%s is a country code", (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  test.each(["", "fr", "Fr", "XX", "FRA", "F", " FR", "FR ", "EU", "UK", "France"])("%j is not a country code", (code) => {
    expect(isCountryCode(code)).toBe(false);
  });

  test("every listed code is accepted", () => {
    for (const code of COUNTRY_CODES) expect(isCountryCode(code)).toBe(true);
  });
});

describe("countryOptions", () => {
  const options = countryOptions();

  test("offers one option per country code", () => {
    expect(options).toHaveLength(249);
    expect(options.map((o) => o.code).sort()).toEqual([...COUNTRY_CODES].sort());
  });

  test("France comes first", () => {
    expect(options[0]).toEqual({ code: "FR", name: "France" });
  });

  test("France appears only once", () => {
    expect(options.filter((o) => o.code === "FR")).toHaveLength(1);
  });

  test("the other countries are sorted by their French name, in French collation", () => {
    const collator = new Intl.Collator("fr");
    const rest = options.slice(1);
    for (let i = 1; i < rest.length; i += 1) expect(collator.compare(rest[i - 1]!.name, rest[i]!.name)).toBeLessThanOrEqual(0);
  });

  test("accented names are sorted with their base letter, not after Z", () => {
    const names = options.map((o) => o.name);
    const egypt = names.indexOf("Égypte");
    expect(egypt).toBeGreaterThan(names.indexOf("Danemark"));
    expect(egypt).toBeLessThan(names.indexOf("Espagne"));
    expect(names.indexOf("Algérie")).toBeLessThan(names.indexOf("Allemagne"));
  });

  test("the list starts with France, then Afghanistan, Afrique du Sud, Albanie", () => {
    expect(options.slice(0, 4).map((o) => o.name)).toEqual(["France", "Afghanistan", "Afrique du Sud", "Albanie"]);
  });

  test("names are in French", () => {
    const byCode = new Map(options.map((o) => [o.code, o.name]));
    expect(byCode.get("DE")).toBe("Allemagne");
    expect(byCode.get("BE")).toBe("Belgique");
    expect(byCode.get("CH")).toBe("Suisse");
    expect(byCode.get("GB")).toBe("Royaume-Uni");
    expect(byCode.get("ES")).toBe("Espagne");
  });

  test("every country has a real name, not just its code", () => {
    for (const option of options) {
      expect(option.name).not.toBe(option.code);
      expect(option.name.length).toBeGreaterThan(2);
    }
  });

  test("each call returns a fresh list that callers may modify", () => {
    const first = countryOptions();
    first.pop();
    expect(countryOptions()).toHaveLength(249);
  });
});
