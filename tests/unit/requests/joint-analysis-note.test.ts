import { jointAnalysisNote } from "@/lib/requests/domain/linked-requests";

describe("jointAnalysisNote: what the diploma request's page says of its joint analysis", () => {
  test("before the jury's opinion, the validation waits for a favourable one", () => {
    for (const state of ["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "FORWARDED"] as const) {
      expect(jointAnalysisNote(state, false)).toBe("Le diplôme ne peut être validé qu'après un avis favorable du jury sur cette analyse.");
    }
  });

  test("after the favourable opinion, it no longer says that the validation waits for it", () => {
    expect(jointAnalysisNote("FAVOURABLE", true)).toBe("Le jury a rendu un avis favorable sur cette analyse : l'exigence d'expérience professionnelle est satisfaite.");
    expect(jointAnalysisNote("FAVOURABLE", null)).not.toMatch(/qu'après un avis favorable/);
    expect(jointAnalysisNote("FAVOURABLE", false)).toMatch(/ne valide pas toutes les unités d'expérience/);
  });

  test("under condition, the internship comes first; a closed analysis needs no note", () => {
    expect(jointAnalysisNote("FAVOURABLE_WITH_CONDITION", false)).toMatch(/une fois le stage vérifié par le centre/);
    expect(jointAnalysisNote("CONDITION_REVIEW", false)).toMatch(/une fois le stage vérifié par le centre/);
    expect(jointAnalysisNote("UNFAVOURABLE", false)).toBeNull();
    expect(jointAnalysisNote("WITHDRAWN", null)).toBeNull();
  });
});
