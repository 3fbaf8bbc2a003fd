import { storageQuotaProblem } from "@/lib/requests/domain/documents";

const MB = 1024 * 1024;

test("a file fits while used + its size stays within the quota, up to the last byte", () => {
  expect(storageQuotaProblem(0, 10 * MB, 200 * MB)).toBeNull();
  expect(storageQuotaProblem(190 * MB, 10 * MB, 200 * MB)).toBeNull();
  expect(storageQuotaProblem(190 * MB, 10 * MB + 1, 200 * MB)).toMatch(/^Vos pièces occupent déjà 190 Mo sur les 200 Mo permis par auditeur \(reste 10 Mo\)/);
});

test("the message never shows a negative room left", () => {
  expect(storageQuotaProblem(210 * MB, 1, 200 * MB)).toContain("(reste 0 o)");
});
