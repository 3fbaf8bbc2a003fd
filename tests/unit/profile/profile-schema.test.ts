import { ageOn, EMPTY_PROFILE, MAX_AGE, MIN_AGE, normalisePhone, type ProfileFormValues, profileSchema, todayIso } from "@/lib/profile/domain/profile";

/** Sunday 29 November 2026, 11:00 in Paris. */
const NOW = new Date("2026-11-29T10:00:00Z");
const schema = profileSchema(NOW);

const VALID: ProfileFormValues = {
  civility: "MADAME",
  birthName: "Dupont",
  usageName: "",
  firstNames: "Marie Anne",
  birthDate: "1990-05-12",
  birthCity: "Lyon",
  birthCountry: "FR",
  nationality: "FR",
  addressLine: "12 rue des Lilas",
  postalCode: "75011",
  city: "Paris",
  country: "FR",
  email: "marie.dupont@exemple.fr",
  phone: "0612345678",
  learnerNumber: "ABC12345",
  centreCode: "PARIS",
};

type Issue = { path: string; message: string };

function issuesFor(changes: Partial<Record<keyof ProfileFormValues, unknown>>): Issue[] {
  const result = schema.safeParse({ ...VALID, ...changes });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

function parsed(changes: Partial<ProfileFormValues> = {}) {
  return schema.parse({ ...VALID, ...changes });
}

/** Expects exactly one issue, on `field`, with `message`. */
function expectOnlyError(changes: Partial<Record<keyof ProfileFormValues, unknown>>, field: keyof ProfileFormValues, message: string) {
  expect(issuesFor(changes)).toEqual([{ path: field, message }]);
}

/**
 * Expects every issue to be on `field`, the first one (the one the form shows) being `message`.
 * An empty required field may also fail the field's format rule.
 */
function expectFirstError(changes: Partial<Record<keyof ProfileFormValues, unknown>>, field: keyof ProfileFormValues, message: string) {
  const issues = issuesFor(changes);
  expect(issues.map((i) => i.path)).toEqual(issues.map(() => field));
  expect(issues[0]).toEqual({ path: field, message });
}

const MESSAGES = {
  civility: "Civilité : choisissez Madame ou Monsieur.",
  birthNameRequired: "Nom de naissance : ce champ est obligatoire.",
  birthNameLetters: "Nom de naissance : lettres, espaces, tirets et apostrophes uniquement.",
  usageNameLetters: "Nom d'usage : lettres, espaces, tirets et apostrophes uniquement.",
  firstNamesRequired: "Prénom(s) : ce champ est obligatoire.",
  firstNamesLetters: "Prénom(s) : lettres, espaces, tirets et apostrophes uniquement.",
  birthDateInvalid: "Date de naissance : saisissez une date valide (jj/mm/aaaa).",
  birthDatePast: "Date de naissance : la date doit être passée.",
  birthDateAge: "Date de naissance : vous devez avoir entre 15 et 100 ans.",
  birthCity: "Commune de naissance : ce champ est obligatoire.",
  birthCountry: "Pays de naissance : choisissez un pays dans la liste.",
  nationality: "Nationalité : choisissez un pays dans la liste.",
  addressLine: "Adresse : ce champ est obligatoire.",
  postalCodeRequired: "Code postal : ce champ est obligatoire.",
  postalCodeChars: "Code postal : chiffres, lettres, espaces et tirets uniquement.",
  postalCodeFrance: "Code postal : 5 chiffres pour une adresse en France.",
  city: "Commune : ce champ est obligatoire.",
  country: "Pays : choisissez un pays dans la liste.",
  email: "Adresse électronique invalide (exemple : prenom.nom@exemple.fr).",
  phone: "Téléphone : saisissez un numéro français (06 12 34 56 78) ou international (+41 21 123 45 67).",
  learnerNumber: "Numéro d'auditeur : 6 à 15 lettres ou chiffres, sans espace (il figure sur votre carte d'auditeur).",
  centreCode: "Centre d'inscription : choisissez votre centre dans la liste.",
};

describe("profileSchema: a valid profile", () => {
  test("a fully valid profile parses", () => {
    expect(issuesFor({})).toEqual([]);
  });

  test("the parsed profile holds the same values when nothing needs normalising", () => {
    expect(parsed()).toEqual(VALID);
  });

  test("a fully valid profile typed carelessly is normalised", () => {
    const data = parsed({
      civility: "MONSIEUR",
      birthName: "  Le Goff ",
      usageName: "  ",
      firstNames: " Jean-Pierre  ",
      birthCity: " Brest ",
      addressLine: "  3 place de la Mairie  ",
      postalCode: " 29200 ",
      city: " Brest ",
      email: "  Jean-Pierre.LE-GOFF@Exemple.FR ",
      phone: "06.12.34.56.78",
      learnerNumber: "  abc123def ",
    });
    expect(data).toEqual({
      ...VALID,
      civility: "MONSIEUR",
      birthName: "Le Goff",
      usageName: "",
      firstNames: "Jean-Pierre",
      birthCity: "Brest",
      addressLine: "3 place de la Mairie",
      postalCode: "29200",
      city: "Brest",
      email: "jean-pierre.le-goff@exemple.fr",
      phone: "0612345678",
      learnerNumber: "ABC123DEF",
    });
  });

  test("the email is lower-cased and trimmed", () => {
    expect(parsed({ email: " Marie.DUPONT@Exemple.Fr " }).email).toBe("marie.dupont@exemple.fr");
  });

  test.each([
    ["06 12 34 56 78", "0612345678"],
    ["06.12.34.56.78", "0612345678"],
    ["06-12-34-56-78", "0612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+41 21 123 45 67", "+41211234567"],
  ])("the phone %j is stored as %j (spaces, dots and hyphens removed)", (phone, stored) => {
    expect(parsed({ phone }).phone).toBe(stored);
  });

  test("the learner number is upper-cased and trimmed", () => {
    expect(parsed({ learnerNumber: " ab12cd " }).learnerNumber).toBe("AB12CD");
  });

  test("names are trimmed", () => {
    const data = parsed({ birthName: "  Dupont ", firstNames: " Marie ", usageName: " Martin " });
    expect([data.birthName, data.firstNames, data.usageName]).toEqual(["Dupont", "Marie", "Martin"]);
  });

  test("an empty usage name is allowed", () => {
    expect(parsed({ usageName: "" }).usageName).toBe("");
  });

  test("a usage name made only of spaces is stored empty", () => {
    expect(parsed({ usageName: "   " }).usageName).toBe("");
  });

  test.each(["Dupont", "Le Goff", "D'Ormesson", "Lefèvre-Utile", "Ñúñez", "Müller", "Øster", "Zoë"])("the name %j is accepted", (name) => {
    expect(issuesFor({ birthName: name, firstNames: name, usageName: name })).toEqual([]);
  });

  test("both civilities are accepted", () => {
    expect(issuesFor({ civility: "MADAME" })).toEqual([]);
    expect(issuesFor({ civility: "MONSIEUR" })).toEqual([]);
  });
});

describe("profileSchema: civility", () => {
  test.each([
    ["empty", ""],
    ["missing", undefined],
    ["unknown", "MADEMOISELLE"],
    ["lower case", "madame"],
  ])("a %s civility is rejected on the civility field", (_label, civility) => {
    expectOnlyError({ civility }, "civility", MESSAGES.civility);
  });
});

describe("profileSchema: names", () => {
  test("a birth name with digits is rejected", () => {
    expectOnlyError({ birthName: "Dupont2" }, "birthName", MESSAGES.birthNameLetters);
  });

  test("first names with digits are rejected", () => {
    expectOnlyError({ firstNames: "Marie 2" }, "firstNames", MESSAGES.firstNamesLetters);
  });

  test("a usage name with digits is rejected", () => {
    expectOnlyError({ usageName: "Martin3" }, "usageName", MESSAGES.usageNameLetters);
  });

  test.each(["Dupont!", "Du_pont", "Dupont.", "Dupont@", "Dupont,Martin"])("a birth name with another character (%j) is rejected", (birthName) => {
    expectOnlyError({ birthName }, "birthName", MESSAGES.birthNameLetters);
  });

  test.each(["-Dupont", "'Dupont", " - "])("a name that does not start with a letter (%j) is rejected", (birthName) => {
    expectOnlyError({ birthName }, "birthName", MESSAGES.birthNameLetters);
  });

  test("an empty birth name is required", () => {
    expectFirstError({ birthName: "" }, "birthName", MESSAGES.birthNameRequired);
  });

  test("a birth name made only of spaces is required", () => {
    expectFirstError({ birthName: "   " }, "birthName", MESSAGES.birthNameRequired);
  });

  test("empty first names are required", () => {
    expectFirstError({ firstNames: "" }, "firstNames", MESSAGES.firstNamesRequired);
  });

  test("names of 80 characters are accepted, 81 rejected", () => {
    expect(issuesFor({ birthName: "a".repeat(80), firstNames: "a".repeat(80), usageName: "a".repeat(80) })).toEqual([]);
    expectOnlyError({ birthName: "a".repeat(81) }, "birthName", "Nom de naissance : 80 caractères au plus.");
    expectOnlyError({ firstNames: "a".repeat(81) }, "firstNames", "Prénom(s) : 80 caractères au plus.");
    expectOnlyError({ usageName: "a".repeat(81) }, "usageName", "Nom d'usage : 80 caractères au plus.");
  });
});

describe("profileSchema: birth date", () => {
  test.each(["2023-02-30", "2001-02-29", "1990-13-01", "1990-00-10", "1990-04-31", "1990-01-00"])("%s is not a calendar date", (birthDate) => {
    expectOnlyError({ birthDate }, "birthDate", MESSAGES.birthDateInvalid);
  });

  test.each(["", "12/05/1990", "1990-5-12", "90-05-12", "1990-05-12T00:00:00Z", "le 12 mai 1990", " 1990-05-12"])(
    "%j is not in the YYYY-MM-DD form",
    (birthDate) => {
      expectOnlyError({ birthDate }, "birthDate", MESSAGES.birthDateInvalid);
    },
  );

  test("29 February of a leap year is a valid date", () => {
    expect(issuesFor({ birthDate: "2000-02-29" })).toEqual([]);
  });

  test("a date in the future is rejected as not past (and only that)", () => {
    expectOnlyError({ birthDate: "2030-01-01" }, "birthDate", MESSAGES.birthDatePast);
  });

  test("tomorrow is rejected as not past", () => {
    expectOnlyError({ birthDate: "2026-11-30" }, "birthDate", MESSAGES.birthDatePast);
  });

  test("today is rejected as not past", () => {
    expectOnlyError({ birthDate: "2026-11-29" }, "birthDate", MESSAGES.birthDatePast);
  });

  test("yesterday is past but too young", () => {
    expectOnlyError({ birthDate: "2026-11-28" }, "birthDate", MESSAGES.birthDateAge);
  });

  test("age 14, turning 15 tomorrow, is rejected", () => {
    expectOnlyError({ birthDate: "2011-11-30" }, "birthDate", MESSAGES.birthDateAge);
  });

  test("age 15 exactly, on the 15th birthday, is accepted", () => {
    expect(issuesFor({ birthDate: "2011-11-29" })).toEqual([]);
  });

  test("age 15 since yesterday is accepted", () => {
    expect(issuesFor({ birthDate: "2011-11-28" })).toEqual([]);
  });

  test("age 100 exactly, on the 100th birthday, is accepted", () => {
    expect(issuesFor({ birthDate: "1926-11-29" })).toEqual([]);
  });

  test("age 100, turning 101 tomorrow, is accepted", () => {
    expect(issuesFor({ birthDate: "1925-11-30" })).toEqual([]);
  });

  test("age 101 exactly, on the 101st birthday, is rejected", () => {
    expectOnlyError({ birthDate: "1925-11-29" }, "birthDate", MESSAGES.birthDateAge);
  });

  test("a very old date is rejected on age", () => {
    expectOnlyError({ birthDate: "1800-01-01" }, "birthDate", MESSAGES.birthDateAge);
  });

  test("the age limits are 15 and 100", () => {
    expect([MIN_AGE, MAX_AGE]).toEqual([15, 100]);
  });

  test("the schema uses the given `now`, not the current date", () => {
    expect(profileSchema(new Date("2011-11-29T10:00:00Z")).safeParse({ ...VALID, birthDate: "1990-05-12" }).success).toBe(true);
    expect(profileSchema(new Date("2000-01-01T10:00:00Z")).safeParse({ ...VALID, birthDate: "1990-05-12" }).success).toBe(false);
  });
});

describe("profileSchema: countries", () => {
  test.each(["birthCountry", "nationality", "country"] as const)("an unknown code in %s is rejected on that field", (field) => {
    expectOnlyError({ [field]: "XX" }, field, MESSAGES[field]);
  });

  test.each(["", "fr", "FRA", "France"])("%j is not a country code", (code) => {
    expectOnlyError({ nationality: code }, "nationality", MESSAGES.nationality);
  });

  test("other countries are accepted", () => {
    expect(issuesFor({ birthCountry: "MA", nationality: "BE", country: "CH", postalCode: "1003" })).toEqual([]);
  });
});

describe("profileSchema: postal code", () => {
  test("a 4-digit postal code is rejected for France", () => {
    expectOnlyError({ postalCode: "7501" }, "postalCode", MESSAGES.postalCodeFrance);
  });

  test("a 6-digit postal code is rejected for France", () => {
    expectOnlyError({ postalCode: "750111" }, "postalCode", MESSAGES.postalCodeFrance);
  });

  test("letters are rejected for France", () => {
    expectOnlyError({ postalCode: "2A004" }, "postalCode", MESSAGES.postalCodeFrance);
  });

  test("a 4-digit postal code is accepted for another country", () => {
    expect(issuesFor({ postalCode: "1003", country: "CH" })).toEqual([]);
  });

  test("letters, spaces and hyphens are accepted for another country", () => {
    expect(issuesFor({ postalCode: "SW1A 1AA", country: "GB" })).toEqual([]);
    expect(issuesFor({ postalCode: "1234-567", country: "PT" })).toEqual([]);
  });

  test("a postal code with surrounding spaces is trimmed before the France check", () => {
    expect(parsed({ postalCode: " 75011 " }).postalCode).toBe("75011");
  });

  test("other characters are rejected for any country", () => {
    expectOnlyError({ postalCode: "SW1A/1AA", country: "GB" }, "postalCode", MESSAGES.postalCodeChars);
  });

  test("an empty postal code is required", () => {
    expectFirstError({ postalCode: "", country: "BE" }, "postalCode", MESSAGES.postalCodeRequired);
  });

  test("a postal code of more than 12 characters is rejected", () => {
    expectOnlyError({ postalCode: "1234567890123", country: "BE" }, "postalCode", "Code postal : 12 caractères au plus.");
  });
});

describe("profileSchema: required text fields", () => {
  test.each([
    ["birthCity", MESSAGES.birthCity],
    ["addressLine", MESSAGES.addressLine],
    ["city", MESSAGES.city],
  ] as const)("an empty %s is required", (field, message) => {
    expectOnlyError({ [field]: "  " }, field, message);
  });

  test("an address of 200 characters is accepted, 201 rejected", () => {
    expect(issuesFor({ addressLine: "a".repeat(200) })).toEqual([]);
    expectOnlyError({ addressLine: "a".repeat(201) }, "addressLine", "Adresse : 200 caractères au plus.");
  });

  test("an empty centre is rejected", () => {
    expectOnlyError({ centreCode: "" }, "centreCode", MESSAGES.centreCode);
  });
});

describe("profileSchema: email", () => {
  test.each(["", "marie", "marie@", "@exemple.fr", "marie@exemple", "marie dupont@exemple.fr", "marie@@exemple.fr"])("%j is an invalid email", (email) => {
    expectOnlyError({ email }, "email", MESSAGES.email);
  });

  test("an email with a plus sign and sub-domains is accepted", () => {
    expect(parsed({ email: "marie+cnam@mail.exemple.fr" }).email).toBe("marie+cnam@mail.exemple.fr");
  });
});

describe("profileSchema: phone", () => {
  test.each(["06 12 34 56 78", "0612345678", "01 23 45 67 89", "09 87 65 43 21", "+33 6 12 34 56 78", "+33612345678", "+41211234567", "+41 21 123 45 67", "+1 (555) 123-4567"])(
    "%j is accepted",
    (phone) => {
      expect(issuesFor({ phone })).toEqual([]);
    },
  );

  test.each(["12345", "0012345678", "", "06 12 34 56", "06 12 34 56 78 9", "6 12 34 56 78", "+0612345678", "+123", "06 12 34 56 7a", "tel: 0612345678"])(
    "%j is rejected",
    (phone) => {
      expectOnlyError({ phone }, "phone", MESSAGES.phone);
    },
  );
});

describe("profileSchema: learner number", () => {
  test.each(["ABC 123", "AB 12 CD", "ABC12", "A1", "", "ABC-123", "ABC_123", "ABCDEFGH12345678"])("%j is rejected", (learnerNumber) => {
    expectOnlyError({ learnerNumber }, "learnerNumber", MESSAGES.learnerNumber);
  });

  test("6 and 15 characters are accepted", () => {
    expect(issuesFor({ learnerNumber: "ABC123" })).toEqual([]);
    expect(issuesFor({ learnerNumber: "ABCDEFG12345678" })).toEqual([]);
  });
});

describe("profileSchema: several errors at once", () => {
  test("an error on one field does not hide the errors on the others", () => {
    const issues = issuesFor({ civility: "", birthName: "Dupont2", birthDate: "2023-02-30", email: "marie", phone: "12345", learnerNumber: "A B" });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "civility", message: MESSAGES.civility },
        { path: "birthName", message: MESSAGES.birthNameLetters },
        { path: "birthDate", message: MESSAGES.birthDateInvalid },
        { path: "email", message: MESSAGES.email },
        { path: "phone", message: MESSAGES.phone },
        { path: "learnerNumber", message: MESSAGES.learnerNumber },
      ]),
    );
    expect(issues).toHaveLength(6);
  });

  test("the France postal code check is reported together with errors on other fields", () => {
    expect(issuesFor({ postalCode: "7501", email: "marie" })).toEqual(
      expect.arrayContaining([
        { path: "postalCode", message: MESSAGES.postalCodeFrance },
        { path: "email", message: MESSAGES.email },
      ]),
    );
  });

  test("the empty form reports every required field", () => {
    const result = schema.safeParse(EMPTY_PROFILE);
    expect(result.success).toBe(false);
    const paths = new Set(result.error?.issues.map((i) => i.path.join(".")));
    expect([...paths].sort()).toEqual(
      ["civility", "birthName", "firstNames", "birthDate", "birthCity", "addressLine", "postalCode", "city", "email", "phone", "learnerNumber", "centreCode"].sort(),
    );
  });
});

