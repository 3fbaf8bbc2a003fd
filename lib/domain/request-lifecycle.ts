/**
 * The life of a request: every change of state of a diploma request or an experience analysis
 * goes through `applyTransition`, which checks the version, the role, the payload and the guards
 * and returns the history row to append. Who may act on *which* request (a centre agent only on
 * their own centre's requests, a learner only on their own) is checked by the caller.
 */

export type RequestKind = "DIPLOMA" | "EXPERIENCE";
export type ExperienceMode = "ANTICIPEE" | "CONJOINTE";
export type ActorRole = "AUDITEUR" | "AGENT_CENTRE" | "AGENT_NATIONAL" | "ADMIN";

export const REQUEST_STATES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CORRECTION_REQUESTED",
  "FORWARDED",
  "FAVOURABLE",
  "FAVOURABLE_WITH_CONDITION",
  "UNFAVOURABLE",
  "VALIDATED",
  "EDITED",
  "SENT_TO_CENTRE",
  "HANDED_OVER",
  "REFUSED",
  "WITHDRAWN",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const TRANSITIONS = [
  "submit",
  "withdraw",
  "takeInCharge",
  "assign",
  "askForCorrection",
  "resubmit",
  "forward",
  "refuse",
  "decideExperience",
  "validateDiploma",
  "recordEdition",
  "recordDispatch",
  "recordHandover",
] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export const ACTOR_ROLES: readonly ActorRole[] = ["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"];

export const KIND_LABELS: Record<RequestKind, string> = {
  DIPLOMA: "Demande de délivrance de diplôme",
  EXPERIENCE: "Demande d'analyse de l'expérience professionnelle",
};

export const MODE_LABELS: Record<ExperienceMode, string> = {
  ANTICIPEE: "Analyse anticipée",
  CONJOINTE: "Analyse conjointe à la demande de diplôme",
};

export const STATE_LABELS: Record<RequestState, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposée",
  IN_REVIEW: "En instruction",
  CORRECTION_REQUESTED: "Complément demandé",
  FORWARDED: "Transmise au national / au jury",
  FAVOURABLE: "Avis favorable",
  FAVOURABLE_WITH_CONDITION: "Avis favorable sous condition",
  UNFAVOURABLE: "Avis défavorable",
  VALIDATED: "Validée",
  EDITED: "Diplôme édité",
  SENT_TO_CENTRE: "Diplôme envoyé au centre",
  HANDED_OVER: "Diplôme remis",
  REFUSED: "Refusée",
  WITHDRAWN: "Abandonnée",
};

export const TRANSITION_LABELS: Record<TransitionName, string> = {
  submit: "Déposer la demande",
  withdraw: "Abandonner la demande",
  takeInCharge: "Prendre en charge",
  assign: "Attribuer à un gestionnaire",
  askForCorrection: "Demander un complément",
  resubmit: "Renvoyer le dossier complété",
  forward: "Transmettre au national",
  refuse: "Refuser",
  decideExperience: "Rendre l'avis du jury",
  validateDiploma: "Valider le diplôme",
  recordEdition: "Enregistrer l'édition du diplôme",
  recordDispatch: "Enregistrer l'envoi au centre",
  recordHandover: "Enregistrer la remise au lauréat",
};

/** Terminal states: nothing more can happen to the request. */
const CLOSED_STATES: ReadonlySet<RequestState> = new Set(["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE", "HANDED_OVER", "REFUSED", "WITHDRAWN"]);

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

export type CentreOpinion = "FAVOURABLE" | "RESERVED" | "UNFAVOURABLE";

export type ExperienceDecision =
  | { outcome: "FAVOURABLE" }
  | { outcome: "FAVOURABLE_WITH_CONDITION"; internshipMonths: number; conditionText: string }
  | { outcome: "UNFAVOURABLE"; reason: string };

interface CommandBase {
  actorRole: ActorRole;
  /** The version the actor saw: a different current version means someone acted in between. */
  expectedVersion: number;
  comment?: string;
}

