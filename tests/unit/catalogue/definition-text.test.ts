import { parseCatalogue } from "@/lib/catalogue/domain/import";
import { diplomaDefinitionFromText, parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { UnreadableDataError } from "@/lib/shared/result";
import rawCatalogue from "@/prisma/data/cnam-catalogue.json";

const parsed = parseCatalogue(rawCatalogue);
if (!parsed.ok) throw new Error("the shipped catalogue does not import");
const [first, second] = parsed.catalogue.diplomas;
const textOf = (value: unknown) => JSON.stringify(value);

test("the column's text gives what parseDiplomaDefinition gives, parsed once while the text stays the same, and frozen", () => {
  const text = textOf(first);
  const diploma = diplomaDefinitionFromText(first!.key, text);
  expect(diploma).toEqual(parseDiplomaDefinition(first!.key, JSON.parse(text)));
  // Another request reading the same text shares the same definition; nobody may change it.
  expect(diplomaDefinitionFromText(first!.key, `${text}`)).toBe(diploma);
  expect(Object.isFrozen(diploma)).toBe(true);
  expect(Object.isFrozen(diploma.experience)).toBe(true);
  expect(() => {
    (diploma as { title: string }).title = "Autre";
  }).toThrow(TypeError);
});

test("a new import (another text) is parsed again; each diploma keeps its own", () => {
  const before = diplomaDefinitionFromText(second!.key, textOf(second));
  const reimported = { ...second!, title: `${second!.title} (nouvelle version)` };
  const after = diplomaDefinitionFromText(second!.key, textOf(reimported));
  expect(after).not.toBe(before);
  expect(after.title).toBe(reimported.title);
  expect(diplomaDefinitionFromText(first!.key, textOf(first)).key).toBe(first!.key);
});

test("a corrupt definition throws UnreadableDataError every time (never remembered)", () => {
  const corrupt = textOf({ key: "LG02501A", requirement: "???" });
  expect(() => diplomaDefinitionFromText("CORRUPT", corrupt)).toThrow(UnreadableDataError);
  expect(() => diplomaDefinitionFromText("CORRUPT", corrupt)).toThrow(UnreadableDataError);
});
