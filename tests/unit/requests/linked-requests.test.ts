import {
  anticipatedAnalysisToLink,
  checkCreditedUnits,
  closureFor,
  experienceRequirementMet,
  linkedClosureReason,
  requestsToClose,
  unitsToCredit,
} from "@/lib/requests/domain/linked-requests";
import type { ExperienceRule } from "@/lib/catalogue/domain/model";

const ENGINEER: ExperienceRule = {
  kind: "required",
  unitCodes: ["UAEP04", "UAEP03"],
  unitsNeeded: "ALL",
  family: "ENGINEER",
  ruleText: "3 ans dont 2 dans la spécialité",
  alternativeText: null,
  inFieldMonths: 24,
  totalMonths: 36,
};
const UNSTRUCTURED: ExperienceRule = { kind: "unspecified", unitCodes: [], unitsNeeded: "ANY", ruleText: "Selon le jury", alternativeText: null };

describe("what closes with what", () => {
  test("a refusal or an unfavourable opinion closes as refused, a withdrawal as withdrawn, a favourable end closes nothing", () => {
    expect(closureFor("REFUSED")).toBe("REFUSED");
    expect(closureFor("UNFAVOURABLE")).toBe("REFUSED");
    expect(closureFor("WITHDRAWN")).toBe("WITHDRAWN");
    for (const state of ["FAVOURABLE", "FORWARDED", "VALIDATED", "FAVOURABLE_WITH_CONDITION"] as const) expect(closureFor(state)).toBeNull();
  });

  test("a diploma request takes its joint analysis along, never an anticipated one; an analysis takes the diploma requests relying on it", () => {
    const joint = { id: "j", kind: "EXPERIENCE" as const, mode: "CONJOINTE" as const, state: "FAVOURABLE_WITH_CONDITION" as const };
    const anticipated = { id: "a", kind: "EXPERIENCE" as const, mode: "ANTICIPEE" as const, state: "FORWARDED" as const };
    const diploma = { id: "d", kind: "DIPLOMA" as const, mode: null, state: "FORWARDED" as const };
    expect(requestsToClose({ kind: "DIPLOMA" }, [joint, anticipated])).toEqual([joint]);
    expect(requestsToClose({ kind: "EXPERIENCE" }, [diploma])).toEqual([diploma]);
    // Already closed, or still a draft: left as they are.
    expect(requestsToClose({ kind: "DIPLOMA" }, [{ ...joint, state: "UNFAVOURABLE" }])).toEqual([]);
    expect(requestsToClose({ kind: "EXPERIENCE" }, [{ ...diploma, state: "DRAFT" }])).toEqual([]);
    // A diploma already validated (its units credited otherwise) is past the point where the analysis matters.
    expect(requestsToClose({ kind: "EXPERIENCE" }, [{ ...diploma, state: "VALIDATED" }])).toEqual([]);
  });

  test("the reason says what ended, why, and what to do next", () => {
    const unfavourable = linkedClosureReason({ kind: "EXPERIENCE", number: "D3-2026-000002", to: "UNFAVOURABLE" }, " Activités hors spécialité ");
    expect(unfavourable).toContain("Avis défavorable sur la demande d'analyse de l'expérience professionnelle n° D3-2026-000002.");
    expect(unfavourable).toContain("Motif : Activités hors spécialité");
    expect(unfavourable).toContain("nouvelle demande à partir de celle-ci");
    expect(linkedClosureReason({ kind: "DIPLOMA", number: "D3-2026-000001", to: "REFUSED" }, "UE manquante")).toMatch(/^Refus de la demande de délivrance de diplôme n° D3-2026-000001\. Motif : UE manquante/);
    expect(linkedClosureReason({ kind: "DIPLOMA", number: null, to: "WITHDRAWN" }, undefined)).toMatch(/^Vous avez abandonné la demande de délivrance de diplôme\. Vous pouvez/);
  });
});

describe("a diploma request and the anticipated analysis", () => {
  const analysis = (state: string, mode: "ANTICIPEE" | "CONJOINTE" = "ANTICIPEE") => ({ id: state, mode, state: state as never });

  test("links one under way (submitted, not closed), not a draft, not a closed one", () => {
    expect(anticipatedAnalysisToLink([analysis("DRAFT"), analysis("IN_REVIEW")], ENGINEER)?.id).toBe("IN_REVIEW");
    expect(anticipatedAnalysisToLink([analysis("FAVOURABLE_WITH_CONDITION")], ENGINEER)?.id).toBe("FAVOURABLE_WITH_CONDITION");
    expect(anticipatedAnalysisToLink([analysis("DRAFT"), analysis("UNFAVOURABLE"), analysis("WITHDRAWN")], ENGINEER)).toBeNull();
    expect(anticipatedAnalysisToLink([analysis("FORWARDED", "CONJOINTE")], ENGINEER)).toBeNull();
  });

  test("links a favourable one only when the rule names no unit (the opinion is then the proof)", () => {
    expect(anticipatedAnalysisToLink([analysis("FAVOURABLE")], ENGINEER)).toBeNull();
    expect(anticipatedAnalysisToLink([analysis("FAVOURABLE")], UNSTRUCTURED)?.id).toBe("FAVOURABLE");
  });

  test("the requirement is met by the results, or by a favourable opinion when the rule names no unit", () => {
    expect(experienceRequirementMet("validated", null, ENGINEER)).toBe(true);
    expect(experienceRequirementMet("excluded", null, null)).toBe(true);
    // The engineer's UAEP04 credited alone leaves UAEP03 missing: not met, however favourable the opinion.
    expect(experienceRequirementMet("missing", "FAVOURABLE", ENGINEER)).toBe(false);
    expect(experienceRequirementMet("missing", "FAVOURABLE", UNSTRUCTURED)).toBe(true);
    expect(experienceRequirementMet("missing", "FORWARDED", UNSTRUCTURED)).toBe(false);
  });
});

describe("the units a decision credits", () => {
  test("named by the jury among the rule's, at least one; never all by default", () => {
    expect(checkCreditedUnits(ENGINEER, [])).toEqual({ ok: false, message: "Cochez les unités d'expérience que la décision valide." });
    expect(checkCreditedUnits(ENGINEER, ["UAEP04"])).toEqual({ ok: true, units: ["UAEP04"] });
    expect(checkCreditedUnits(ENGINEER, ["UAEP03", "UAEP04", "UAEP03"])).toEqual({ ok: true, units: ["UAEP04", "UAEP03"] });
    expect(checkCreditedUnits(ENGINEER, ["UAAL0T"])).toMatchObject({ ok: false, message: expect.stringContaining("UAAL0T") });
    expect(checkCreditedUnits(UNSTRUCTURED, [])).toEqual({ ok: true, units: [] });
  });

  test("only those the learner does not hold yet are written", () => {
    expect(unitsToCredit(["UAEP04", "UAEP03"], new Set(["UAEP04"]))).toEqual(["UAEP03"]);
  });
});
