/**
 * The administration's server actions through the real session gate: only an administrator's
 * session reaches a use case; anonymous → login page, every other role → 403, before the input is
 * even parsed.
 */
import {
  changeRoleAction,
  createAccountAction,
  createCentreAction,
  importCatalogueAction,
  importResultsAction,
  retryNowAction,
  setActiveAction,
  updateCentreAction,
} from "@/lib/admin/actions";
import { db } from "@/lib/shared/db";
import { describeGates, signInAs } from "../../support/session-gate";
import { uniqueSuffix } from "../../support/factories";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

const ADMIN = ["ADMIN"] as const;
const upload = (name: string, text: string | Uint8Array<ArrayBuffer>) => {
  const form = new FormData();
  form.set("fichier", new File([text], name, { type: "text/plain" }));
  return form;
};

describeGates({
  createCentre: {
    allowed: ADMIN,
    run: () => createCentreAction({ code: `G-${uniqueSuffix().toUpperCase()}`, name: "Cnam Porte", region: "Bretagne", contactEmail: "" }),
    reached: (result) => expect(result).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^G-/) } }),
  },
  updateCentre: {
    allowed: ADMIN,
    run: () => updateCentreAction({ code: "NO-SUCH-CENTRE", name: "Cnam Porte", region: "Bretagne", contactEmail: "" }),
    reached: (result) => expect(result).toMatchObject({ ok: false, message: "Ce centre n'existe pas ou plus." }),
  },
  createAccount: {
    allowed: ADMIN,
    run: () => createAccountAction({ identifier: "porte.test", displayName: "Porte Test", email: "porte.test@lecnam.net", role: "AGENT_CENTRE", centreCode: "NO-SUCH-CENTRE" }),
    reached: (result) => expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { centreCode: expect.any(String) } }),
  },
  changeRole: {
    allowed: ADMIN,
    run: () => changeRoleAction({ userId: "no-such-user", role: "AGENT_NATIONAL", centreCode: "" }),
    reached: (result) => expect(result).toMatchObject({ ok: false, message: expect.stringContaining("n'existe pas") }),
  },
  setActive: {
    allowed: ADMIN,
    run: () => setActiveAction({ userId: "no-such-user", active: false }),
    reached: (result) => expect(result).toMatchObject({ ok: false, message: expect.stringContaining("n'existe pas") }),
  },
  importCatalogue: {
    allowed: ADMIN,
    run: () => importCatalogueAction(upload("catalogue.json", "{ pas du JSON")),
    reached: (result) => expect(result).toMatchObject({ ok: true, value: { fileName: "catalogue.json", report: { ok: false, message: expect.stringContaining("JSON") } } }),
  },
  importResults: {
    allowed: ADMIN,
    run: () => importResultsAction(upload("resultats.json", "{ pas du JSON")),
    reached: (result) => expect(result).toMatchObject({ ok: true, value: { fileName: "resultats.json", report: { ok: false } } }),
  },
  retryNow: {
    allowed: ADMIN,
    run: () => retryNowAction(new FormData()),
    reached: (result) => expect(result).toMatchObject({ ok: true, value: { retried: expect.any(Number) } }),
  },
});

test("a refused role learns nothing from its input: 403 before the parse", async () => {
  await signInAs("AGENT_NATIONAL");
  await expect(createCentreAction({ code: "", name: "", region: "", contactEmail: "x" })).rejects.toMatchObject({ forbidden: true });
  await expect(importCatalogueAction(new FormData())).rejects.toMatchObject({ forbidden: true });
});

test("an administrator's input is parsed with the form's schema before the use case", async () => {
  await signInAs("ADMIN");
  expect(await createCentreAction({ code: "pas un code !", name: "", region: "Bretagne", contactEmail: "" })).toMatchObject({
    ok: false,
    code: "INVALID_INPUT",
    fieldErrors: { code: expect.stringContaining("Code"), name: expect.stringContaining("Nom") },
  });
  expect(await importResultsAction(new FormData())).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { fichier: "Choisissez un fichier à importer." } });
  expect(await importResultsAction(upload("latin1.csv", new Uint8Array([0x65, 0xe9])))).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringContaining("UTF-8") });
  const before = await db.centre.count();
  expect(await updateCentreAction({ code: "PARIS", name: "x", region: "", contactEmail: "" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  expect(await db.centre.count()).toBe(before);
});