export type TransitionCommand = CommandBase &
  (
    | { type: "submit" }
    | { type: "withdraw" }
    | { type: "takeInCharge" }
    | { type: "assign"; assigneeId: string }
    | { type: "askForCorrection"; comment: string }
    | { type: "resubmit" }
    | { type: "forward"; opinion: CentreOpinion; comment: string }
    | { type: "refuse"; reason: string }
    | { type: "decideExperience"; decision: ExperienceDecision }
    | { type: "validateDiploma" }
    | { type: "recordEdition"; diplomaNumber: string }
    | { type: "recordDispatch" }
    | { type: "recordHandover" }
  );

/** Facts the state machine cannot know by itself, computed by the caller. */
export interface TransitionContext {
  /** Diploma submission: every unit of the diploma is obtained (eligibility verdict). */
  allUnitsObtained?: boolean;
  /** Diploma submission: experience validated or excluded, or a joint analysis submitted with it. */
  experienceCovered?: boolean;
  /** Joint analysis submission: the diploma request it is submitted with. */
  linkedDiplomaRequestId?: string;
  /** Diploma validation: experience validated or excluded, or the joint analysis decided favourably. */
  experienceRequirementMet?: boolean;
}

export type TransitionErrorCode = "ILLEGAL_TRANSITION" | "FORBIDDEN_ROLE" | "MISSING_COMMENT" | "INVALID_PAYLOAD" | "GUARD_FAILED" | "STALE_VERSION";

export interface HistoryEntry {
  from: RequestState;
  to: RequestState;
  transition: TransitionName;
  actorRole: ActorRole;
  comment?: string;
  payload: Record<string, string | number>;
}

export type TransitionResult =
  | { ok: true; to: RequestState; version: number; history: HistoryEntry }
  | { ok: false; error: { code: TransitionErrorCode; message: string } };

interface Edge {
  transition: TransitionName;
  kinds: readonly RequestKind[];
  from: RequestState;
  roles: readonly ActorRole[];
}

const BOTH: readonly RequestKind[] = ["DIPLOMA", "EXPERIENCE"];
const UNDECIDED_SUBMITTED: readonly RequestState[] = ["SUBMITTED", "IN_REVIEW", "CORRECTION_REQUESTED", "FORWARDED"];

/**
 * The whole table. The administrator manages accounts and the catalogue and takes no part in the
 * instruction of requests, so ADMIN appears on no edge. A draft is deleted, not withdrawn.
 */
export const EDGES: readonly Edge[] = [
  { transition: "submit", kinds: BOTH, from: "DRAFT", roles: ["AUDITEUR"] },
  ...UNDECIDED_SUBMITTED.map((from): Edge => ({ transition: "withdraw", kinds: BOTH, from, roles: ["AUDITEUR"] })),
  { transition: "takeInCharge", kinds: BOTH, from: "SUBMITTED", roles: ["AGENT_CENTRE"] },
  { transition: "assign", kinds: BOTH, from: "SUBMITTED", roles: ["AGENT_CENTRE"] },
  { transition: "assign", kinds: BOTH, from: "IN_REVIEW", roles: ["AGENT_CENTRE"] },
  { transition: "askForCorrection", kinds: BOTH, from: "IN_REVIEW", roles: ["AGENT_CENTRE"] },
  // The national service may also ask for a complement; the completed file comes back to the
  // centre (resubmit → IN_REVIEW), which forwards it again with its opinion.
  { transition: "askForCorrection", kinds: BOTH, from: "FORWARDED", roles: ["AGENT_NATIONAL"] },
  { transition: "resubmit", kinds: BOTH, from: "CORRECTION_REQUESTED", roles: ["AUDITEUR"] },
  { transition: "forward", kinds: BOTH, from: "IN_REVIEW", roles: ["AGENT_CENTRE"] },
  { transition: "refuse", kinds: BOTH, from: "IN_REVIEW", roles: ["AGENT_CENTRE"] },
  { transition: "refuse", kinds: BOTH, from: "FORWARDED", roles: ["AGENT_NATIONAL"] },
  { transition: "decideExperience", kinds: ["EXPERIENCE"], from: "FORWARDED", roles: ["AGENT_NATIONAL"] },
  { transition: "validateDiploma", kinds: ["DIPLOMA"], from: "FORWARDED", roles: ["AGENT_NATIONAL"] },
  { transition: "recordEdition", kinds: ["DIPLOMA"], from: "VALIDATED", roles: ["AGENT_NATIONAL"] },
  { transition: "recordDispatch", kinds: ["DIPLOMA"], from: "EDITED", roles: ["AGENT_NATIONAL"] },
  { transition: "recordHandover", kinds: ["DIPLOMA"], from: "SENT_TO_CENTRE", roles: ["AGENT_CENTRE"] },
];

