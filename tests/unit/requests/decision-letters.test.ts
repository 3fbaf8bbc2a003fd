import { decisionOf, latestDecision, toneOf, type DecisionEvent } from "@/lib/requests/letters/decision";
import { DEFAULT_APPEAL_TEXT, DEFAULT_SIGNATORY, isContestable, letterSettings, signatoryOf } from "@/lib/requests/letters/settings";

const event = (id: number, transition: string, toState: DecisionEvent["toState"], extra: Partial<DecisionEvent> = {}): DecisionEvent => ({
  id,
  at: new Date(`2026-06-0${id}T10:00:00Z`),
  transition,
  toState,
  actorRole: "AGENT_NATIONAL",
  comment: null,
  payload: {},
  ...extra,
});

describe("what a decision reads like", () => {
  test("a refusal and an unfavourable opinion are negative, a condition is conditional, never a success", () => {
    expect(toneOf(decisionOf(event(1, "refuse", "REFUSED", { comment: "Motif" }))!)).toBe("negative");
    expect(toneOf(decisionOf(event(1, "decideExperience", "UNFAVOURABLE", { comment: "Motif" }))!)).toBe("negative");
    expect(toneOf(decisionOf(event(1, "decideExperience", "FAVOURABLE_WITH_CONDITION", { comment: "Stage", payload: { internshipMonths: 3 } }))!)).toBe("conditional");
    expect(toneOf(decisionOf(event(1, "decideExperience", "FAVOURABLE"))!)).toBe("positive");
    // Issue 11, paths: a request closed with the one it lives with, and the condition of the jury found met or not.
    expect(decisionOf(event(1, "closeWithLinkedRequest", "REFUSED", { comment: "Avis défavorable sur l'analyse" }))).toMatchObject({ kind: "REFUSED", reason: "Avis défavorable sur l'analyse" });
    expect(decisionOf(event(1, "closeWithLinkedRequest", "WITHDRAWN", { comment: "Abandon" }))).toBeNull();
    expect(toneOf(decisionOf(event(1, "recordConditionMet", "FAVOURABLE"))!)).toBe("positive");
    expect(decisionOf(event(1, "recordConditionNotMet", "UNFAVOURABLE", { comment: "Stage trop court" }))).toEqual({ kind: "EXPERIENCE_UNFAVOURABLE", reason: "Stage trop court" });
    expect(toneOf(decisionOf(event(1, "validateDiploma", "VALIDATED"))!)).toBe("positive");
  });

  test("the latest decision of a numbered request, with its letter; none before a number or a decision", () => {
    const events = [event(1, "submit", "SUBMITTED"), event(2, "decideExperience", "FAVOURABLE_WITH_CONDITION", { comment: "Stage", payload: { internshipMonths: 3 } }), event(3, "refuse", "REFUSED", { comment: "Motif" })];
    expect(latestDecision({ id: "r", number: "D3-2026-000001", events })).toMatchObject({ decision: { kind: "REFUSED", reason: "Motif" }, letter: { eventId: 3, label: "Refus de la demande" } });
    expect(latestDecision({ id: "r", number: null, events })).toBeNull();
    expect(latestDecision({ id: "r", number: "D3-2026-000001", events: events.slice(0, 1) })).toBeNull();
  });
});

describe("who signs, and the appeal routes", () => {
  const refusedByCentre = { kind: "REFUSED", reason: "Motif", by: "CENTRE" } as const;

  test("a contestable decision carries the appeal routes; a favourable one does not need them", () => {
    expect(isContestable(refusedByCentre)).toBe(true);
    expect(isContestable({ kind: "EXPERIENCE_UNFAVOURABLE", reason: "Motif" })).toBe(true);
    expect(isContestable({ kind: "EXPERIENCE_FAVOURABLE_WITH_CONDITION", internshipMonths: 3, conditionText: "Stage" })).toBe(true);
    expect(isContestable({ kind: "EXPERIENCE_FAVOURABLE" })).toBe(false);
    expect(isContestable({ kind: "DIPLOMA_VALIDATED" })).toBe(false);
  });

  test("a centre's refusal is signed by its agent for the centre's director; other decisions by the national signatory", () => {
    const settings = letterSettings({});
    expect(signatoryOf(refusedByCentre, settings, "Cnam Paris", "Sophie Bernard")).toEqual({ name: "Sophie Bernard", title: "Pour le directeur du centre d'inscription Cnam Paris et par délégation" });
    expect(signatoryOf({ kind: "DIPLOMA_VALIDATED" }, settings, "Cnam Paris", "Claire Moreau")).toEqual(DEFAULT_SIGNATORY);
  });

  test("the defaults state the two-month deadline, the gracious and the litigation routes; the environment overrides them", () => {
    expect(DEFAULT_APPEAL_TEXT).toMatch(/deux mois/);
    expect(DEFAULT_APPEAL_TEXT).toMatch(/recours gracieux auprès de l'administrateur général/);
    expect(DEFAULT_APPEAL_TEXT).toMatch(/recours contentieux devant le tribunal administratif de Paris/);
    const custom = "Voies de recours : recours gracieux auprès du directeur du centre dans les deux mois.";
    expect(letterSettings({ LETTER_APPEAL_TEXT: custom, LETTER_SIGNATORY_NAME: "Marie Durand" })).toEqual({ national: { name: "Marie Durand", title: DEFAULT_SIGNATORY.title }, appealText: custom });
  });
});
