/**
 * Diploma.definition, a JSON column, is parsed with the catalogue model's schema where it is read:
 * every diploma of the shipped catalogue passes; a corrupt row is logged and stops an action with a
 * clear French message instead of failing inside the eligibility rules.
 */
import { parseCatalogue } from "@/lib/catalogue/domain/import";
import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { startRequestAction } from "@/lib/requests/actions";
import { UnreadableDataError } from "@/lib/shared/result";
import { db } from "@/lib/shared/db";
import rawCatalogue from "@/prisma/data/cnam-catalogue.json";
import { createLearner, LICENCE_UNITS } from "../../support/requests";
import { signIn } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

test("every diploma the catalogue import writes is read back unchanged", () => {
  const parsed = parseCatalogue(rawCatalogue);
  if (!parsed.ok) throw new Error("the shipped catalogue does not import");
  for (const diploma of parsed.catalogue.diplomas) expect(parseDiplomaDefinition(diploma.key, JSON.parse(JSON.stringify(diploma)))).toEqual(JSON.parse(JSON.stringify(diploma)));
});

test("a corrupt definition throws UnreadableDataError naming the diploma", () => {
  expect(() => parseDiplomaDefinition("LG02501A", { key: "LG02501A", requirement: "???" })).toThrow(UnreadableDataError);
  expect(() => parseDiplomaDefinition("LG02501A", null)).toThrow(/LG02501A.*illisible/);
});

test("an action reading a corrupt definition answers UNAVAILABLE with the French message, and changes nothing", async () => {
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  const key = `CORRUPT-${Date.now()}`;
  const source = await db.diploma.findUniqueOrThrow({ where: { key: "LG02501A" } });
  const { key: _key, definition: _definition, ...rest } = source;
  await db.diploma.create({ data: { ...rest, key, code: null, definition: { key, experience: { kind: "nonsense" } } } });
  await signIn(actor.id);
  const form = new FormData();
  form.set("diplomaKey", key);
  form.set("kind", "DIPLOMA");
  expect(await startRequestAction(form)).toMatchObject({ ok: false, code: "UNAVAILABLE", message: expect.stringContaining(`diplôme ${key}`) });
  expect(await db.request.count({ where: { learnerId: actor.id } })).toBe(0);
});
