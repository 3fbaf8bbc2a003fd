import type { Role } from "../../auth/domain/policy";
import { canViewRequest } from "./request-access";
import type { RequestState } from "./request-lifecycle";
import { STAFF_COMMANDS, rolesOf, type StaffCommandName } from "@/lib/requests/domain/commands";

/**
 * What each staff role may do, and on which requests: the one permission matrix of the
 * back-office (role × action × scope). Whether an action is possible *now* (the request's state,
 * its version, the guards) is the state machine's business (lib/requests/domain/request-lifecycle.ts);
 * this module answers "is this person entitled to it on this request at all".
 *
 * - AGENT_CENTRE: the instruction of their own centre's requests, and the handover of the diploma.
 * - AGENT_NATIONAL: the requests a centre has forwarded (decisions, validation, edition, dispatch,
 *   refusal, correction request), the national queue export and the statistics.
 * - ADMIN: centres, accounts, catalogue and results imports, the audit log and the statistics;
 *   no request at all.
 * - AUDITEUR: only messages on their own requests; ownership is checked by the caller (isOwner),
 *   since a request's scope here does not carry its learner.
 */

/**
 * Actions on one request: they need its scope. The state-changing ones are the staff commands of
 * the registry (lib/requests/domain/commands.ts); viewing, reviewing a document and writing a
 * message change no state and are declared here.
 */
const OTHER_REQUEST_ACTIONS = ["view", "reviewDocument", "postMessage"] as const;
export const REQUEST_ACTIONS = [...OTHER_REQUEST_ACTIONS, ...STAFF_COMMANDS] as const;
export type RequestAction = (typeof OTHER_REQUEST_ACTIONS)[number] | StaffCommandName;

/** Actions on no particular request: a scope given with them is ignored. */
export const GLOBAL_ACTIONS = ["exportQueue", "manageCentres", "manageAccounts", "importCatalogue", "importResults", "readAudit", "readStatistics"] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export const STAFF_ACTIONS = [...REQUEST_ACTIONS, ...GLOBAL_ACTIONS] as const;
export type StaffAction = RequestAction | GlobalAction;

export type PolicyActor = { role: Role; centreCode: string | null };
export type PolicyScope = { centreCode: string; state: RequestState; forwardedAt: Date | null };

/** The actions that change no state, for each role, on the requests it may view; reviewDocument also depends on the state (below). */
const OTHER_RIGHTS: Record<Role, ReadonlySet<RequestAction>> = {
  AUDITEUR: new Set(["postMessage"]),
  AGENT_CENTRE: new Set(["view", "reviewDocument", "postMessage"]),
  AGENT_NATIONAL: new Set(["view", "reviewDocument", "postMessage"]),
  ADMIN: new Set(),
};

/** A role's right to a command is the registry's: it sends it from at least one state. */
function hasRight(role: Role, action: RequestAction): boolean {
  return isStaffCommand(action) ? rolesOf(action).has(role) : OTHER_RIGHTS[role].has(action);
}

function isStaffCommand(action: RequestAction): action is StaffCommandName {
  return (STAFF_COMMANDS as readonly string[]).includes(action);
}

const GLOBAL_RIGHTS: Record<Role, ReadonlySet<GlobalAction>> = {
  AUDITEUR: new Set(),
  // A centre agent exports their own centre's queue: the queue itself is scoped to the centre.
  AGENT_CENTRE: new Set(["exportQueue"]),
  AGENT_NATIONAL: new Set(["exportQueue", "readStatistics"]),
  ADMIN: new Set(["manageCentres", "manageAccounts", "importCatalogue", "importResults", "readAudit", "readStatistics"]),
};

/**
 * The pièces justificatives are reviewed by whoever holds the file: the centre while it instructs
 * (a correction under way included) and while it checks the internship a favourable opinion under
 * condition asked for, the national level while the request is before it. Once a decision is
 * taken, the documents it rests on no longer change status.
 */
const CENTRE_REVIEW_STATES: ReadonlySet<RequestState> = new Set(["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "CONDITION_REVIEW"]);
const NATIONAL_REVIEW_STATES: ReadonlySet<RequestState> = new Set(["FORWARDED"]);

export function isRequestAction(action: StaffAction): action is RequestAction {
  return (REQUEST_ACTIONS as readonly StaffAction[]).includes(action);
}

/**
 * May this actor do this action (on this request)? An action on a request without its scope is
 * refused: forgetting the scope must never open a door. A request the actor may not view allows
 * nothing (and the callers answer "not found", as for a missing one).
 */
export function can(actor: PolicyActor, action: StaffAction, scope?: PolicyScope): boolean {
  if (!isRequestAction(action)) {
    // A centre agent's rights are their centre's: without one, they have none.
    if (actor.role === "AGENT_CENTRE" && !actor.centreCode) return false;
    return GLOBAL_RIGHTS[actor.role].has(action);
  }
  if (!hasRight(actor.role, action)) return false;
  // The learner's messages: ownership is checked by the caller (isOwner).
  if (actor.role === "AUDITEUR") return true;
  if (!scope || !canViewRequest({ id: "", role: actor.role, centreCode: actor.centreCode }, { ...scope, learnerId: "" })) return false;
  if (action === "reviewDocument") return (actor.role === "AGENT_CENTRE" ? CENTRE_REVIEW_STATES : NATIONAL_REVIEW_STATES).has(scope.state);
  return true;
}

// ——— Accounts ———

export type AccountActor = { id: string; role: Role };
export type AccountTarget = { id: string; role: Role; centreCode: string | null; active: boolean };
/** The fields of an account an administrator may change; only those present are changed. */
export type AccountChange = { role?: Role; centreCode?: string | null; active?: boolean; displayName?: string; email?: string };

/**
 * Only an administrator manages accounts (target null: a new account). Nobody changes their own
 * role, centre or active flag, even to the same value: an agent cannot raise their own rights and
 * an administrator cannot lock themselves out (another administrator has to do it).
 */
export function canChangeAccount(actor: AccountActor, target: AccountTarget | null, change: AccountChange): boolean {
  return accountChangeRefusal(actor, target, change) === null;
}

/** Why the change is refused, in French for the screen; null when it is allowed. */
export function accountChangeRefusal(actor: AccountActor, target: AccountTarget | null, change: AccountChange): string | null {
  if (actor.role !== "ADMIN") return "Seul un administrateur gère les comptes.";
  if (target !== null && target.id === actor.id && (change.role !== undefined || change.centreCode !== undefined || change.active !== undefined)) {
    return "Vous ne pouvez pas modifier votre propre rôle, votre centre ni l'activation de votre compte : demandez-le à un autre administrateur.";
  }
  return null;
}
