import { validCommand } from "../../support/commands";
import { ROLES } from "@/lib/auth/domain/policy";
import { REQUEST_STATES, applyTransition, type RequestSnapshot } from "@/lib/requests/domain/request-lifecycle";
import { can, REQUEST_ACTIONS } from "@/lib/requests/domain/staff-policy";
import { COMMANDS, STAFF_COMMANDS, TRANSITIONS, availableTransitions, bulkCommandsFor, commandSchema, learnerCommands } from "@/lib/requests/domain/commands";

/** A context where every guard holds. */
const CONTEXT = { allUnitsObtained: true, experienceCovered: true, linkedDiplomaRequestId: "d", experienceRequirementMet: true, internshipProofsComplete: true };
const SNAPSHOTS: ((state: (typeof REQUEST_STATES)[number]) => RequestSnapshot)[] = [
  (state) => ({ kind: "DIPLOMA", state, version: 1 }),
  (state) => ({ kind: "EXPERIENCE", mode: "ANTICIPEE", state, version: 1 }),
  (state) => ({ kind: "EXPERIENCE", mode: "CONJOINTE", state, version: 1 }),
];
const VISIBLE = (state: (typeof REQUEST_STATES)[number]) => ({ centreCode: "PARIS", state, forwardedAt: new Date() });

test("every (kind, state, command, role): the machine, the buttons, the policy and the registry agree", () => {
  for (const snapshot of SNAPSHOTS) {
    for (const state of REQUEST_STATES) {
      const request = snapshot(state);
      for (const role of ROLES) {
        const offered = availableTransitions(request, role);
        for (const name of TRANSITIONS) {
          const accepted = applyTransition(request, validCommand(name, role, 1), CONTEXT).ok;
          const declared = request.kind !== undefined && COMMANDS[name].kinds.includes(request.kind) && (COMMANDS[name].from as Record<string, readonly string[]>)[state]?.includes(role) === true;
          expect({ name, state, role, kind: request.kind, accepted }).toEqual({ name, state, role, kind: request.kind, accepted: declared });
          // A closure with the linked request is no one's button: use cases apply it themselves.
          const button = accepted && COMMANDS[name].scope !== "linked";
          expect(offered.includes(name)).toBe(button);
          if (role === "AUDITEUR") expect(learnerCommands(request).includes(name as never)).toBe(button);
          // A staff command the machine accepts is one the role is entitled to on a request it sees.
          if (button && role !== "AUDITEUR") expect(can({ role, centreCode: "PARIS" }, name as never, VISIBLE(state))).toBe(true);
        }
      }
    }
  }
});

test("the permission matrix gives a staff command to exactly the roles of its edges", () => {
  for (const name of STAFF_COMMANDS) {
    expect(REQUEST_ACTIONS).toContain(name);
    for (const role of ROLES.filter((r) => r !== "AUDITEUR")) {
      const onSomeEdge = Object.values(COMMANDS[name].from as Record<string, readonly string[]>).some((roles) => roles.includes(role));
      expect(can({ role, centreCode: "PARIS" }, name, VISIBLE("IN_REVIEW"))).toBe(onSomeEdge);
    }
  }
});

test("the learner is offered nothing on a decided anticipated analysis, and no withdrawal once validated", () => {
  for (const state of ["FAVOURABLE", "UNFAVOURABLE"] as const) {
    expect(learnerCommands({ kind: "EXPERIENCE", mode: "ANTICIPEE", state, version: 4 })).toEqual([]);
  }
  // Under condition: send the internship proofs, or renounce; once sent, wait for the centre (or renounce).
  expect(learnerCommands({ kind: "EXPERIENCE", mode: "ANTICIPEE", state: "FAVOURABLE_WITH_CONDITION", version: 4 })).toEqual(["withdraw", "sendInternshipProof"]);
  expect(learnerCommands({ kind: "EXPERIENCE", mode: "ANTICIPEE", state: "CONDITION_REVIEW", version: 5 })).toEqual(["withdraw"]);
  for (const state of ["VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER"] as const) {
    expect(learnerCommands({ kind: "DIPLOMA", state, version: 4 })).not.toContain("withdraw");
  }
  expect(learnerCommands({ kind: "DIPLOMA", state: "DRAFT", version: 0 })).toEqual(["submit"]);
  expect(learnerCommands({ kind: "DIPLOMA", state: "CORRECTION_REQUESTED", version: 3 })).toEqual(["withdraw", "resubmit"]);
});

test("the bulk operations of each space are the registry's bulk commands its role sends", () => {
  expect(bulkCommandsFor("AGENT_CENTRE")).toEqual(["takeInCharge", "assign", "forward"]);
  expect(bulkCommandsFor("AGENT_NATIONAL")).toEqual(["recordEdition"]);
  expect(bulkCommandsFor("AUDITEUR")).toEqual([]);
});

test("every staff command has its panel texts and an input schema naming its type", () => {
  for (const name of STAFF_COMMANDS) {
    expect(COMMANDS[name].panel).toEqual({ button: expect.any(String), question: expect.any(String), confirm: expect.any(String), done: expect.any(String) });
    expect(commandSchema(name).safeParse({ type: "other", requestId: "r", version: 1 }).success).toBe(false);
  }
});
