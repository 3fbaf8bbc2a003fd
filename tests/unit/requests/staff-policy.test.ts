import { ROLES, type Role } from "@/lib/auth/domain/policy";
import { REQUEST_STATES, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { STAFF_ACTIONS, accountChangeRefusal, can, canChangeAccount, type AccountChange, type PolicyScope, type StaffAction } from "@/lib/requests/domain/staff-policy";

const OWN = "PARIS";
const OTHER = "NOUVELLE-AQUITAINE";
const FORWARDED_AT = new Date("2026-03-02T10:00:00Z");

/** The scopes every role × action is tried on: own or other centre, forwarded or not, a draft, none. */
const SCOPES = {
  ownInstruction: { centreCode: OWN, state: "IN_REVIEW", forwardedAt: null },
  ownForwarded: { centreCode: OWN, state: "FORWARDED", forwardedAt: FORWARDED_AT },
  otherInstruction: { centreCode: OTHER, state: "IN_REVIEW", forwardedAt: null },
  otherForwarded: { centreCode: OTHER, state: "FORWARDED", forwardedAt: FORWARDED_AT },
  ownDraft: { centreCode: OWN, state: "DRAFT", forwardedAt: null },
  none: undefined,
} satisfies Record<string, PolicyScope | undefined>;
type ScopeName = keyof typeof SCOPES;

/**
 * Which scopes each role may act on, action by action — the specification written out by hand:
 * "-" nowhere; "own" the submitted requests of the agent's centre, forwarded or not; "ownInstr"
 * those the centre is instructing (not forwarded); "fwd" forwarded requests of any centre;
 * "global" an action on no request (any scope is ignored); "any" every scope (the learner's
 * messages, whose ownership is checked by the caller).
 */
type Rule = "-" | "own" | "ownInstr" | "fwd" | "global" | "any";
const MATRIX: Record<StaffAction, Record<Role, Rule>> = {
  //                      AUDITEUR          AGENT_CENTRE             AGENT_NATIONAL          ADMIN
  view:             { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  takeInCharge:     { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "-",      ADMIN: "-" },
  assign:           { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "-",      ADMIN: "-" },
  askForCorrection: { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  forward:          { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "-",      ADMIN: "-" },
  refuse:           { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  reviewDocument:   { AUDITEUR: "-",   AGENT_CENTRE: "ownInstr", AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  postMessage:      { AUDITEUR: "any", AGENT_CENTRE: "own",      AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  decideExperience: { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  recordConditionMet:    { AUDITEUR: "-", AGENT_CENTRE: "own", AGENT_NATIONAL: "-", ADMIN: "-" },
  recordConditionNotMet: { AUDITEUR: "-", AGENT_CENTRE: "own", AGENT_NATIONAL: "-", ADMIN: "-" },
  validateDiploma:  { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  recordEdition:    { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  recordDispatch:   { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "fwd",    ADMIN: "-" },
  recordHandover:   { AUDITEUR: "-",   AGENT_CENTRE: "own",      AGENT_NATIONAL: "-",      ADMIN: "-" },
  exportQueue:      { AUDITEUR: "-",   AGENT_CENTRE: "global",   AGENT_NATIONAL: "global", ADMIN: "-" },
  manageCentres:    { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "-",      ADMIN: "global" },
  manageAccounts:   { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "-",      ADMIN: "global" },
  importCatalogue:  { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "-",      ADMIN: "global" },
  importResults:    { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "-",      ADMIN: "global" },
  readAudit:        { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "-",      ADMIN: "global" },
  readStatistics:   { AUDITEUR: "-",   AGENT_CENTRE: "-",        AGENT_NATIONAL: "global", ADMIN: "global" },
};

const RULE_SCOPES: Record<Rule, readonly ScopeName[]> = {
  "-": [],
  own: ["ownInstruction", "ownForwarded"],
  ownInstr: ["ownInstruction"],
  fwd: ["ownForwarded", "otherForwarded"],
  global: ["ownInstruction", "ownForwarded", "otherInstruction", "otherForwarded", "ownDraft", "none"],
  any: ["ownInstruction", "ownForwarded", "otherInstruction", "otherForwarded", "ownDraft", "none"],
};

const SCOPE_NAMES = Object.keys(SCOPES) as ScopeName[];
const TABLE = ROLES.flatMap((role) =>
  STAFF_ACTIONS.flatMap((action) => SCOPE_NAMES.map((scope) => [role, action, scope, RULE_SCOPES[MATRIX[action][role]].includes(scope)] as const)),
);

describe("can: the whole matrix role × action × scope", () => {
  test("the matrix covers every action", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...STAFF_ACTIONS].sort());
    expect(TABLE).toHaveLength(ROLES.length * STAFF_ACTIONS.length * SCOPE_NAMES.length);
  });

  test.each(TABLE)("%s × %s × %s → %s", (role, action, scope, expected) => {
    const centreCode = role === "AGENT_CENTRE" ? OWN : null;
    expect(can({ role, centreCode }, action, SCOPES[scope])).toBe(expected);
  });
});

describe("can: the edges of the matrix", () => {
  const forwarded = (state: RequestState): PolicyScope => ({ centreCode: OWN, state, forwardedAt: FORWARDED_AT });

  test("a centre agent without a centre acts on nothing", () => {
    for (const action of STAFF_ACTIONS) {
      for (const scope of SCOPE_NAMES) expect(can({ role: "AGENT_CENTRE", centreCode: null }, action, SCOPES[scope])).toBe(false);
    }
  });

  test("the centre reviews the internship's pieces while it checks the jury's condition; the national level does not", () => {
    expect(can({ role: "AGENT_CENTRE", centreCode: OWN }, "reviewDocument", forwarded("CONDITION_REVIEW"))).toBe(true);
    expect(can({ role: "AGENT_CENTRE", centreCode: OWN }, "reviewDocument", forwarded("FAVOURABLE_WITH_CONDITION"))).toBe(false);
    expect(can({ role: "AGENT_NATIONAL", centreCode: null }, "reviewDocument", forwarded("CONDITION_REVIEW"))).toBe(false);
  });

  test("the national level keeps seeing a forwarded request sent back to the centre for a correction", () => {
    for (const state of ["CORRECTION_REQUESTED", "IN_REVIEW", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "REFUSED"] as const) {
      expect(can({ role: "AGENT_NATIONAL", centreCode: null }, "view", forwarded(state))).toBe(true);
    }
  });

  test("the centre keeps its own requests after forwarding: it hands the diploma over", () => {
    expect(can({ role: "AGENT_CENTRE", centreCode: OWN }, "recordHandover", forwarded("SENT_TO_CENTRE"))).toBe(true);
    expect(can({ role: "AGENT_CENTRE", centreCode: OTHER }, "recordHandover", forwarded("SENT_TO_CENTRE"))).toBe(false);
  });

  test.each(REQUEST_STATES.map((state) => [state] as const))("documents of a request in state %s are reviewed by whoever holds it", (state) => {
    const scope = state === "FORWARDED" ? forwarded(state) : { centreCode: OWN, state, forwardedAt: null };
    expect(can({ role: "AGENT_CENTRE", centreCode: OWN }, "reviewDocument", scope)).toBe(["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "CONDITION_REVIEW"].includes(state));
    expect(can({ role: "AGENT_NATIONAL", centreCode: null }, "reviewDocument", forwarded(state))).toBe(state === "FORWARDED" ? true : false);
  });

  test("no request action without its scope, whoever asks", () => {
    for (const role of ["AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const) {
      for (const action of ["view", "takeInCharge", "refuse", "decideExperience", "recordEdition"] as const) {
        expect(can({ role, centreCode: OWN }, action)).toBe(false);
      }
    }
  });

  test("a draft is nobody's business but its learner's", () => {
    for (const role of ["AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const) {
      for (const action of STAFF_ACTIONS.filter((a) => MATRIX[a][role] !== "global")) {
        expect(can({ role, centreCode: OWN }, action, { centreCode: OWN, state: "DRAFT", forwardedAt: FORWARDED_AT })).toBe(false);
      }
    }
  });
});

describe("canChangeAccount: only an administrator, never on their own rights", () => {
  const admin = { id: "admin-1", role: "ADMIN" as const };
  const self = { id: "admin-1", role: "ADMIN" as const, centreCode: null, active: true };
  const agent = { id: "agent-1", role: "AGENT_CENTRE" as const, centreCode: OWN, active: true };
  const CHANGES: AccountChange[] = [{ role: "AGENT_NATIONAL" }, { centreCode: OTHER }, { active: false }, { displayName: "Nadia Leroy" }, { email: "n.leroy@example.fr" }];

  test.each(CHANGES.map((change) => [JSON.stringify(change), change] as const))("an administrator may make %s on another account", (_label, change) => {
    expect(canChangeAccount(admin, agent, change)).toBe(true);
    expect(canChangeAccount(admin, { ...self, id: "admin-2" }, change)).toBe(true);
  });

  test("an administrator creates accounts", () => {
    expect(canChangeAccount(admin, null, { role: "AGENT_CENTRE", centreCode: OWN })).toBe(true);
  });

  test.each([[{ role: "AGENT_CENTRE" as const }], [{ role: "ADMIN" as const }], [{ centreCode: OWN }], [{ active: false }], [{ active: true }], [{ displayName: "x", active: false }]])(
    "an administrator cannot change their own role, centre or activation: %j",
    (change) => {
      expect(canChangeAccount(admin, self, change)).toBe(false);
      expect(accountChangeRefusal(admin, self, change)).toContain("autre administrateur");
    },
  );

  test("an administrator may correct their own name and email", () => {
    expect(canChangeAccount(admin, self, { displayName: "Nadia Leroy", email: "nadia@example.fr" })).toBe(true);
  });

  test.each(ROLES.filter((role) => role !== "ADMIN").map((role) => [role] as const))("a %s manages no account, not even their own", (role) => {
    const actor = { id: "u-1", role };
    const own = { id: "u-1", role, centreCode: role === "AGENT_CENTRE" ? OWN : null, active: true };
    for (const change of [...CHANGES, { role: "ADMIN" as const }]) {
      expect(canChangeAccount(actor, own, change)).toBe(false);
      expect(canChangeAccount(actor, agent, change)).toBe(false);
    }
    expect(canChangeAccount(actor, null, { role: "ADMIN" })).toBe(false);
    expect(accountChangeRefusal(actor, own, { role: "ADMIN" })).toBe("Seul un administrateur gère les comptes.");
  });
});
