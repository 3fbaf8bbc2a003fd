import { validCommand } from "../../support/commands";
import { COMMANDS, EDGES } from "@/lib/requests/domain/commands";
import { applyTransition, isOpen, STATE_HOLDERS, type RequestSnapshot, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import type { Role } from "@/lib/auth/domain/policy";

/**
 * Walks the state machine from a draft, for each kind of request, and checks that no path leaves a
 * request open with nobody able to act on it: every state reached that is not final has someone
 * (the learner, the centre, the national level) with a command of their own that moves it, and the
 * person the learner is told holds the file is one of them. The closures with a linked request are
 * consequences, not anyone's action: they do not count.
 */

const KINDS: [string, (state: RequestState) => RequestSnapshot][] = [
  ["diploma request", (state) => ({ kind: "DIPLOMA", state, version: 1 })],
  ["anticipated analysis", (state) => ({ kind: "EXPERIENCE", mode: "ANTICIPEE", state, version: 1 })],
  ["joint analysis", (state) => ({ kind: "EXPERIENCE", mode: "CONJOINTE", state, version: 1 })],
];
const FACTS = { allUnitsObtained: true, experienceCovered: true, linkedDiplomaRequestId: "d", experienceRequirementMet: true, internshipProofsComplete: true };
const HOLDER_ROLE: Record<"LEARNER" | "CENTRE" | "NATIONAL", Role> = { LEARNER: "AUDITEUR", CENTRE: "AGENT_CENTRE", NATIONAL: "AGENT_NATIONAL" };

/** The moves someone can make from a state: [command, role, state reached]. */
function moves(snapshot: RequestSnapshot): [string, Role, RequestState][] {
  return EDGES.filter((edge) => edge.from === snapshot.state && edge.kinds.includes(snapshot.kind) && COMMANDS[edge.transition].scope !== "linked").flatMap((edge) =>
    edge.roles.flatMap((role): [string, Role, RequestState][] => {
      // Every outcome of the jury is a move of its own.
      const commands =
        edge.transition === "decideExperience"
          ? [
              { type: "decideExperience" as const, actorRole: role, expectedVersion: 1, decision: { outcome: "FAVOURABLE" as const, units: ["U"] } },
              { type: "decideExperience" as const, actorRole: role, expectedVersion: 1, decision: { outcome: "FAVOURABLE_WITH_CONDITION" as const, internshipMonths: 3, conditionText: "Stage", units: ["U"] } },
              { type: "decideExperience" as const, actorRole: role, expectedVersion: 1, decision: { outcome: "UNFAVOURABLE" as const, reason: "Hors domaine" } },
            ]
          : [validCommand(edge.transition, role, 1)];
      return commands.flatMap((command) => {
        const result = applyTransition(snapshot, command, FACTS);
        return result.ok ? [[edge.transition, role, result.to] as [string, Role, RequestState]] : [];
      });
    }),
  );
}

describe.each(KINDS)("the %s", (_name, snapshotOf) => {
  const reached = new Set<RequestState>(["DRAFT"]);
  const queue: RequestState[] = ["DRAFT"];
  while (queue.length > 0) {
    for (const [, , to] of moves(snapshotOf(queue.shift()!))) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }

  test("reaches an end on every path: an open state always has someone who can move it", () => {
    for (const state of reached) {
      const possible = moves(snapshotOf(state));
      expect({ state, stuck: isOpen(state) && possible.length === 0 }).toEqual({ state, stuck: false });
      // A final state moves no more.
      if (!isOpen(state)) expect({ state, possible }).toEqual({ state, possible: [] });
    }
  });

  test("the one the learner is told holds the file can act on it", () => {
    for (const state of reached) {
      const holder = STATE_HOLDERS[state];
      if (!isOpen(state)) {
        expect({ state, holder }).toEqual({ state, holder: null });
        continue;
      }
      expect(holder).not.toBeNull();
      expect({ state, holderActs: moves(snapshotOf(state)).some(([, role]) => role === HOLDER_ROLE[holder!]) }).toEqual({ state, holderActs: true });
    }
  });

  test("every open state reached can also be closed (refused, withdrawn or decided), not only moved around", () => {
    const closable = (state: RequestState, seen = new Set<RequestState>()): boolean => {
      if (!isOpen(state)) return true;
      seen.add(state);
      return moves(snapshotOf(state)).some(([, , to]) => !seen.has(to) && closable(to, new Set(seen)));
    };
    for (const state of reached) expect({ state, closable: closable(state) }).toEqual({ state, closable: true });
  });
});

test("an opinion under condition is not an end: the learner sends the proofs, the centre says whether the condition is met", () => {
  const analysis: RequestSnapshot = { kind: "EXPERIENCE", mode: "CONJOINTE", state: "FAVOURABLE_WITH_CONDITION", version: 1 };
  expect(isOpen("FAVOURABLE_WITH_CONDITION")).toBe(true);
  expect(moves(analysis)).toEqual([
    ["withdraw", "AUDITEUR", "WITHDRAWN"],
    ["sendInternshipProof", "AUDITEUR", "CONDITION_REVIEW"],
  ]);
  expect(moves({ ...analysis, state: "CONDITION_REVIEW" })).toEqual([
    ["withdraw", "AUDITEUR", "WITHDRAWN"],
    ["recordConditionMet", "AGENT_CENTRE", "FAVOURABLE"],
    ["recordConditionNotMet", "AGENT_CENTRE", "UNFAVOURABLE"],
  ]);
  // The proofs are needed to send them.
  expect(applyTransition(analysis, validCommand("sendInternshipProof", "AUDITEUR", 1), { internshipProofsComplete: false })).toMatchObject({ ok: false, error: { code: "GUARD_FAILED" } });
});
