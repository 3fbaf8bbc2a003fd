import { validCommand } from "../../support/commands";
import fc from "fast-check";
import {
  ACTOR_ROLES,
  applyTransition,
  availableTransitions,
  describeState,
  isDecided,
  isOpen,
  progressSteps,
  REQUEST_STATES,
  STATE_LABELS,
  TRANSITIONS,
  type ActorRole,
  type RequestSnapshot,
  type RequestState,
  type TransitionCommand,
  type TransitionContext,
  type TransitionName,
} from "@/lib/requests/domain/request-lifecycle";

/**
 * The expected table, written out independently of the module: [kinds, from, transition, role, to].
 * "*" means both kinds. Anything not listed must fail.
 */
const ALLOWED: [("DIPLOMA" | "EXPERIENCE" | "*"), RequestState, TransitionName, ActorRole, RequestState][] = [
  ["*", "DRAFT", "submit", "AUDITEUR", "SUBMITTED"],
  ["*", "SUBMITTED", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["*", "IN_REVIEW", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["*", "CORRECTION_REQUESTED", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["*", "FORWARDED", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["*", "SUBMITTED", "takeInCharge", "AGENT_CENTRE", "IN_REVIEW"],
  ["*", "SUBMITTED", "assign", "AGENT_CENTRE", "IN_REVIEW"],
  ["*", "IN_REVIEW", "assign", "AGENT_CENTRE", "IN_REVIEW"],
  ["*", "IN_REVIEW", "askForCorrection", "AGENT_CENTRE", "CORRECTION_REQUESTED"],
  ["*", "FORWARDED", "askForCorrection", "AGENT_NATIONAL", "CORRECTION_REQUESTED"],
  ["*", "CORRECTION_REQUESTED", "resubmit", "AUDITEUR", "IN_REVIEW"],
  ["*", "IN_REVIEW", "forward", "AGENT_CENTRE", "FORWARDED"],
  ["*", "IN_REVIEW", "refuse", "AGENT_CENTRE", "REFUSED"],
  ["*", "FORWARDED", "refuse", "AGENT_NATIONAL", "REFUSED"],
  ["EXPERIENCE", "FORWARDED", "decideExperience", "AGENT_NATIONAL", "FAVOURABLE"],
  ["DIPLOMA", "FORWARDED", "validateDiploma", "AGENT_NATIONAL", "VALIDATED"],
  ["DIPLOMA", "VALIDATED", "recordEdition", "AGENT_NATIONAL", "EDITED"],
  ["DIPLOMA", "EDITED", "recordDispatch", "AGENT_NATIONAL", "SENT_TO_CENTRE"],
  ["DIPLOMA", "SENT_TO_CENTRE", "recordHandover", "AGENT_CENTRE", "HANDED_OVER"],
  // « Favorable sous condition » is not final: the learner sends the internship proofs (or renounces),
  // the centre records the condition as met or not.
  ["*", "FAVOURABLE_WITH_CONDITION", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["*", "CONDITION_REVIEW", "withdraw", "AUDITEUR", "WITHDRAWN"],
  ["EXPERIENCE", "FAVOURABLE_WITH_CONDITION", "sendInternshipProof", "AUDITEUR", "CONDITION_REVIEW"],
  ["EXPERIENCE", "CONDITION_REVIEW", "recordConditionMet", "AGENT_CENTRE", "FAVOURABLE"],
  ["EXPERIENCE", "CONDITION_REVIEW", "recordConditionNotMet", "AGENT_CENTRE", "UNFAVOURABLE"],
  // A request closes with the one it lives with, under the actor who closed that one.
  ...(["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "FORWARDED", "FAVOURABLE_WITH_CONDITION", "CONDITION_REVIEW"] as const).flatMap((from) =>
    (["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL"] as const).map((role): [("DIPLOMA" | "EXPERIENCE" | "*"), RequestState, TransitionName, ActorRole, RequestState] => ["*", from, "closeWithLinkedRequest", role, "REFUSED"]),
  ),
];

const SATISFIED: TransitionContext = { allUnitsObtained: true, experienceCovered: true, linkedDiplomaRequestId: "req-1", experienceRequirementMet: true, internshipProofsComplete: true };

const SNAPSHOTS: [string, (state: RequestState) => RequestSnapshot][] = [
  ["DIPLOMA", (state) => ({ kind: "DIPLOMA", state, version: 3 })],
  ["EXPERIENCE ANTICIPEE", (state) => ({ kind: "EXPERIENCE", mode: "ANTICIPEE", state, version: 3 })],
  ["EXPERIENCE CONJOINTE", (state) => ({ kind: "EXPERIENCE", mode: "CONJOINTE", state, version: 3 })],
];

describe.each(SNAPSHOTS)("%s: every state × transition × role", (_name, snapshot) => {
  test.each([...REQUEST_STATES])("from %s", (state) => {
    const current = snapshot(state);
    const expectedFor = (transition: TransitionName) =>
      ALLOWED.filter(([kind, from, candidate]) => (kind === "*" || kind === current.kind) && from === state && candidate === transition);
    const mismatches: string[] = [];
    for (const transition of TRANSITIONS) {
      for (const role of ACTOR_ROLES) {
        const result = applyTransition(current, validCommand(transition, role), SATISFIED);
        const rows = expectedFor(transition);
        const allowed = rows.find(([, , , allowedRole]) => allowedRole === role);
        const label = `${transition} by ${role}`;
        if (allowed) {
          if (!result.ok) mismatches.push(`${label}: expected success, got ${result.error.code}`);
          else if (result.to !== allowed[4]) mismatches.push(`${label}: expected ${allowed[4]}, got ${result.to}`);
        } else {
          const code = rows.length > 0 ? "FORBIDDEN_ROLE" : "ILLEGAL_TRANSITION";
          if (result.ok) mismatches.push(`${label}: expected ${code}, succeeded`);
          else if (result.error.code !== code) mismatches.push(`${label}: expected ${code}, got ${result.error.code}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("successful transitions", () => {
  test("return the next version and the history row", () => {
    const result = applyTransition({ kind: "DIPLOMA", state: "IN_REVIEW", version: 7 }, { type: "askForCorrection", actorRole: "AGENT_CENTRE", expectedVersion: 7, comment: "  Relevé de notes illisible  " });
    expect(result).toEqual({
      ok: true,
      to: "CORRECTION_REQUESTED",
      version: 8,
      history: { from: "IN_REVIEW", to: "CORRECTION_REQUESTED", transition: "askForCorrection", actorRole: "AGENT_CENTRE", comment: "Relevé de notes illisible", payload: {} },
    });
  });

  test("record the payloads: centre opinion, diploma number, assignee, refusal reason", () => {
    const forward = applyTransition({ kind: "EXPERIENCE", mode: "ANTICIPEE", state: "IN_REVIEW", version: 1 }, { type: "forward", actorRole: "AGENT_CENTRE", expectedVersion: 1, opinion: "RESERVED", comment: "Expérience à préciser" });
    expect(forward.ok && forward.history).toMatchObject({ comment: "Expérience à préciser", payload: { centreOpinion: "RESERVED" } });
    const edition = applyTransition({ kind: "DIPLOMA", state: "VALIDATED", version: 1 }, { type: "recordEdition", actorRole: "AGENT_NATIONAL", expectedVersion: 1, diplomaNumber: " 2025-42 " });
    expect(edition.ok && edition.history.payload).toEqual({ diplomaNumber: "2025-42" });
    const assign = applyTransition({ kind: "DIPLOMA", state: "SUBMITTED", version: 1 }, { type: "assign", actorRole: "AGENT_CENTRE", expectedVersion: 1, assigneeId: "agent-7" });
    expect(assign.ok && assign.history.payload).toEqual({ assigneeId: "agent-7" });
    const refuse = applyTransition({ kind: "DIPLOMA", state: "FORWARDED", version: 1 }, { type: "refuse", actorRole: "AGENT_NATIONAL", expectedVersion: 1, reason: "Titre d'accès non justifié" });
    expect(refuse.ok && refuse.history.comment).toBe("Titre d'accès non justifié");
  });

  test("the jury's three opinions", () => {
    const forwarded: RequestSnapshot = { kind: "EXPERIENCE", mode: "CONJOINTE", state: "FORWARDED", version: 2 };
    const decide = (decision: Extract<TransitionCommand, { type: "decideExperience" }>["decision"]) =>
      applyTransition(forwarded, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 2, decision });
    expect(decide({ outcome: "FAVOURABLE" })).toMatchObject({ ok: true, to: "FAVOURABLE" });
    expect(decide({ outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4, conditionText: "Stage de 4 mois en développement" })).toMatchObject({
      ok: true,
      to: "FAVOURABLE_WITH_CONDITION",
      history: { comment: "Stage de 4 mois en développement", payload: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 4 } },
    });
    expect(decide({ outcome: "UNFAVOURABLE", reason: "Activités sans rapport avec la spécialité" })).toMatchObject({ ok: true, to: "UNFAVOURABLE" });
  });
});

describe("mandatory comments and payloads", () => {
  const cases: [string, RequestSnapshot, TransitionCommand, string][] = [
    ["correction without comment", { kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, { type: "askForCorrection", actorRole: "AGENT_CENTRE", expectedVersion: 1, comment: "   " }, "MISSING_COMMENT"],
    ["national correction without comment", { kind: "DIPLOMA", state: "FORWARDED", version: 1 }, { type: "askForCorrection", actorRole: "AGENT_NATIONAL", expectedVersion: 1, comment: "" }, "MISSING_COMMENT"],
    ["forward without the centre's opinion", { kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, { type: "forward", actorRole: "AGENT_CENTRE", expectedVersion: 1, opinion: "FAVOURABLE", comment: "" }, "MISSING_COMMENT"],
    ["forward with an unknown opinion", { kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, { type: "forward", actorRole: "AGENT_CENTRE", expectedVersion: 1, opinion: "MAYBE" as never, comment: "ok" }, "INVALID_PAYLOAD"],
    ["refusal without reason (centre)", { kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, { type: "refuse", actorRole: "AGENT_CENTRE", expectedVersion: 1, reason: " " }, "MISSING_COMMENT"],
    ["refusal without reason (national)", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "refuse", actorRole: "AGENT_NATIONAL", expectedVersion: 1, reason: "" }, "MISSING_COMMENT"],
    ["condition with an internship of 0 months", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 1, decision: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 0, conditionText: "Stage" } }, "INVALID_PAYLOAD"],
    ["condition with a fractional internship", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 1, decision: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 2.5, conditionText: "Stage" } }, "INVALID_PAYLOAD"],
    ["condition without its text", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 1, decision: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: 3, conditionText: "" } }, "MISSING_COMMENT"],
    ["unfavourable without reason", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 1, decision: { outcome: "UNFAVOURABLE", reason: "" } }, "MISSING_COMMENT"],
    ["decision without outcome", { kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, { type: "decideExperience", actorRole: "AGENT_NATIONAL", expectedVersion: 1, decision: undefined as never }, "INVALID_PAYLOAD"],
    ["edition without diploma number", { kind: "DIPLOMA", state: "VALIDATED", version: 1 }, { type: "recordEdition", actorRole: "AGENT_NATIONAL", expectedVersion: 1, diplomaNumber: " " }, "INVALID_PAYLOAD"],
    ["assignment without assignee", { kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, { type: "assign", actorRole: "AGENT_CENTRE", expectedVersion: 1, assigneeId: "" }, "INVALID_PAYLOAD"],
  ];

  test.each(cases)("%s", (_name, current, command, code) => {
    const result = applyTransition(current, command, SATISFIED);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok ? "" : result.error.message).toMatch(/\S/);
  });
});

describe("guards", () => {
  test("a diploma request is submitted only when every unit is obtained and the experience covered", () => {
    const draft: RequestSnapshot = { kind: "DIPLOMA", state: "DRAFT", version: 0 };
    const submit = validCommand("submit", "AUDITEUR", 0);
    expect(applyTransition(draft, submit, { experienceCovered: true })).toMatchObject({ ok: false, error: { code: "GUARD_FAILED", message: expect.stringMatching(/UE/) } });
    expect(applyTransition(draft, submit, { allUnitsObtained: true })).toMatchObject({ ok: false, error: { code: "GUARD_FAILED", message: expect.stringMatching(/expérience/) } });
    expect(applyTransition(draft, submit, { allUnitsObtained: true, experienceCovered: true })).toMatchObject({ ok: true, to: "SUBMITTED", version: 1 });
  });

  test("a joint analysis is submitted with a diploma request; an early one on its own", () => {
    const submit = validCommand("submit", "AUDITEUR", 0);
    expect(applyTransition({ kind: "EXPERIENCE", mode: "CONJOINTE", state: "DRAFT", version: 0 }, submit)).toMatchObject({ ok: false, error: { code: "GUARD_FAILED" } });
    expect(applyTransition({ kind: "EXPERIENCE", mode: "ANTICIPEE", state: "DRAFT", version: 0 }, submit)).toMatchObject({ ok: true, to: "SUBMITTED" });
  });

  test("validateDiploma needs the experience requirement to be met", () => {
    const forwarded: RequestSnapshot = { kind: "DIPLOMA", state: "FORWARDED", version: 4 };
    const command = validCommand("validateDiploma", "AGENT_NATIONAL", 4);
    expect(applyTransition(forwarded, command)).toMatchObject({ ok: false, error: { code: "GUARD_FAILED" } });
    expect(applyTransition(forwarded, command, { experienceRequirementMet: false })).toMatchObject({ ok: false, error: { code: "GUARD_FAILED" } });
    expect(applyTransition(forwarded, command, { experienceRequirementMet: true })).toMatchObject({ ok: true, to: "VALIDATED" });
  });

  test("withdraw is impossible once a decision has been taken, except an opinion under condition (the learner may renounce the internship)", () => {
    expect(applyTransition(SNAPSHOTS[1]![1]("FAVOURABLE_WITH_CONDITION"), validCommand("withdraw", "AUDITEUR"), SATISFIED)).toMatchObject({ ok: true, to: "WITHDRAWN" });
    for (const state of REQUEST_STATES.filter((candidate) => isDecided(candidate) && candidate !== "FAVOURABLE_WITH_CONDITION")) {
      for (const [, snapshot] of SNAPSHOTS) {
        expect(applyTransition(snapshot(state), validCommand("withdraw", "AUDITEUR"), SATISFIED)).toMatchObject({ ok: false, error: { code: "ILLEGAL_TRANSITION" } });
      }
    }
  });
});

describe("optimistic concurrency", () => {
  test("a command based on an older version is rejected before anything else", () => {
    const result = applyTransition({ kind: "DIPLOMA", state: "IN_REVIEW", version: 5 }, validCommand("forward", "AGENT_CENTRE", 4), SATISFIED);
    expect(result).toEqual({ ok: false, error: { code: "STALE_VERSION", message: expect.stringMatching(/^Ce dossier a été modifié entre-temps/) } });
    expect(applyTransition({ kind: "DIPLOMA", state: "HANDED_OVER", version: 5 }, validCommand("withdraw", "ADMIN", 6))).toMatchObject({ error: { code: "STALE_VERSION" } });
  });

  test("property: random command sequences keep the invariants", () => {
    const commandArbitrary = fc.record({ transition: fc.constantFrom(...TRANSITIONS), role: fc.constantFrom(...ACTOR_ROLES), stale: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom(...SNAPSHOTS), fc.array(commandArbitrary, { maxLength: 40 }), ([, snapshot], commands) => {
        let current = snapshot("DRAFT");
        current = { ...current, version: 0 };
        let decided = false;
        for (const { transition, role, stale } of commands) {
          const result = applyTransition(current, validCommand(transition, role, stale ? current.version - 1 : current.version), SATISFIED);
          if (!result.ok) continue;
          expect(stale).toBe(false);
          expect(result.version).toBe(current.version + 1);
          expect(result.history.from).toBe(current.state);
          if (decided) expect(result.to).not.toBe("WITHDRAWN");
          expect(isOpen(current.state)).toBe(true);
          current = { ...current, state: result.to, version: result.version };
          decided ||= isDecided(result.to);
        }
      }),
    );
  });
});

describe("what the screens show", () => {
  test("labels, holders and learner actions exist for every state", () => {
    for (const state of REQUEST_STATES) {
      expect(STATE_LABELS[state]).toMatch(/\S/);
      const description = describeState(state);
      expect(description.label).toBe(STATE_LABELS[state]);
    }
    expect(describeState("DRAFT")).toEqual({ label: "Brouillon", holder: "Vous", learnerAction: expect.stringMatching(/déposez-la/) });
    expect(describeState("IN_REVIEW").holder).toBe("Votre centre d'inscription");
    expect(describeState("FORWARDED").holder).toBe("Le service national / le jury");
    expect(describeState("CORRECTION_REQUESTED")).toMatchObject({ holder: "Vous", learnerAction: expect.stringMatching(/renvoyez/) });
    expect(describeState("WITHDRAWN").holder).toBeNull();
  });

  test("open and decided states", () => {
    expect(REQUEST_STATES.filter(isDecided)).toEqual(["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER", "REFUSED"]);
    expect(REQUEST_STATES.filter((state) => !isOpen(state))).toEqual(["FAVOURABLE", "UNFAVOURABLE", "HANDED_OVER", "REFUSED", "WITHDRAWN"]);
  });

  test("the buttons offered to a role", () => {
    expect(availableTransitions({ kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, "AGENT_CENTRE")).toEqual(["assign", "askForCorrection", "forward", "refuse"]);
    expect(availableTransitions({ kind: "DIPLOMA", state: "IN_REVIEW", version: 1 }, "AUDITEUR")).toEqual(["withdraw"]);
    expect(availableTransitions({ kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FORWARDED", version: 1 }, "AGENT_NATIONAL")).toEqual(["askForCorrection", "refuse", "decideExperience"]);
    expect(availableTransitions({ kind: "DIPLOMA", state: "HANDED_OVER", version: 1 }, "ADMIN")).toEqual([]);
  });

  test("step-by-step display of a diploma request", () => {
    const steps = progressSteps("DIPLOMA", "FORWARDED");
    expect(steps.map((step) => [step.key, step.status])).toEqual([
      ["DRAFT", "done"],
      ["SUBMITTED", "done"],
      ["IN_REVIEW", "done"],
      ["FORWARDED", "current"],
      ["VALIDATED", "upcoming"],
      ["EDITED", "upcoming"],
      ["SENT_TO_CENTRE", "upcoming"],
      ["HANDED_OVER", "upcoming"],
    ]);
    expect(progressSteps("DIPLOMA", "HANDED_OVER").every((step) => step.status === "done")).toBe(true);
  });

  test("a correction request is shown at the instruction step", () => {
    const current = progressSteps("EXPERIENCE", "CORRECTION_REQUESTED").find((step) => step.status === "current");
    expect(current).toEqual({ key: "IN_REVIEW", label: "Complément demandé", status: "current" });
  });

  test("the jury's decision closes an experience analysis", () => {
    const steps = progressSteps("EXPERIENCE", "FAVOURABLE");
    expect(steps.at(-1)).toEqual({ key: "DECISION", label: "Avis favorable", status: "done" });
    expect(progressSteps("EXPERIENCE", "SUBMITTED").at(-1)).toEqual({ key: "DECISION", label: "Avis du jury", status: "upcoming" });
  });

  test("a refused or withdrawn request stops where it was", () => {
    expect(progressSteps("DIPLOMA", "REFUSED", "FORWARDED").map((step) => step.key)).toEqual(["DRAFT", "SUBMITTED", "IN_REVIEW", "FORWARDED", "REFUSED"]);
    expect(progressSteps("EXPERIENCE", "WITHDRAWN", "CORRECTION_REQUESTED").map((step) => step.key)).toEqual(["DRAFT", "SUBMITTED", "IN_REVIEW", "WITHDRAWN"]);
  });
});

test("a whole diploma request, from draft to handover", () => {
  let current: RequestSnapshot = { kind: "DIPLOMA", state: "DRAFT", version: 0 };
  const steps: [TransitionName, ActorRole][] = [
    ["submit", "AUDITEUR"],
    ["takeInCharge", "AGENT_CENTRE"],
    ["askForCorrection", "AGENT_CENTRE"],
    ["resubmit", "AUDITEUR"],
    ["forward", "AGENT_CENTRE"],
    ["validateDiploma", "AGENT_NATIONAL"],
    ["recordEdition", "AGENT_NATIONAL"],
    ["recordDispatch", "AGENT_NATIONAL"],
    ["recordHandover", "AGENT_CENTRE"],
  ];
  const visited: RequestState[] = [];
  for (const [transition, role] of steps) {
    const result = applyTransition(current, validCommand(transition, role, current.version), SATISFIED);
    if (!result.ok) throw new Error(`${transition}: ${result.error.message}`);
    current = { ...current, state: result.to, version: result.version };
    visited.push(result.to);
  }
  expect(visited).toEqual(["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "IN_REVIEW", "FORWARDED", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER"]);
  expect(current.version).toBe(9);
});