describe("EMPTY_PROFILE", () => {
  test("starts with France for the three countries and everything else empty", () => {
    expect(EMPTY_PROFILE).toEqual({
      civility: "",
      birthName: "",
      usageName: "",
      firstNames: "",
      birthDate: "",
      birthCity: "",
      birthCountry: "FR",
      nationality: "FR",
      addressLine: "",
      postalCode: "",
      city: "",
      country: "FR",
      email: "",
      phone: "",
      learnerNumber: "",
      centreCode: "",
    });
  });
});

describe("normalisePhone", () => {
  test("removes spaces, dots, hyphens and brackets", () => {
    expect(normalisePhone(" +33 (6) 12.34-56 78 ")).toBe("+33612345678");
  });

  test("keeps other characters", () => {
    expect(normalisePhone("06x12")).toBe("06x12");
  });
});

describe("ageOn", () => {
  test("on the birthday, the new age is reached", () => {
    expect(ageOn("2011-11-29", NOW)).toBe(15);
  });

  test("the day before the birthday, the age is one year less", () => {
    expect(ageOn("2011-11-30", NOW)).toBe(14);
  });

  test("the day after the birthday, the age stays", () => {
    expect(ageOn("2011-11-28", NOW)).toBe(15);
  });

  test("a birthday later in the year is not yet reached", () => {
    expect(ageOn("2011-12-01", NOW)).toBe(14);
  });

  test("a birthday earlier in the year is reached", () => {
    expect(ageOn("2011-01-01", NOW)).toBe(15);
  });

  test("on the 1st of January, someone born on the 31st of December has not yet had their birthday", () => {
    expect(ageOn("2000-12-31", new Date("2026-01-01T12:00:00Z"))).toBe(25);
  });

  test("someone born on 29 February is one year older from 1 March in a common year", () => {
    expect(ageOn("2000-02-29", new Date("2026-02-28T12:00:00Z"))).toBe(25);
    expect(ageOn("2000-02-29", new Date("2026-03-01T12:00:00Z"))).toBe(26);
  });

  test("someone born on 29 February reaches the new age on 29 February in a leap year", () => {
    expect(ageOn("2000-02-29", new Date("2028-02-29T00:00:00Z"))).toBe(28);
  });

  test("born today: age 0", () => {
    expect(ageOn("2026-11-29", NOW)).toBe(0);
  });

  test("the calendar day of `today` is its day in Paris", () => {
    // 23:30 UTC on 28 November is 00:30 on 29 November in Paris: the birthday has come.
    expect(ageOn("2011-11-29", new Date("2026-11-28T23:30:00Z"))).toBe(15);
    expect(ageOn("2011-11-29", new Date("2026-11-28T22:59:59.999Z"))).toBe(14);
  });
});

