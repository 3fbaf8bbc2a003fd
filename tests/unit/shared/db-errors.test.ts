import { isUniqueViolation } from "@/lib/shared/db-errors";

describe("isUniqueViolation", () => {
  it("recognises Prisma's P2002 and PostgreSQL's 23505", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(true);
  });

  it("is false for any other failure", () => {
    expect(isUniqueViolation(Object.assign(new Error("Record not found"), { code: "P2025" }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("could not serialize access"), { code: "40001" }))).toBe(false);
    expect(isUniqueViolation(new Error("x"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});