function findEdge(kind: RequestKind, from: RequestState, transition: TransitionName): Edge | undefined {
  return EDGES.find((edge) => edge.transition === transition && edge.from === from && edge.kinds.includes(kind));
}

/** The transitions this role may attempt now (for the buttons of a screen). */
export function availableTransitions(request: RequestSnapshot, role: ActorRole): TransitionName[] {
  return TRANSITIONS.filter((transition) => findEdge(request.kind, request.state, transition)?.roles.includes(role) ?? false);
}

export function applyTransition(current: RequestSnapshot, command: TransitionCommand, context: TransitionContext = {}): TransitionResult {
  if (command.expectedVersion !== current.version) {
    return fail("STALE_VERSION", "Ce dossier a été modifié entre-temps par une autre personne. Rechargez la page pour voir son état actuel.");
  }
  const edge = findEdge(current.kind, current.state, command.type);
  if (!edge) {
    return fail("ILLEGAL_TRANSITION", `Action « ${TRANSITION_LABELS[command.type]} » impossible pour une demande à l'état « ${STATE_LABELS[current.state]} ».`);
  }
  if (!edge.roles.includes(command.actorRole)) {
    return fail("FORBIDDEN_ROLE", `Votre rôle ne permet pas l'action « ${TRANSITION_LABELS[command.type]} » à cette étape.`);
  }
  const step = resolveStep(current, command, context);
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

type ResolvedStep =
  | { ok: true; to: RequestState; comment?: string; payload: Record<string, string | number> }
  | Extract<TransitionResult, { ok: false }>;

/** Payload checks and guards, transition by transition; the state and role are already checked. */
function resolveStep(current: RequestSnapshot, command: TransitionCommand, context: TransitionContext): ResolvedStep {
  switch (command.type) {
    case "submit":
      if (current.kind === "DIPLOMA") {
        if (context.allUnitsObtained !== true) {
          return fail("GUARD_FAILED", "Toutes les UE du diplôme ne sont pas encore obtenues : la demande ne peut pas être déposée.");
        }
        if (context.experienceCovered !== true) {
          return fail(
            "GUARD_FAILED",
            "L'expérience professionnelle n'est pas encore validée : joignez une demande d'analyse de l'expérience professionnelle à cette demande.",
          );
        }
      } else if (current.mode === "CONJOINTE" && !context.linkedDiplomaRequestId) {
        return fail("GUARD_FAILED", "Une analyse conjointe se dépose avec une demande de délivrance de diplôme.");
      }
      return { ok: true, to: "SUBMITTED", payload: {} };
    case "withdraw":
    case "takeInCharge":
    case "resubmit":
      return { ok: true, to: TARGET[command.type], payload: {} };
    case "assign":
      if (!isFilled(command.assigneeId)) return fail("INVALID_PAYLOAD", "Indiquez le gestionnaire à qui attribuer la demande.");
      return { ok: true, to: "IN_REVIEW", payload: { assigneeId: command.assigneeId.trim() } };
    case "askForCorrection":
      if (!isFilled(command.comment)) return fail("MISSING_COMMENT", "Indiquez précisément les pièces ou informations à compléter.");
      return { ok: true, to: "CORRECTION_REQUESTED", payload: {} };
    case "forward":
      if (!isFilled(command.comment)) return fail("MISSING_COMMENT", "L'avis motivé du centre est obligatoire pour transmettre la demande.");
      if (!["FAVOURABLE", "RESERVED", "UNFAVOURABLE"].includes(command.opinion)) return fail("INVALID_PAYLOAD", "Choisissez l'avis du centre.");
      return { ok: true, to: "FORWARDED", payload: { centreOpinion: command.opinion } };
    case "refuse":
      if (!isFilled(command.reason)) return fail("MISSING_COMMENT", "Le motif du refus est obligatoire.");
      return { ok: true, to: "REFUSED", comment: command.reason, payload: {} };
    case "decideExperience":
      return resolveExperienceDecision(command.decision);
    case "validateDiploma":
      if (context.experienceRequirementMet !== true) {
        return fail(
          "GUARD_FAILED",
          "L'exigence d'expérience professionnelle n'est pas satisfaite : la demande d'analyse de l'expérience doit d'abord recevoir un avis favorable.",
        );
      }
      return { ok: true, to: "VALIDATED", payload: {} };
    case "recordEdition":
      if (!isFilled(command.diplomaNumber)) return fail("INVALID_PAYLOAD", "Le numéro du diplôme est obligatoire.");
      return { ok: true, to: "EDITED", payload: { diplomaNumber: command.diplomaNumber.trim() } };
    case "recordDispatch":
    case "recordHandover":
      return { ok: true, to: TARGET[command.type], payload: {} };
  }
}

const TARGET = {
  withdraw: "WITHDRAWN",
  takeInCharge: "IN_REVIEW",
  resubmit: "IN_REVIEW",
  recordDispatch: "SENT_TO_CENTRE",
  recordHandover: "HANDED_OVER",
} as const satisfies Partial<Record<TransitionName, RequestState>>;

function resolveExperienceDecision(decision: ExperienceDecision | undefined): ResolvedStep {
  switch (decision?.outcome) {
    case "FAVOURABLE":
      return { ok: true, to: "FAVOURABLE", payload: { outcome: "FAVOURABLE" } };
    case "FAVOURABLE_WITH_CONDITION":
      if (!Number.isInteger(decision.internshipMonths) || decision.internshipMonths < 1) {
        return fail("INVALID_PAYLOAD", "La durée du stage doit être d'au moins 1 mois (nombre entier).");
      }
      if (!isFilled(decision.conditionText)) return fail("MISSING_COMMENT", "Précisez la condition (nature du stage attendu).");
      return {
        ok: true,
        to: "FAVOURABLE_WITH_CONDITION",
        comment: decision.conditionText,
        payload: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: decision.internshipMonths },
      };
    case "UNFAVOURABLE":
      if (!isFilled(decision.reason)) return fail("MISSING_COMMENT", "Le motif de l'avis défavorable est obligatoire.");
      return { ok: true, to: "UNFAVOURABLE", comment: decision.reason, payload: { outcome: "UNFAVOURABLE" } };
    default:
      return fail("INVALID_PAYLOAD", "Choisissez l'avis : favorable, favorable sous condition ou défavorable.");
  }
}

