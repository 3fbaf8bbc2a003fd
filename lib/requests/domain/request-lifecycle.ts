import { ROLES, type Role } from "../../auth/domain/policy";
import {
  COMMANDS,
  TRANSITION_LABELS,
  findEdge,
  type Step,
  type TransitionCommand,
  type TransitionContext,
  type TransitionErrorCode,
  type TransitionName,
  type TransitionRefusal,
} from "@/lib/requests/domain/commands";

export {
  TRANSITIONS,
  TRANSITION_LABELS,
  EDGES,
  availableTransitions,
  type CentreOpinion,
  type ExperienceDecision,
  type TransitionCommand,
  type TransitionContext,
  type TransitionErrorCode,
  type TransitionName,
} from "@/lib/requests/domain/commands";

/**
 * The life of a request: every change of state of a diploma request or an experience analysis
 * goes through `applyTransition`, which checks the version, the role, the payload and the guards
 * (all declared per command in lib/requests/domain/commands.ts) and returns the history row to append. Who may act on *which* request (a centre agent only on
 * their own centre's requests, a learner only on their own) is checked by the caller.
 */

export { REQUEST_STATES, KIND_LABELS, MODE_LABELS, STATE_LABELS, type RequestKind, type ExperienceMode, type RequestState } from "./states";
import { KIND_LABELS, MODE_LABELS, STATE_LABELS, type ExperienceMode, type RequestKind, type RequestState } from "./states";

/** The one list of roles is lib/auth/domain/policy.ts's. */
export type ActorRole = Role;

export const ACTOR_ROLES: readonly ActorRole[] = ROLES;

/**
 * Terminal states: nothing more can happen to the request. « Favorable sous condition » is not
 * one: the learner sends the internship proofs, the centre records whether the condition is met.
 */
const CLOSED_STATES: ReadonlySet<RequestState> = new Set(["FAVOURABLE", "UNFAVOURABLE", "HANDED_OVER", "REFUSED", "WITHDRAWN"]);

/** States reached by a decision of the centre, the national service or the jury. */
const DECIDED_STATES: ReadonlySet<RequestState> = new Set([
  "FAVOURABLE",
  "FAVOURABLE_WITH_CONDITION",
  "UNFAVOURABLE",
  "VALIDATED",
  "EDITED",
  "SENT_TO_CENTRE",
  "HANDED_OVER",
  "REFUSED",
]);

export function isOpen(state: RequestState): boolean {
  return !CLOSED_STATES.has(state);
}

export function isDecided(state: RequestState): boolean {
  return DECIDED_STATES.has(state);
}

export type RequestSnapshot =
  | { kind: "DIPLOMA"; state: RequestState; version: number }
  | { kind: "EXPERIENCE"; mode: ExperienceMode; state: RequestState; version: number };

export type TransitionResult = { ok: true; to: RequestState; version: number; history: HistoryEntry } | TransitionRefusal;

function refuse(code: TransitionErrorCode, message: string): TransitionRefusal {
  return { ok: false, error: { code, message } };
}

export interface HistoryEntry {
  from: RequestState;
  to: RequestState;
  transition: TransitionName;
  actorRole: ActorRole;
  comment?: string;
  payload: Record<string, string | number>;
}

export function applyTransition(current: RequestSnapshot, command: TransitionCommand, context: TransitionContext = {}): TransitionResult {
  if (command.expectedVersion !== current.version) {
    return refuse("STALE_VERSION", "Ce dossier a été modifié entre-temps par une autre personne. Rechargez la page pour voir son état actuel.");
  }
  const edge = findEdge(current.kind, current.state, command.type);
  if (!edge) {
    // Said without the state's name: the screen shows the request as it is now.
    return refuse("ILLEGAL_TRANSITION", `« ${TRANSITION_LABELS[command.type]} » n'est pas possible à l'étape où en est la demande : rechargez la page pour voir ce que vous pouvez faire maintenant.`);
  }
  if (!edge.roles.includes(command.actorRole)) {
    return refuse("FORBIDDEN_ROLE", `Votre rôle ne permet pas l'action « ${TRANSITION_LABELS[command.type]} » à cette étape.`);
  }
  // Each command's own guard, from the registry; the state and the role are checked above.
  const guard = COMMANDS[command.type].guard as (current: RequestSnapshot, command: TransitionCommand, context: TransitionContext) => Step;
  const step = guard(current, command, context);
  if (!step.ok) return step;
  const comment = (step.comment ?? command.comment)?.trim();
  return {
    ok: true,
    to: step.to,
    version: current.version + 1,
    history: {
      from: current.state,
      to: step.to,
      transition: command.type,
      actorRole: command.actorRole,
      ...(comment ? { comment } : {}),
      payload: step.payload,
    },
  };
}

// ——— What the learner sees ———

export type Holder = "LEARNER" | "CENTRE" | "NATIONAL";

export const HOLDER_LABELS: Record<Holder, string> = {
  LEARNER: "Vous",
  CENTRE: "Votre centre d'inscription",
  NATIONAL: "Le service national / le jury",
};

/** Who holds the file at each state; null once the request is closed. */
export const STATE_HOLDERS: Record<RequestState, Holder | null> = {
  DRAFT: "LEARNER",
  SUBMITTED: "CENTRE",
  IN_REVIEW: "CENTRE",
  CORRECTION_REQUESTED: "LEARNER",
  FORWARDED: "NATIONAL",
  FAVOURABLE: null,
  FAVOURABLE_WITH_CONDITION: "LEARNER",
  CONDITION_REVIEW: "CENTRE",
  UNFAVOURABLE: null,
  VALIDATED: "NATIONAL",
  EDITED: "NATIONAL",
  SENT_TO_CENTRE: "CENTRE",
  HANDED_OVER: null,
  REFUSED: null,
  WITHDRAWN: null,
};

