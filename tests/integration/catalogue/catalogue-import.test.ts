import { readFileSync } from "node:fs";
import { db } from "@/lib/shared/db";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { searchDiplomas, getDiploma } from "@/lib/catalogue/queries";

const source = () => JSON.parse(readFileSync("prisma/data/cnam-catalogue.json", "utf8"));

test("the real catalogue imports, and searching ignores accents and case", async () => {
  const report = await importCatalogue(db, source());
  expect(report).toMatchObject({ ok: true, diplomas: 19, units: 138 });
  expect((await searchDiplomas("lg02501a")).map((d) => d.key)).toContain("LG02501A");
  expect((await searchDiplomas("INGENIEUR cybersecurite")).map((d) => d.code)).toContain("CYC9106A");
  expect((await getDiploma("LG02501A"))?.requirement.kind).toBe("allGroups");
  const unknown = await db.diploma.findMany({ where: { requestable: false } });
  expect(unknown.length).toBeGreaterThan(0);
  for (const d of unknown) expect((d.definition as { notRequestableReason?: string }).notRequestableReason).toBeTruthy();
});

test("a file with bad records imports nothing and reports each one with its path", async () => {
  const bad = source();
  bad.diplomas[0].title = "Titre modifié qui ne doit pas être importé";
  bad.diplomas[1].ue[0].units[0].code = "ZZZ999";
  delete bad.units[3].code;
  const before = await db.diploma.findUnique({ where: { key: "LG02501A" }, select: { title: true } });
  const report = await importCatalogue(db, bad);
  expect(report.ok).toBe(false);
  if (report.ok) return;
  const paths = report.errors.map((e) => e.path);
  expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^diplomas\[1\]\.ue\[0\]\.units\[0\]/), expect.stringMatching(/^units\[3\]/)]));
  expect(await db.diploma.findUnique({ where: { key: "LG02501A" }, select: { title: true } })).toEqual(before);
});
