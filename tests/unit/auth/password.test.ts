import { newPasswordSchema } from "@/lib/auth/domain/password";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/domain/password-policy";

const IDENTIFIER = "jean.dupont.auditeur";
const TOO_SHORT = "Le mot de passe doit contenir au moins 12 caractères.";
const TOO_LONG = "Le mot de passe doit contenir au plus 200 caractères.";
const CONTAINS_IDENTIFIER = "Le mot de passe ne doit pas contenir votre identifiant.";
const MISMATCH = "Les deux mots de passe ne sont pas identiques.";

function issues(password: string, confirmation = password, identifier = IDENTIFIER) {
  const result = newPasswordSchema(identifier).safeParse({ password, confirmation });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("newPasswordSchema: length", () => {
  test("the limits are 12 and 200 characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(200);
  });

  test("an 11-character password is rejected with a French message on the password field", () => {
    expect(issues("a".repeat(11))).toEqual([{ path: "password", message: TOO_SHORT }]);
  });

  test("a 12-character password is accepted", () => {
    expect(issues("a".repeat(12))).toEqual([]);
  });

  test("an empty password is rejected as too short", () => {
    expect(issues("")).toEqual([{ path: "password", message: TOO_SHORT }]);
  });

  test("a 200-character password is accepted", () => {
    expect(issues("a".repeat(200))).toEqual([]);
  });

  test("a 201-character password is rejected with a French message", () => {
    expect(issues("a".repeat(201))).toEqual([{ path: "password", message: TOO_LONG }]);
  });

  test("spaces count as characters (a passphrase is fine)", () => {
    expect(issues("un deux trois")).toEqual([]);
  });

  test("a valid password is returned unchanged (not trimmed)", () => {
    const password = "  mot de passe solide  ";
    expect(newPasswordSchema(IDENTIFIER).parse({ password, confirmation: password })).toEqual({ password, confirmation: password });
  });
});

describe("newPasswordSchema: identifier inside the password", () => {
  test("a password containing the identifier is rejected", () => {
    expect(issues(`${IDENTIFIER}2026!`)).toEqual([{ path: "password", message: CONTAINS_IDENTIFIER }]);
  });

  test("a password equal to the identifier is rejected", () => {
    expect(issues(IDENTIFIER)).toEqual([{ path: "password", message: CONTAINS_IDENTIFIER }]);
  });

  test.each(["JEAN.DUPONT.AUDITEUR", "Jean.Dupont.Auditeur", "xxjEaN.dUpOnT.aUdItEuRxx"])("the identifier in any case (%j) is rejected", (password) => {
    expect(issues(password)).toEqual([{ path: "password", message: CONTAINS_IDENTIFIER }]);
  });

  test("the identifier given in upper case is still found in a lower-case password", () => {
    expect(issues("abc-jean.dupont-xyz", undefined, "JEAN.DUPONT")).toEqual([{ path: "password", message: CONTAINS_IDENTIFIER }]);
  });

  test("parts of the identifier alone are allowed", () => {
    expect(issues("jean-dupont-auditeur")).toEqual([]);
    expect(issues("jean.dupont.2026")).toEqual([]);
  });

  test("with no identifier, any long enough password is accepted", () => {
    expect(issues("n'importe quoi ici", undefined, "")).toEqual([]);
  });

  test("a short password containing the identifier reports both problems", () => {
    expect(issues("jean.dupont", undefined, "jean.dupont")).toEqual([
      { path: "password", message: TOO_SHORT },
      { path: "password", message: CONTAINS_IDENTIFIER },
    ]);
  });
});

describe("newPasswordSchema: confirmation", () => {
  test("a mismatching confirmation is reported on the confirmation field, in French", () => {
    expect(issues("correct horse battery", "correct horse batterie")).toEqual([{ path: "confirmation", message: MISMATCH }]);
  });

  test("the confirmation is compared exactly (case matters)", () => {
    expect(issues("Correct horse battery", "correct horse battery")).toEqual([{ path: "confirmation", message: MISMATCH }]);
  });

  test("the confirmation is compared exactly (trailing space matters)", () => {
    expect(issues("correct horse battery", "correct horse battery ")).toEqual([{ path: "confirmation", message: MISMATCH }]);
  });

  test("an empty confirmation is a mismatch", () => {
    expect(issues("correct horse battery", "")).toEqual([{ path: "confirmation", message: MISMATCH }]);
  });

  test("a missing confirmation is rejected on the confirmation field", () => {
    const result = newPasswordSchema(IDENTIFIER).safeParse({ password: "correct horse battery" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["confirmation"]]);
  });

  test("a matching confirmation is accepted", () => {
    expect(issues("correct horse battery", "correct horse battery")).toEqual([]);
  });
});
