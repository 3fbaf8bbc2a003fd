import { searchKey } from "@/lib/shared/text";
import { countOf, foldAccents, foldText, pageTitle, plural } from "@/lib/shared/text";

describe("foldText", () => {
  it("compares French text without case, accents or extra spaces", () => {
    expect(foldText("  Expérience   PROFESSIONNELLE\t\nÀ l'étranger ")).toBe("experience professionnelle a l'etranger");
    expect(foldText("LEFÈVRE Zoë")).toBe(foldText("lefevre zoe"));
    expect(foldText("Œuvre")).toBe("œuvre");
  });

  it("is the domain's search key", () => {
    expect(searchKey).toBe(foldText);
  });
});

describe("foldAccents", () => {
  it("keeps spaces, so that the help search can map each character back", () => {
    expect(foldAccents(" É  e ")).toBe(" e  e ");
  });
});

describe("plural and countOf: the French agreement of a word with a count", () => {
  test("0 and 1 take the singular, 2 and more the plural", () => {
    expect(countOf(0, "demande")).toBe("0 demande");
    expect(countOf(1, "non lue", "non lues")).toBe("1 non lue");
    expect(countOf(2, "non lue", "non lues")).toBe("2 non lues");
    expect(plural(1.5, "jour")).toBe("jour");
  });

  test("an irregular plural is used as given", () => {
    expect(countOf(3, "travail", "travaux")).toBe("3 travaux");
  });

  test("large counts are written the French way", () => {
    expect(countOf(1234, "compte")).toMatch(/^1\s234 comptes$/u);
  });
});

describe("pageTitle", () => {
  test("joins the parts from the most specific, leaving out empty ones", () => {
    expect(pageTitle("Demande D3-2026-00012", "Complément demandé")).toBe("Demande D3-2026-00012 – Complément demandé");
    expect(pageTitle("Brouillon", null, undefined, false, " ", "Ma demande")).toBe("Brouillon – Ma demande");
  });
});
