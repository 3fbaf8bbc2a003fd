import { DEFAULT_DIPLOMA_NUMBER_FORMAT, diplomaNumberSeries, formatDiplomaNumber, parseDiplomaNumberFormat } from "@/lib/requests/domain/diploma-number";

describe("formatDiplomaNumber", () => {
  test("the default format: year, dash, six-digit sequence", () => {
    expect(DEFAULT_DIPLOMA_NUMBER_FORMAT).toBe("{year}-{seq:6}");
    expect(formatDiplomaNumber(DEFAULT_DIPLOMA_NUMBER_FORMAT, 2026, 42)).toBe("2026-000042");
    expect(formatDiplomaNumber(DEFAULT_DIPLOMA_NUMBER_FORMAT, 2026, 1)).toBe("2026-000001");
  });

  test.each([
    ["CNAM-{year}-{seq:8}", 2026, 7, "CNAM-2026-00000007"],
    ["D{yy}/{seq:4}", 2026, 12, "D26/0012"],
    ["D{yy}/{seq:4}", 2005, 12, "D05/0012"],
    ["{seq}", 2026, 123, "123"],
    ["N° {seq:5}", 2026, 3, "N° 00003"],
    ["{year}.{seq:1}", 2026, 9, "2026.9"],
  ])("%s, %i, %i → %s", (format, year, sequence, expected) => {
    expect(formatDiplomaNumber(format, year, sequence)).toBe(expected);
  });

  test("a sequence longer than its padding is written in full, never cut: numbers stay distinct", () => {
    expect(formatDiplomaNumber("{year}-{seq:3}", 2026, 999)).toBe("2026-999");
    expect(formatDiplomaNumber("{year}-{seq:3}", 2026, 1000)).toBe("2026-1000");
  });

  test("distinct sequences give distinct numbers", () => {
    const numbers = Array.from({ length: 2000 }, (_, i) => formatDiplomaNumber(DEFAULT_DIPLOMA_NUMBER_FORMAT, 2026, i + 1));
    expect(new Set(numbers).size).toBe(2000);
  });

  test.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
    [20260, 1],
  ])("refuses year %i, sequence %d", (year, sequence) => {
    expect(() => formatDiplomaNumber(DEFAULT_DIPLOMA_NUMBER_FORMAT, year, sequence)).toThrow();
  });
});

describe("parseDiplomaNumberFormat", () => {
  test.each([
    ["", "vide"],
    ["   ", "vide"],
    ["{year}-", "{seq}"],
    ["{seq}-{seq}", "exactement un"],
    ["{year}-{seq:0}", "inconnu"],
    ["{year}-{seq:13}", "inconnu"],
    ["{year}-{month}-{seq}", "inconnu"],
    ["{year}-{seq:6", "non autorisé"],
    ["{year}}-{seq}", "non autorisé"],
    ["<b>{seq}</b>", "non autorisé"],
    ["x".repeat(60) + "{seq}", "64"],
  ])("refuses %j with a French message", (format, fragment) => {
    const parsed = parseDiplomaNumberFormat(format);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
    expect(() => formatDiplomaNumber(format, 2026, 1)).toThrow();
  });

  test("accepts the documented placeholders", () => {
    expect(parseDiplomaNumberFormat("CNAM {year} {yy} #{seq:6}")).toMatchObject({ ok: true, showsYear: true });
    expect(parseDiplomaNumberFormat("D-{seq:9}")).toMatchObject({ ok: true, showsYear: false });
  });
});

describe("diplomaNumberSeries", () => {
  test("the year when the number shows it: numbering restarts each year", () => {
    expect(diplomaNumberSeries(DEFAULT_DIPLOMA_NUMBER_FORMAT, 2026)).toBe("2026");
    expect(diplomaNumberSeries("D{yy}-{seq}", 2027)).toBe("2027");
  });

  test("one series for ever when it does not: numbers must never repeat", () => {
    expect(diplomaNumberSeries("D-{seq:9}", 2026)).toBe("ALL");
    expect(diplomaNumberSeries("D-{seq:9}", 2027)).toBe("ALL");
  });
});