function isFilled(text: string | undefined): text is string {
  return typeof text === "string" && text.trim().length > 0;
}

function fail(code: TransitionErrorCode, message: string): Extract<TransitionResult, { ok: false }> {
  return { ok: false, error: { code, message } };
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
  FAVOURABLE_WITH_CONDITION: null,
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
  FAVOURABLE_WITH_CONDITION: "Effectuez le stage demandé, puis transmettez la convention et le rapport de stage à votre centre.",
  UNFAVOURABLE: "Vous pouvez contacter votre centre d'inscription pour connaître les suites possibles.",
  VALIDATED: null,
  EDITED: null,
  SENT_TO_CENTRE: "Votre diplôme est arrivé à votre centre : prenez contact avec lui pour le retirer.",
  HANDED_OVER: null,
  REFUSED: "Vous pouvez contacter votre centre d'inscription pour connaître les suites possibles.",
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

/** "Demande de délivrance de diplôme", or "Demande d'analyse … – analyse anticipée". */
export function requestTitle(request: { kind: RequestKind; mode: ExperienceMode | null }): string {
  return request.kind === "EXPERIENCE" && request.mode ? `${KIND_LABELS.EXPERIENCE} – ${MODE_LABELS[request.mode].toLowerCase()}` : KIND_LABELS[request.kind];
}