describe("todayIso", () => {
  test("gives the calendar day in Paris, a day ahead of UTC between midnight and 1 a.m. (2 a.m. in summer)", () => {
    expect(todayIso(NOW)).toBe("2026-11-29");
    expect(todayIso(new Date("2026-11-29T22:59:59.999Z"))).toBe("2026-11-29");
    expect(todayIso(new Date("2026-11-29T23:30:00Z"))).toBe("2026-11-30");
    expect(todayIso(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
  });

  test("a birth date of today in Paris is refused as not yet past, even before 1 a.m.", () => {
    const justAfterMidnight = new Date("2026-11-29T23:30:00Z");
    const result = profileSchema(justAfterMidnight).safeParse({ ...EMPTY_PROFILE, birthDate: "2026-11-30" });
    expect(!result.success && result.error.issues.find((i) => i.path[0] === "birthDate")?.message).toBe("Date de naissance : la date doit être passée.");
  });
});

describe("French numbers written with +33", () => {
  test.each(["+33 0 12 34 56 78", "+33 (0)6 12 34 56 78"])("%s is rejected: the 0 after +33 is not part of the number", (phone) => {
    const result = profileSchema(new Date("2026-11-29T10:00:00Z")).safeParse({ ...EMPTY_PROFILE, phone });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.some((i) => i.path[0] === "phone")).toBe(true);
  });
});