/** What the learner has to do at each state, if anything. */
export const LEARNER_ACTIONS: Record<RequestState, string | null> = {
  DRAFT: "Complétez votre demande et joignez les pièces justificatives, puis déposez-la.",
  SUBMITTED: null,
  IN_REVIEW: null,
  CORRECTION_REQUESTED: "Complétez votre dossier comme indiqué par votre centre, puis renvoyez-le.",
  FORWARDED: null,
  FAVOURABLE: null,
  FAVOURABLE_WITH_CONDITION:
    "Effectuez le stage demandé, puis joignez ici la convention de stage et le rapport de stage et envoyez-les à votre centre : il vérifiera que la condition est remplie.",
  CONDITION_REVIEW: null,
  UNFAVOURABLE:
    "Vous pouvez demander à votre centre d'inscription les suites possibles (nouvelle expérience, stage), puis faire une nouvelle demande à partir de celle-ci.",
  VALIDATED: null,
  EDITED: null,
  SENT_TO_CENTRE: "Votre diplôme est arrivé à votre centre : prenez contact avec lui pour le retirer.",
  HANDED_OVER: null,
  REFUSED: "Lisez le motif ci-dessous. Vous pouvez contacter votre centre d'inscription, puis faire une nouvelle demande à partir de celle-ci.",
  WITHDRAWN: null,
};

export function describeState(state: RequestState): { label: string; holder: string | null; learnerAction: string | null } {
  const holder = STATE_HOLDERS[state];
  return { label: STATE_LABELS[state], holder: holder === null ? null : HOLDER_LABELS[holder], learnerAction: LEARNER_ACTIONS[state] };
}

/** The usual path of each kind, for a step-by-step display. "DECISION" stands for the jury's three possible opinions. */
export const REQUEST_PATHS: Record<RequestKind, readonly (RequestState | "DECISION")[]> = {
  DIPLOMA: ["DRAFT", "SUBMITTED", "IN_REVIEW", "FORWARDED", "VALIDATED", "EDITED", "SENT_TO_CENTRE", "HANDED_OVER"],
  EXPERIENCE: ["DRAFT", "SUBMITTED", "IN_REVIEW", "FORWARDED", "DECISION"],
};

export interface ProgressStep {
  key: RequestState | "DECISION";
  label: string;
  status: "done" | "current" | "upcoming";
}

/**
 * Steps done, current and to come. A correction request is shown at the instruction step. For a
 * refused or withdrawn request, pass the state it left (the last history row's `from`): the path
 * stops there and ends with the refusal or the withdrawal.
 */
export function progressSteps(kind: RequestKind, state: RequestState, previousState: RequestState = "SUBMITTED"): ProgressStep[] {
  const path = REQUEST_PATHS[kind];
  const positionOf = (candidate: RequestState): number => {
    const onPath = candidate === "CORRECTION_REQUESTED" ? "IN_REVIEW" : candidate;
    const index = path.indexOf(onPath);
    return index >= 0 ? index : path.indexOf("DECISION");
  };
  const label = (key: RequestState | "DECISION"): string => (key === "DECISION" ? "Avis du jury" : STATE_LABELS[key]);

  if (state === "FAVOURABLE_WITH_CONDITION" || state === "CONDITION_REVIEW") return conditionSteps(kind, state);
  if (state === "REFUSED" || state === "WITHDRAWN") {
    const reached = positionOf(previousState);
    return [
      ...path.slice(0, reached + 1).map((key): ProgressStep => ({ key, label: label(key), status: "done" })),
      { key: state, label: STATE_LABELS[state], status: "done" },
    ];
  }
  const current = positionOf(state);
  const closed = !isOpen(state);
  return path.map((key, index): ProgressStep => {
    const isCurrent = index === current;
    const stepLabel = isCurrent && key !== state ? STATE_LABELS[state] : label(key);
    if (index < current || (isCurrent && closed)) return { key, label: stepLabel, status: "done" };
    if (isCurrent) return { key, label: stepLabel, status: "current" };
    return { key, label: stepLabel, status: "upcoming" };
  });
}

/** An opinion under condition: the decision is taken, then the internship proofs and their check by the centre. */
function conditionSteps(kind: RequestKind, state: "FAVOURABLE_WITH_CONDITION" | "CONDITION_REVIEW"): ProgressStep[] {
  const decided = REQUEST_PATHS[kind].map((key): ProgressStep => ({ key, label: key === "DECISION" ? STATE_LABELS.FAVOURABLE_WITH_CONDITION : STATE_LABELS[key], status: "done" }));
  const sent = state === "CONDITION_REVIEW";
  return [
    ...decided,
    { key: "FAVOURABLE_WITH_CONDITION", label: "Stage, puis envoi de la convention et du rapport", status: sent ? "done" : "current" },
    { key: "CONDITION_REVIEW", label: "Vérification du stage par le centre", status: sent ? "current" : "upcoming" },
  ];
}

/** "Demande de délivrance de diplôme", or "Demande d'analyse … – analyse anticipée". */
export function requestTitle(request: { kind: RequestKind; mode: ExperienceMode | null }): string {
  return request.kind === "EXPERIENCE" && request.mode ? `${KIND_LABELS.EXPERIENCE} – ${MODE_LABELS[request.mode].toLowerCase()}` : KIND_LABELS[request.kind];
}
