import rawCatalogue from "@/prisma/data/cnam-catalogue.json";
import { NOT_REQUESTABLE_REASONS, cleanCentreName, diplomaKey, isFlaggedIncomplete, normaliseCentres, parseCatalogue } from "@/lib/catalogue/domain/import";
import { unitsOfRequirement } from "@/lib/catalogue/domain/model";
import { catalogueSourceSchema, formatIssuePath } from "@/lib/catalogue/domain/source-schema";
import { diplomaByKey, realCatalogue, sourceCopy } from "./fixtures";

describe("the real catalogue file", () => {
  test("matches the source schema as a whole", () => {
    const result = catalogueSourceSchema.safeParse(rawCatalogue);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  test("parses with zero errors and keeps every record", () => {
    const result = parseCatalogue(rawCatalogue);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const catalogue = realCatalogue();
    expect(catalogue.diplomas).toHaveLength(rawCatalogue.diplomas.length);
    expect(catalogue.units).toHaveLength(rawCatalogue.units.length);
    expect(catalogue.centres).toHaveLength(rawCatalogue.centres.length);
  });

  test("is deterministic", () => {
    expect(parseCatalogue(sourceCopy())).toEqual(parseCatalogue(sourceCopy()));
  });

  test("gives distinct keys to the two versions of CYC9102A", () => {
    const keys = realCatalogue().diplomas.filter((diploma) => diploma.code === "CYC9102A").map((diploma) => diploma.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  test("the requestable diplomas are exactly those with a complete, coded composition", () => {
    const requestable = realCatalogue().diplomas.filter((diploma) => diploma.requestable).map((diploma) => diploma.code);
    expect(requestable).toEqual(["LG02501A", "CYC9102A", "CYC9104A", "CYC9105A", "CYC9106A", "CYC9102A"]);
  });

  test("a composition the source itself flags as possibly incomplete is not requestable", () => {
    expect(isFlaggedIncomplete("Transcription has no 'ENG251 + UATN01' block for CYC9101A (sum 174 ECTS vs 180 for the sibling parcours); possibly incomplete.")).toBe(true);
    expect(isFlaggedIncomplete("Liste incomplète dans la copie stockée")).toBe(true);
    expect(isFlaggedIncomplete("Generic Cnam engineer rule")).toBe(false);
    expect(isFlaggedIncomplete(undefined)).toBe(false);
    const copy = sourceCopy();
    const licence = copy.diplomas.find((diploma: { code: string | null }) => diploma.code === "LG02501A");
    licence.note = "possibly incomplete";
    const parsed = parseCatalogue(copy);
    expect(parsed.ok && diplomaByKey(parsed.catalogue, "LG02501A")).toMatchObject({ requestable: false, notRequestableReason: NOT_REQUESTABLE_REASONS.compositionPartial });
  });

  test("keeps unknown compositions as not requestable, with a French reason", () => {
    const catalogue = realCatalogue();
    for (const diploma of catalogue.diplomas.filter((candidate) => candidate.requirement.subgroups.length === 0)) {
      expect(diploma.requestable).toBe(false);
      expect(diploma.notRequestableReason).toBe(NOT_REQUESTABLE_REASONS.compositionUnknown);
    }
    expect(diplomaByKey(catalogue, "DUS0501A").notRequestableReason).toBe(
      "La composition de ce diplôme n'est pas encore connue de l'application ; adressez-vous à votre centre.",
    );
    const truncated = catalogue.diplomas.find((diploma) => diploma.title.startsWith("Concepteur en architecture informatique"));
    expect(truncated?.requestable).toBe(false);
    expect(truncated?.notRequestableReason).toBe(NOT_REQUESTABLE_REASONS.compositionPartial);
    expect(catalogue.diplomas.filter((diploma) => diploma.code === null).every((diploma) => !diploma.requestable)).toBe(true);
  });

  test("a complete composition without a code is not requestable either", () => {
    const source = sourceCopy();
    source.diplomas[0].code = null;
    const result = parseCatalogue(source);
    if (!result.ok) throw new Error("should parse");
    expect(result.catalogue.diplomas[0]?.notRequestableReason).toBe(NOT_REQUESTABLE_REASONS.noCode);
  });

  test("takes the experience UAs out of the course requirement", () => {
    const catalogue = realCatalogue();
    for (const diploma of catalogue.diplomas) {
      const experienceCodes = diploma.experience.kind === "excluded" ? [] : diploma.experience.unitCodes;
      const courseCodes = unitsOfRequirement(diploma.requirement).map((unit) => unit.code);
      expect(courseCodes.filter((code) => experienceCodes.includes(code))).toEqual([]);
    }
    const licence = diplomaByKey(catalogue, "LG02501A");
    expect(licence.requirement.subgroups.map((group) => group.label)).toEqual(["Tronc commun UTC", "UE des thèmes de L3", "Management de projet et anglais"]);
  });

  test("converts the group types to the model", () => {
    const licence = diplomaByKey(realCatalogue(), "LG02501A");
    const [common, themes] = licence.requirement.subgroups;
    expect(common).toMatchObject({ kind: "allUnits", units: expect.arrayContaining([{ code: "UTC501", title: "Outils mathématiques pour Informatique", ects: 3 }]) });
    expect(themes).toMatchObject({ kind: "chooseSubgroups", count: 3, ects: 18 });
    const engineer = diplomaByKey(realCatalogue(), "CYC9102A");
    expect(engineer.requirement.subgroups[1]).toMatchObject({ kind: "chooseSubgroups", count: 4, ects: 36 });
    expect(diplomaByKey(realCatalogue(), "CYC9101A").requirement.subgroups.find((group) => group.kind === "oneOf")?.label).toBe("Option (un bloc parmi trois)");
  });

  test("derives the structured experience rules per family", () => {
    const catalogue = realCatalogue();
    expect(diplomaByKey(catalogue, "LG02501A").experience).toMatchObject({
      kind: "required",
      family: "LICENCE",
      unitCodes: ["UAAL0T", "UAAL0S"],
      unitsNeeded: "ANY",
      inFieldMonths: 12,
      internshipMonths: { min: 3, max: 6 },
    });
    expect(diplomaByKey(catalogue, "CYC9104A").experience).toMatchObject({
      family: "ENGINEER",
      unitCodes: ["UAEP04", "UAEP03"],
      unitsNeeded: "ALL",
      inFieldMonths: 24,
      totalMonths: 36,
      atAdmissionMonths: 24,
    });
    const old = catalogue.diplomas.find((diploma) => diploma.code === "CYC9102A" && diploma.version !== undefined);
    expect(old?.experience).toMatchObject({ unitCodes: ["UAEP01", "UAEP02", "UAEP03"], unitsNeeded: "ALL" });
    expect(diplomaByKey(catalogue, "DUS0501A").experience).toMatchObject({ family: "BAC_PLUS_2", inFieldMonths: 24, internshipMonths: { min: 1, max: 6 } });
    const trainers = catalogue.diplomas.find((diploma) => diploma.title === "Responsable de projets de formation");
    expect(trainers?.experience).toMatchObject({ family: "RNCP_LEVEL_6", inFieldMonths: 24, outOfFieldMonths: 36, internshipMonths: { min: 3, max: 6 } });
    expect(diplomaByKey(catalogue, "CC11600A").experience).toEqual({ kind: "unspecified", unitCodes: [], unitsNeeded: "ALL", ruleText: null, alternativeText: null });
  });

  test("a diploma flagged as excluded from the EP analysis gets an excluded rule", () => {
    const source = sourceCopy();
    source.diplomas[0].ep.excluded_from_ep_analysis = true;
    const result = parseCatalogue(source);
    expect(result.ok && result.catalogue.diplomas[0]?.experience).toEqual({ kind: "excluded" });
  });
});

describe("bad records", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases mutate the source into invalid shapes
  const cases: { name: string; mutate: (source: any) => void; path: string; message?: RegExp }[] = [
    { name: "duplicate diploma (same code and version)", mutate: (s) => s.diplomas.push(structuredClone(s.diplomas[4])), path: "diplomas[19].code", message: /en double.*diplomas\[4\]/ },
    { name: "duplicate unit", mutate: (s) => s.units.push(structuredClone(s.units[0])), path: "units[138].code", message: /en double/ },
    { name: "two centres with the same key", mutate: (s) => s.centres.push({ ...s.centres[0], name: "Cnam Paris" }), path: "centres[18].name", message: /PARIS/ },
    { name: "blank unit code in a group", mutate: (s) => (s.diplomas[0].ue[0].units[0].code = ""), path: "diplomas[0].ue[0].units[0].code" },
    { name: "unit code unknown to the unit list", mutate: (s) => (s.diplomas[2].ue[0].units[1].code = "XYZ999"), path: "diplomas[2].ue[0].units[1].code", message: /UE inconnue : XYZ999/ },
    { name: "credits differing from the unit list", mutate: (s) => (s.diplomas[1].ue[0].units[2].ects = 9), path: "diplomas[1].ue[0].units[2].ects", message: /UTC503/ },
    { name: "title unknown to the unit list", mutate: (s) => (s.diplomas[1].ue[0].units[2].title = "Autre chose"), path: "diplomas[1].ue[0].units[2].title" },
    { name: "credits of the wrong type", mutate: (s) => (s.diplomas[3].ue[1].subgroups[0].units[0].ects = "6"), path: "diplomas[3].ue[1].subgroups[0].units[0].ects" },
    { name: "unknown group type", mutate: (s) => (s.diplomas[0].ue[1].type = "pick_some"), path: "diplomas[0].ue[1].type", message: /Type de groupe inconnu/ },
    { name: "more subgroups asked than listed", mutate: (s) => (s.diplomas[0].ue[1].choose_n_subgroups = 9), path: "diplomas[0].ue[1].choose_n_subgroups" },
    { name: "one_of choosing two", mutate: (s) => (s.diplomas[1].ue[7].choose_n_subgroups = 2), path: "diplomas[1].ue[7].choose_n_subgroups" },
    { name: "choice group without units", mutate: (s) => (s.diplomas[1].ue[2].units = []), path: "diplomas[1].ue[2].units" },
    { name: "branch group without subgroups", mutate: (s) => (s.diplomas[1].ue[1].subgroups = []), path: "diplomas[1].ue[1].subgroups" },
    { name: "misspelt field", mutate: (s) => (s.diplomas[0].ue[1].choose_n_subgroup = 3), path: "diplomas[0].ue[1]" },
    { name: "missing title", mutate: (s) => delete s.diplomas[5].title, path: "diplomas[5].title" },
    { name: "experience UA unknown", mutate: (s) => (s.diplomas[0].ep.ua_codes[0].code = "UAXX99"), path: "diplomas[0].ep.ua_codes[0].code", message: /UA d'expérience inconnue/ },
    { name: "experience unit that is a UE", mutate: (s) => (s.diplomas[0].ep.ua_codes[0].code = "UTC501"), path: "diplomas[0].ep.ua_codes[0].code", message: /est une unité d.enseignement, pas une unité d.expérience/ },
    { name: "negative credits in the unit list", mutate: (s) => (s.units[4].ects = -1), path: "units[4].ects" },
    { name: "unknown unit kind", mutate: (s) => (s.units[4].kind = "XX"), path: "units[4].kind" },
    { name: "centre without region", mutate: (s) => (s.centres[2].region = ""), path: "centres[2].region" },
    { name: "list that is not a list", mutate: (s) => (s.units = {}), path: "units" },
  ];

  test.each(cases)("$name is reported at $path", ({ mutate, path, message }) => {
    const source = sourceCopy();
    mutate(source);
    const result = parseCatalogue(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((candidate) => candidate.path === path);
    expect({ paths: result.errors.map((candidate) => candidate.path), found: error !== undefined }).toEqual(expect.objectContaining({ found: true }));
    if (message) expect(error?.message).toMatch(message);
    expect(error?.message.length).toBeGreaterThan(0);
  });

  test("every bad record is reported, not just the first", () => {
    const source = sourceCopy();
    const independent = cases.filter((candidate) => !["list that is not a list", "unknown group type"].includes(candidate.name));
    // One mutation per record, duplicates first (they copy a record that is still valid), so that
    // each one stays visible.
    const touched = new Set<string>();
    const applied = independent.filter((candidate) => {
      const record = candidate.path.split(".")[0] ?? "";
      if (touched.has(record)) return false;
      touched.add(record);
      candidate.mutate(source);
      return true;
    });
    const result = parseCatalogue(source);
    if (result.ok) throw new Error("should fail");
    for (const candidate of applied) expect(result.errors.map((error) => error.path)).toContain(candidate.path);
    expect(applied.length).toBeGreaterThanOrEqual(8);
  });

  test("a value that is not a catalogue is rejected with a path", () => {
    const result = parseCatalogue("not json");
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: "" })] });
    const missing = parseCatalogue({});
    expect(missing.ok ? [] : missing.errors.map((error) => error.path)).toEqual(expect.arrayContaining(["diplomas", "units", "centres"]));
  });
});

describe("centres", () => {
  test("get stable internal keys from their names", () => {
    const centres = realCatalogue().centres;
    expect(centres.slice(0, 3).map((centre) => centre.code)).toEqual(["PARIS", "NOUVELLE-AQUITAINE", "PROVENCE-ALPES-COTE-D-AZUR"]);
    expect(centres.map((centre) => centre.code)).toEqual(expect.arrayContaining(["ISAE-CNAM-LIBAN", "LA-REUNION", "CORSE"]));
    expect(new Set(centres.map((centre) => centre.code)).size).toBe(centres.length);
    expect(centres.every((centre) => /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(centre.code))).toBe(true);
  });

  test("keep the verified flag, name, region and source", () => {
    const [paris] = realCatalogue().centres;
    expect(paris).toEqual({
      code: "PARIS",
      name: "Cnam Paris",
      region: "Île-de-France",
      verified: true,
      sourceUrl: "https://github.com/Flowrey/cnaminator/blob/main/CHANGELOG.md",
    });
    expect(realCatalogue().centres.find((centre) => centre.code === "CORSE")).toEqual({ code: "CORSE", name: "Cnam Corse", region: "Corse", verified: false });
  });

  test("names without the compilers' remarks: no site, no « historique » nor « lieu d'enseignement », whatever the source", () => {
    const names = realCatalogue().centres.map((centre) => centre.name);
    expect(names).toEqual(expect.arrayContaining(["Cnam Paris", "Cnam Midi-Pyrénées", "Guadeloupe", "Cnam Provence-Alpes-Côte d'Azur (Cnam PACA)", "ISAE – Cnam Liban"]));
    expect(names.filter((name) => /\(|www\.|https?:|historique|lieu d/i.test(name))).toEqual(["Cnam Provence-Alpes-Côte d'Azur (Cnam PACA)"]);
    expect(cleanCentreName("Cnam Bretagne (site https://www.cnam-bretagne.fr/)")).toBe("Cnam Bretagne");
    expect(cleanCentreName("Cnam Grand Est (voir www.cnam-grandest.fr)")).toBe("Cnam Grand Est");
    expect(cleanCentreName("Cnam Corse")).toBe("Cnam Corse");
  });

  test("a code given by the source wins", () => {
    expect(normaliseCentres([{ code: "idf 75", name: "Cnam Paris", region: "Île-de-France", source: null, verified: true }])[0]?.code).toBe("IDF-75");
  });
});

test("issue paths are printed like the source file", () => {
  expect(formatIssuePath(["diplomas", 3, "ue", 1, "units", 0, "code"])).toBe("diplomas[3].ue[1].units[0].code");
  expect(formatIssuePath([])).toBe("");
});

describe("diploma keys, as they show in addresses", () => {
  test("a version's remark in brackets stays out of the key", () => {
    expect(diplomaKey("CYC9102A", "ancienne version (labelled DEP_CYC9102A = deprecated by cnaminator)", "Titre")).toBe("CYC9102A~ANCIENNE-VERSION");
  });

  test("no key of the real catalogue carries an internal remark", () => {
    const keys = realCatalogue().diplomas.map((d) => d.key);
    expect(keys.filter((key) => /DEPRECATED|CNAMINATOR|LABELLED/.test(key))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("a version made only of a remark still gets a key", () => {
    expect(diplomaKey("ABC1", "(note)", "Titre")).toBe("ABC1~NOTE");
  });
});
