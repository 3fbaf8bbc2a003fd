import { z } from "zod";
import { FORBIDDEN_CHARACTER_MESSAGE, cleanString, idParam, isCleanText, safeDecode, searchParam, searchParamsOf } from "@/lib/shared/params";

describe("isCleanText", () => {
  test.each(["", "Bonjour", "Ligne 1\nLigne 2\r\n\tfin", "Élodie Lefèvre – 12 €", "emoji 🎓 (a surrogate pair)"])("%j is clean", (text) => {
    expect(isCleanText(text)).toBe(true);
  });

  test.each([
    ["a NUL byte", "a\u0000b"],
    ["a control character", "a\u0007b"],
    ["DEL", "a\u007fb"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "a\udc00"],
    ["a high surrogate at the end", "fin\ud83c"],
  ])("%s is refused", (_label, text) => {
    expect(isCleanText(text)).toBe(false);
  });

  test("cleanString gives the French field message", () => {
    const parsed = cleanString().safeParse("a\u0000");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(FORBIDDEN_CHARACTER_MESSAGE);
  });
});

describe("searchParam", () => {
  const q = searchParam(z.string().max(5));

  test("a single value goes through its schema", () => {
    expect(q("abc")).toBe("abc");
    expect(q("abcdef")).toBeUndefined();
    expect(q(undefined)).toBeUndefined();
    expect(q(null)).toBeUndefined();
  });

  test("a repeated parameter takes its first value", () => {
    expect(q(["a", "b"])).toBe("a");
    expect(q([])).toBeUndefined();
  });

  test("a NUL byte or a broken character makes the parameter absent", () => {
    expect(q("a\u0000")).toBeUndefined();
    expect(q("\ud800")).toBeUndefined();
    expect(q(["a\u0000", "b"])).toBeUndefined();
  });
});

describe("searchParamsOf", () => {
  test("repeated names become lists, as a page's searchParams", () => {
    expect(searchParamsOf("http://localhost/x?a=1&b=2&a=3&a=%00")).toEqual({ a: ["1", "3", "\u0000"], b: "2" });
  });
});

describe("idParam", () => {
  test.each(["clx0abc123", "LG02501A", "LG02501A~v2", "SANS-CODE-LICENCE-GENERALE", "NOUVELLE-AQUITAINE", "D3-2026-000123"])("%s is an id", (id) => {
    expect(idParam(id)).toBe(id);
  });

  test.each(["", "a\u0000b", "a b", "é", "../x", "a/b", "x".repeat(301)])("%j is not", (raw) => {
    expect(idParam(raw)).toBeNull();
  });

  test("a repeated value takes the first", () => {
    expect(idParam(["abc", "def"])).toBe("abc");
    expect(idParam(undefined)).toBeNull();
  });
});

describe("safeDecode", () => {
  test("decodes, or answers null instead of throwing", () => {
    expect(safeDecode("LG02501A%7Ev2")).toBe("LG02501A~v2");
    expect(safeDecode("%E9")).toBeNull();
    expect(safeDecode("%")).toBeNull();
  });
});
