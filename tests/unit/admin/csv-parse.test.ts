import { detectSeparator, parseCsv } from "@/lib/admin/csv";
import { parseGrade, parseObtainedBy, parseResultLine } from "@/lib/catalogue/domain/unit-results";

const fields = (text: string, separator?: ";" | ",") => {
  const parsed = parseCsv(text, separator);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.map((r) => r.fields);
};

describe("parseCsv (RFC 4180, ; or ,)", () => {
  test("simple records, LF or CRLF, with or without a final line break", () => {
    expect(fields("a;b;c\n1;2;3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fields("a;b\r\n1;2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("a UTF-8 byte order mark is ignored", () => {
    expect(fields("\uFEFFnumero_auditeur;ue\nA;B")).toEqual([["numero_auditeur", "ue"], ["A", "B"]]);
  });

  test("quoted fields hold separators, doubled quotes and line breaks", () => {
    expect(fields('a,b\n"12,5","dit ""bien"""\n', ",")).toEqual([["a", "b"], ["12,5", 'dit "bien"']]);
    expect(fields('a;b\n"deux\nlignes";x\n')).toEqual([["a", "b"], ["deux\nlignes", "x"]]);
  });

  test("empty fields are kept; blank lines are skipped", () => {
    expect(fields("a;b;c\n1;;3\n\n4;5;\n")).toEqual([["a", "b", "c"], ["1", "", "3"], ["4", "5", ""]]);
    expect(fields('"";x')).toEqual([["", "x"]]);
  });

  test("each record keeps the line it starts on, multi-line fields and blank lines included", () => {
    const parsed = parseCsv('h;i\n"a\nb";1\n\n2;3\n');
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test("malformed quoting is an error with its line", () => {
    expect(parseCsv('a;b\n1;x"y\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a;b\n1;"x"y\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a;b\n1;"jamais fermé\n2;3')).toMatchObject({ ok: false, line: 2 });
  });

  test("the separator is the one of the header line, quotes ignored", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator("a,b,c\n1;2;3")).toBe(",");
    expect(detectSeparator('"x;y",b\n')).toBe(",");
    expect(detectSeparator("\uFEFFseule")).toBe(";");
  });
});

describe("one line of results", () => {
  const line = (over: Record<string, unknown> = {}) => ({ numero_auditeur: "n12345678", ue: "utc501", annee: "2024", note: "12,5", mode: "réussie", centre: "paris", ...over });

  test("a good line is normalised", () => {
    expect(parseResultLine(line(), 2026)).toEqual({ ok: true, line: { learnerNumber: "N12345678", unitCode: "UTC501", year: 2024, grade: 12.5, obtainedBy: "PASSED", centreCode: "PARIS" } });
    expect(parseResultLine(line({ annee: 2020, note: 14, mode: "VAE", centre: "" }), 2026)).toMatchObject({ ok: true, line: { year: 2020, grade: 14, obtainedBy: "VAE", centreCode: null } });
  });

  test("modes in English or French, any case, with or without accents", () => {
    expect(["PASSED", "réussie", "Reussie", "EQUIVALENCE", "équivalence", "Equivalence", "VES", "vae"].map(parseObtainedBy)).toEqual(["PASSED", "PASSED", "PASSED", "EQUIVALENCE", "EQUIVALENCE", "EQUIVALENCE", "VES", "VAE"]);
    expect(parseObtainedBy("admis")).toBeNull();
  });

  test("grades with , or . as decimal separator", () => {
    expect([parseGrade("12,5"), parseGrade("12.25"), parseGrade("0"), parseGrade("20"), parseGrade("")]).toEqual([12.5, 12.25, 0, 20, null]);
    expect(parseGrade("12,5,1")).toBeNaN();
    expect(parseGrade("-1")).toBeNaN();
  });

  test.each([
    [{ annee: "1949" }, "année « 1949 » hors de 1950 à 2026"],
    [{ annee: "2027" }, "année « 2027 » hors de 1950 à 2026"],
    [{ note: "20,5" }, "note « 20,5 » invalide"],
    [{ note: "douze" }, "note « douze » invalide"],
    [{ note: "" }, "note obligatoire pour une unité réussie"],
    [{ mode: "admis" }, "mode « admis » inconnu"],
    [{ numero_auditeur: "" }, "numéro d'auditeur manquant"],
    [{ ue: "UTC 501" }, "code d'unité d'enseignement « UTC 501 » mal formé"],
    [{ centre: "Cnam Paris" }, "code de centre « CNAM PARIS » mal formé"],
  ])("%j is rejected: %s", (over, message) => {
    const result = parseResultLine(line(over), 2026);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.toLowerCase()).toContain(message.toLowerCase());
  });

  test("a grade is optional for other modes; several problems are all named", () => {
    expect(parseResultLine(line({ note: "", mode: "équivalence" }), 2026)).toMatchObject({ ok: true, line: { grade: null, obtainedBy: "EQUIVALENCE" } });
    const result = parseResultLine(line({ annee: "", mode: "" }), 2026);
    expect(!result.ok && result.message.split(" ; ")).toHaveLength(2);
  });
});
