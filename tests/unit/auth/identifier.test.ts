import fc from "fast-check";
import { checkIdentifier, IDENTIFIER_FORMAT_HELP, normaliseIdentifier } from "@/lib/auth/domain/identifier";

const EMPTY = "Saisissez votre identifiant.";
const SPACE = "L'identifiant ne contient pas d'espace. " + IDENTIFIER_FORMAT_HELP;
const ACCENT =
  "L'identifiant ne contient pas d'accent ni de caractère spécial (écrivez « e » pour « é », « c » pour « ç »). " + IDENTIFIER_FORMAT_HELP;
const TOO_LONG = "Cet identifiant est trop long. " + IDENTIFIER_FORMAT_HELP;
const MALFORMED = "Identifiant mal formé. " + IDENTIFIER_FORMAT_HELP;

function rejection(raw: string): string {
  const result = checkIdentifier(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(result)}`);
  return result.message;
}

describe("normaliseIdentifier", () => {
  test("lower-cases the identifier", () => {
    expect(normaliseIdentifier("Jean.DUPONT.Auditeur")).toBe("jean.dupont.auditeur");
  });

  test("trims surrounding spaces, tabs and new lines", () => {
    expect(normaliseIdentifier("  \tjean.dupont\n ")).toBe("jean.dupont");
  });

  test("keeps inner characters untouched", () => {
    expect(normaliseIdentifier("jean dupont")).toBe("jean dupont");
  });
});

describe("checkIdentifier: accepted learner identifiers (prenom.nom.auditeur)", () => {
  test.each([
    ["jean.dupont.auditeur", "jean.dupont.auditeur"],
    ["Jean.Dupont.Auditeur", "jean.dupont.auditeur"],
    ["JEAN.DUPONT.AUDITEUR", "jean.dupont.auditeur"],
    ["  jean.dupont.auditeur  ", "jean.dupont.auditeur"],
    ["\tJean.Dupont.Auditeur\n", "jean.dupont.auditeur"],
  ])("%j is a learner identifier, normalised to %j", (raw, identifier) => {
    expect(checkIdentifier(raw)).toEqual({ ok: true, identifier, kind: "learner" });
  });

  test("a hyphenated first name is accepted", () => {
    expect(checkIdentifier("jean-pierre.dupont.auditeur")).toEqual({ ok: true, identifier: "jean-pierre.dupont.auditeur", kind: "learner" });
  });

  test("a hyphenated last name is accepted", () => {
    expect(checkIdentifier("marie.le-goff.auditeur")).toEqual({ ok: true, identifier: "marie.le-goff.auditeur", kind: "learner" });
  });

  test("several hyphens in both names are accepted", () => {
    expect(checkIdentifier("marie-anne-sophie.de-la-tour.auditeur")).toMatchObject({ ok: true, kind: "learner" });
  });

  test("a trailing number on the last name (namesakes) is accepted", () => {
    expect(checkIdentifier("jean.dupont2.auditeur")).toEqual({ ok: true, identifier: "jean.dupont2.auditeur", kind: "learner" });
    expect(checkIdentifier("jean.dupont12.auditeur")).toMatchObject({ ok: true, kind: "learner" });
  });

  test("single-letter names are accepted", () => {
    expect(checkIdentifier("a.b.auditeur")).toMatchObject({ ok: true, kind: "learner" });
  });
});

describe("checkIdentifier: accepted staff identifiers (prenom.nom)", () => {
  test.each([
    ["jean.dupont", "jean.dupont"],
    ["Jean.Dupont", "jean.dupont"],
    ["  JEAN.DUPONT ", "jean.dupont"],
    ["jean-pierre.le-goff", "jean-pierre.le-goff"],
    ["jean.dupont2", "jean.dupont2"],
    ["jean.dupont15", "jean.dupont15"],
  ])("%j is a staff identifier, normalised to %j", (raw, identifier) => {
    expect(checkIdentifier(raw)).toEqual({ ok: true, identifier, kind: "staff" });
  });
});

describe("checkIdentifier: empty identifier", () => {
  test.each(["", " ", "   ", "\t\n"])("%j asks the user to type an identifier", (raw) => {
    expect(rejection(raw)).toBe(EMPTY);
  });
});

describe("checkIdentifier: inner spaces", () => {
  test.each(["jean dupont.auditeur", "jean.dupont .auditeur", "jean. dupont", "jean\tdupont.auditeur", "jean.dupont\u00a0.auditeur"])(
    "%j is rejected with the space message",
    (raw) => {
      expect(rejection(raw)).toBe(SPACE);
    },
  );
});

describe("checkIdentifier: accents and non-ASCII characters", () => {
  test.each([
    ["é", "jérôme.dupont.auditeur"],
    ["è", "hélène.lefèvre.auditeur"],
    ["ç", "françois.dupont.auditeur"],
    ["ï", "anaïs.martin.auditeur"],
    ["ë", "noël.martin"],
    ["à", "jean.dupont.audità"],
    ["capital É", "Élodie.Martin.Auditeur"],
    ["ß", "hans.weiß"],
    ["ø", "søren.larsen.auditeur"],
    ["decomposed e + combining acute", "je\u0301ro\u0302me.dupont.auditeur"],
    ["zero-width space", "jean.dupont\u200b.auditeur"],
    ["emoji", "jean.dupont😀.auditeur"],
  ])("an identifier with %s is rejected with the accent message", (_label, raw) => {
    expect(rejection(raw)).toBe(ACCENT);
  });

  test("the accent message tells the user to write e for é and c for ç", () => {
    expect(ACCENT).toContain("« e » pour « é »");
    expect(ACCENT).toContain("« c » pour « ç »");
  });
});

describe("checkIdentifier: other characters", () => {
  test.each([
    "jean_dupont.auditeur",
    "jean.dupont@cnam.fr",
    "jean'dupont.auditeur",
    "jean.d'ormesson.auditeur",
    "jean,dupont",
    "jean.dupont;auditeur",
    "jean/dupont",
    "jean.dupont.auditeur!",
    "jean+test.dupont",
  ])("%j is rejected as malformed", (raw) => {
    expect(rejection(raw)).toBe(MALFORMED);
  });
});

describe("checkIdentifier: wrong shapes", () => {
  test.each([
    ["a single name", "jean"],
    ["a single name ending with a dot", "jean."],
    [".auditeur alone", ".auditeur"],
    ["a missing last name", "jean..auditeur"],
    ["a double dot", "jean..dupont"],
    ["a double dot before auditeur", "jean.dupont..auditeur"],
    ["a leading dot", ".jean.dupont"],
    ["a leading dot on a learner id", ".jean.dupont.auditeur"],
    ["a trailing dot", "jean.dupont."],
    ["a trailing dot on a learner id", "jean.dupont.auditeur."],
    ["three name parts", "jean.pierre.dupont"],
    ["auditeur twice", "jean.dupont.auditeur.auditeur"],
    ["a number after auditeur", "jean.dupont.auditeur2"],
    ["a number on the first name", "jean2.dupont"],
    ["a number on the first name of a learner", "jean2.dupont.auditeur"],
    ["a number inside the last name", "jean.du2pont"],
    ["a last name made only of digits", "jean.123"],
    ["a leading hyphen", "-jean.dupont"],
    ["a trailing hyphen on the first name", "jean-.dupont"],
    ["a double hyphen", "jean--pierre.dupont"],
    ["a hyphen next to a dot", "jean.-dupont.auditeur"],
    ["a hyphen before the number", "jean.dupont-2"],
    ["only dots", "..."],
    ["only a dot", "."],
  ])("%s (%j) is rejected as malformed", (_label, raw) => {
    expect(rejection(raw)).toBe(MALFORMED);
  });
});

describe("checkIdentifier: length", () => {
  const learnerOfLength = (length: number) => {
    const rest = length - ".auditeur".length - 1;
    const first = Math.floor(rest / 2);
    return "a".repeat(first) + "." + "b".repeat(rest - first) + ".auditeur";
  };

  test("an identifier of exactly 100 characters is accepted", () => {
    const raw = learnerOfLength(100);
    expect(raw).toHaveLength(100);
    expect(checkIdentifier(raw)).toMatchObject({ ok: true, kind: "learner" });
  });

  test("an identifier of 101 characters is rejected as too long", () => {
    const raw = learnerOfLength(101);
    expect(raw).toHaveLength(101);
    expect(rejection(raw)).toBe(TOO_LONG);
  });

  test("a very long identifier is rejected as too long", () => {
    expect(rejection("a".repeat(500) + ".dupont")).toBe(TOO_LONG);
  });

  test("surrounding spaces do not count towards the length", () => {
    expect(checkIdentifier("     " + learnerOfLength(100) + "     ")).toMatchObject({ ok: true });
  });
});

describe("checkIdentifier: every rejection message explains the expected format", () => {
  test.each(["jean dupont", "jérôme.dupont", "a".repeat(101), "jean"])("the message for %j ends with the format help", (raw) => {
    expect(rejection(raw).endsWith(IDENTIFIER_FORMAT_HELP)).toBe(true);
  });

  test("the format help is in French and shows both forms: the login page is the staff's too", () => {
    expect(IDENTIFIER_FORMAT_HELP).toContain("prenom.nom.auditeur pour les auditeurs et auditrices");
    expect(IDENTIFIER_FORMAT_HELP).toContain("prenom.nom pour les personnels du Cnam");
    expect(IDENTIFIER_FORMAT_HELP).toContain("sans accent ni espace");
  });
});

describe("checkIdentifier: properties", () => {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const name = fc
    .array(fc.string({ unit: fc.constantFrom(...letters.split("")), minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join("-"));
  const number = fc.option(fc.integer({ min: 0, max: 999 }).map(String), { nil: "" });

  test("any accepted identifier is its own normalisation and contains only a-z, 0-9, dots and hyphens", () => {
    const noisy = fc.string({
      unit: fc.constantFrom(..."aAbBzZ09.-. .-_é É\t".split("")),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string(), fc.string({ unit: "grapheme" })), (raw) => {
        const result = checkIdentifier(raw);
        if (!result.ok) return;
        expect(normaliseIdentifier(result.identifier)).toBe(result.identifier);
        expect(result.identifier).toMatch(/^[a-z0-9.-]+$/);
        expect(checkIdentifier(result.identifier)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  test("any well-formed prenom.nom[N].auditeur is accepted as a learner, whatever its case and surrounding spaces", () => {
    fc.assert(
      fc.property(name, name, number, fc.boolean(), fc.nat(3), fc.nat(3), (first, last, n, upper, before, after) => {
        const identifier = `${first}.${last}${n}.auditeur`;
        fc.pre(identifier.length <= 100);
        const raw = " ".repeat(before) + (upper ? identifier.toUpperCase() : identifier) + " ".repeat(after);
        expect(checkIdentifier(raw)).toEqual({ ok: true, identifier, kind: "learner" });
      }),
    );
  });

  test("any well-formed prenom.nom[N] is accepted as staff", () => {
    fc.assert(
      fc.property(name, name, number, (first, last, n) => {
        const identifier = `${first}.${last}${n}`;
        fc.pre(identifier.length <= 100);
        expect(checkIdentifier(identifier)).toEqual({ ok: true, identifier, kind: "staff" });
      }),
    );
  });

  test("an accepted identifier with any inner space inserted is rejected with the space message", () => {
    fc.assert(
      fc.property(name, name, fc.nat(), (first, last, at) => {
        const identifier = `${first}.${last}.auditeur`;
        const position = 1 + (at % (identifier.length - 1));
        expect(rejection(identifier.slice(0, position) + " " + identifier.slice(position))).toBe(SPACE);
      }),
    );
  });
});

test("a learner identifier missing its first name is not taken for a staff one", () => {
  expect(checkIdentifier("dupont.auditeur")).toMatchObject({ ok: false, message: expect.stringContaining("mal formé") });
});
