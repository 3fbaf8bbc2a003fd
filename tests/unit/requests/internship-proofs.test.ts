import { INTERNSHIP_PROOF_CATEGORIES, learnerMayAddDocument } from "@/lib/requests/domain/request-access";
import { DOCUMENT_CATEGORIES } from "@/lib/requests/domain/documents";
import { REQUEST_STATES } from "@/lib/requests/domain/request-lifecycle";

test("after a favourable opinion under condition the learner joins only the internship's agreement and report; a draft or a correction takes any piece; otherwise none", () => {
  for (const state of REQUEST_STATES) {
    for (const category of DOCUMENT_CATEGORIES) {
      const expected =
        state === "DRAFT" || state === "CORRECTION_REQUESTED" || (state === "FAVOURABLE_WITH_CONDITION" && (INTERNSHIP_PROOF_CATEGORIES as readonly string[]).includes(category));
      expect({ state, category, allowed: learnerMayAddDocument(state, category) }).toEqual({ state, category, allowed: expected });
    }
  }
  expect(INTERNSHIP_PROOF_CATEGORIES).toEqual(["INTERNSHIP_AGREEMENT", "INTERNSHIP_REPORT"]);
});
