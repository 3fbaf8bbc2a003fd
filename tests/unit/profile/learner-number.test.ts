import { confirmedByDirectory, learnerNumberStatus, mayConfirmLearnerNumber } from "@/lib/profile/domain/learner-number";

test("a declared number is confirmed only by a confirmation of that very number", () => {
  expect(learnerNumberStatus("100200300", "100200300")).toBe("confirmed");
  expect(learnerNumberStatus("100200300", null)).toBe("pending");
  expect(learnerNumberStatus("100200300", undefined)).toBe("pending");
  expect(learnerNumberStatus("100200399", "100200300")).toBe("pending");
});

test("the directory confirms the declared number only when it gives the same one", () => {
  expect(confirmedByDirectory("100200300", "100200300")).toBe(true);
  expect(confirmedByDirectory("100200300", " 100200300 ")).toBe(true);
  expect(confirmedByDirectory("100200300", "100200301")).toBe(false);
  expect(confirmedByDirectory("100200300", null)).toBe(false);
  expect(confirmedByDirectory("100200300", "")).toBe(false);
});

test("only an agent of the learner's centre confirms a number", () => {
  expect(mayConfirmLearnerNumber({ role: "AGENT_CENTRE", centreCode: "PARIS" }, "PARIS")).toBe(true);
  expect(mayConfirmLearnerNumber({ role: "AGENT_CENTRE", centreCode: "BORDEAUX" }, "PARIS")).toBe(false);
  expect(mayConfirmLearnerNumber({ role: "AGENT_CENTRE", centreCode: null }, "PARIS")).toBe(false);
  for (const role of ["AUDITEUR", "AGENT_NATIONAL", "ADMIN"]) expect(mayConfirmLearnerNumber({ role, centreCode: "PARIS" }, "PARIS")).toBe(false);
});
