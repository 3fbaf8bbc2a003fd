import { z } from "zod";
import type { Role } from "@/lib/auth/domain/policy";
import type { RequestKind, RequestSnapshot, RequestState } from "@/lib/requests/domain/request-lifecycle";
import { DOCUMENT_CATEGORIES, type DocumentCategory } from "@/lib/requests/domain/documents";
import { HONOUR_STATEMENT } from "@/lib/requests/domain/honour-statement";

/**
 * The request commands, each declared once: the kinds and states it applies to, who may send it
 * from each state, where it leads, on which requests (scope), its form input (zod, shared by the
 * form and the server action), its guard, its effects on the request row, its audit event and its
 * French texts. The state machine (lib/requests/domain/request-lifecycle.ts), the permission matrix
 * (lib/requests/domain/staff-policy.ts), the staff dispatch, the staff panel, the bulk actions and the
 * learner's buttons all read this registry, so they cannot disagree. Pure: no Next, no Prisma.
 */

/** The vocabulary, in the order of a request's life (the order of the buttons). */
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
  "sendInternshipProof",
  "recordConditionMet",
  "recordConditionNotMet",
  "validateDiploma",
  "recordEdition",
  "recordDispatch",
  "recordHandover",
  "closeWithLinkedRequest",
] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export type CentreOpinion = "FAVOURABLE" | "RESERVED" | "UNFAVOURABLE";

/**
 * The jury's opinion. A favourable one (with or without condition) names the experience units it
 * credits — the catalogue's codes of the diploma's experience rule, never all of them by default:
 * the engineer's UAEP04 (at admission) and UAEP03 (at the end) are credited separately.
 */
export type ExperienceDecision =
  | { outcome: "FAVOURABLE"; units?: string[] }
  | { outcome: "FAVOURABLE_WITH_CONDITION"; internshipMonths: number; conditionText: string; units?: string[] }
  | { outcome: "UNFAVOURABLE"; reason: string };

/**
 * How a request closes because the request it lives with closed: a diploma request and its joint
 * analysis, or a diploma request and the anticipated analysis it relies on.
 */
export type LinkedClosure = "REFUSED" | "WITHDRAWN";

interface CommandBase {
  actorRole: Role;
  /** The version the actor saw: a different current version means someone acted in between. */
  expectedVersion: number;
  comment?: string;
}

/** What the state machine receives: the command with its payload in the machine's terms. */
export type TransitionCommand = CommandBase &
  (
    | { type: "submit"; certified: boolean }
    | { type: "withdraw" }
    | { type: "takeInCharge" }
    | { type: "assign"; assigneeId: string }
    | { type: "askForCorrection"; comment: string; pieces?: readonly DocumentCategory[] }
    | { type: "resubmit" }
    | { type: "forward"; opinion: CentreOpinion; comment: string }
    | { type: "refuse"; reason: string }
    | { type: "decideExperience"; decision: ExperienceDecision }
    | { type: "sendInternshipProof" }
    | { type: "recordConditionMet" }
    | { type: "recordConditionNotMet"; reason: string }
    | { type: "validateDiploma" }
    | { type: "recordEdition"; diplomaNumber: string }
    | { type: "recordDispatch" }
    | { type: "recordHandover" }
    | { type: "closeWithLinkedRequest"; closure: LinkedClosure; reason: string }
  );
export type CommandOf<N extends TransitionName> = Extract<TransitionCommand, { type: N }>;

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
  /** Internship proof: the agreement and the report are both on the analysis. */
  internshipProofsComplete?: boolean;
}

export type TransitionErrorCode = "ILLEGAL_TRANSITION" | "FORBIDDEN_ROLE" | "MISSING_COMMENT" | "INVALID_PAYLOAD" | "GUARD_FAILED" | "STALE_VERSION";
export type TransitionRefusal = { ok: false; error: { code: TransitionErrorCode; message: string } };

/** What a guard decides once the state and the role are checked: the target, or why not. */
export type Step = { ok: true; to: RequestState; comment?: string; payload: Record<string, string | number> } | TransitionRefusal;

// ——— Form inputs (the same schemas check the form in the browser and the server action) ———

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_MESSAGE_LENGTH = 5000;

export const MESSAGES = {
  assignee: "Choisissez le gestionnaire à qui attribuer la demande.",
  correction: "Indiquez ce qui manque ou ce qui est à corriger : l'auditeur le lira tel quel.",
  opinion: "Choisissez l'avis du centre : favorable, réservé ou défavorable.",
  opinionComment: "Motivez l'avis du centre : il est transmis au national avec la demande.",
  refusal: "Indiquez le motif du refus : l'auditeur le lira tel quel.",
  outcome: "Choisissez la décision du jury.",
  internshipMonths: "Durée du stage : un nombre entier de mois, 1 au moins.",
  condition: "Précisez la condition : la nature du stage attendu.",
  unfavourable: "Indiquez le motif de l'avis défavorable.",
  units: "Cochez les unités d'expérience que la décision valide.",
  conditionNotMet: "Indiquez pourquoi la condition n'est pas remplie : l'auditeur le lira tel quel.",
  documentStatus: "Choisissez : pièce validée ou refusée.",
  documentRefusal: "Indiquez le motif du refus de la pièce : l'auditeur le lira tel quel.",
  message: "Écrivez votre message.",
} as const;

const tooLongText = (max: number) => `${max.toLocaleString("fr-FR")} caractères au plus.`;

export const requiredText = (missing: string, max = MAX_COMMENT_LENGTH) => z.string({ error: missing }).trim().min(1, missing).max(max, tooLongText(max));
export const optionalText = (max = MAX_COMMENT_LENGTH) => z.string().trim().max(max, tooLongText(max)).optional();

export const CENTRE_OPINIONS = ["FAVOURABLE", "RESERVED", "UNFAVOURABLE"] as const satisfies readonly CentreOpinion[];
export const CENTRE_OPINION_LABELS: Record<CentreOpinion, string> = { FAVOURABLE: "Favorable", RESERVED: "Réservé", UNFAVOURABLE: "Défavorable" };

export const JURY_OUTCOMES = ["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"] as const;
export const JURY_OUTCOME_LABELS: Record<(typeof JURY_OUTCOMES)[number], string> = {
  FAVOURABLE: "Favorable",
  FAVOURABLE_WITH_CONDITION: "Favorable sous condition (stage)",
  UNFAVOURABLE: "Défavorable",
};

/** A whole number of months, typed as text: "3", not "3,5" nor "0". */
const MONTHS = /^\s*[1-9]\d{0,2}\s*$/;

const FIELDS = {
  none: {},
  // The statement on honour, ticked: a box left empty is refused next to it.
  submit: { certified: z.boolean({ error: HONOUR_STATEMENT.missing }).refine((ticked) => ticked, HONOUR_STATEMENT.missing) },
  withdraw: { reason: z.string().trim().max(1000, tooLongText(1000)).optional() },
  resubmit: { comment: optionalText() },
  assign: { assigneeId: z.string({ error: MESSAGES.assignee }).min(1, MESSAGES.assignee).max(64) },
  // The pieces the learner must send (ticked in a list); the comment says what else and why.
  askForCorrection: { comment: requiredText(MESSAGES.correction), pieces: z.array(z.enum(DOCUMENT_CATEGORIES)).max(DOCUMENT_CATEGORIES.length).optional() },
  forward: { opinion: z.enum(CENTRE_OPINIONS, { error: MESSAGES.opinion }), comment: requiredText(MESSAGES.opinionComment) },
  refuse: { reason: requiredText(MESSAGES.refusal) },
  decideExperience: {
    outcome: z.enum(JURY_OUTCOMES, { error: MESSAGES.outcome }),
    internshipMonths: z.string().max(10, MESSAGES.internshipMonths).optional(),
    conditionText: optionalText(),
    reason: optionalText(),
    units: z.array(z.string().trim().min(1).max(16)).max(10).optional(),
  },
  recordConditionNotMet: { reason: requiredText(MESSAGES.conditionNotMet) },
} satisfies Record<string, z.ZodRawShape>;

type DecisionFields = z.output<z.ZodObject<typeof FIELDS.decideExperience>>;

/** The fields each outcome of the jury needs, named after the form's fields. */
function checkDecision(value: DecisionFields, ctx: z.RefinementCtx): void {
  if (value.outcome === "FAVOURABLE_WITH_CONDITION") {
    if (!MONTHS.test(value.internshipMonths ?? "")) ctx.addIssue({ code: "custom", path: ["internshipMonths"], message: MESSAGES.internshipMonths });
    if (!value.conditionText) ctx.addIssue({ code: "custom", path: ["conditionText"], message: MESSAGES.condition });
  }
  if (value.outcome === "UNFAVOURABLE" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: MESSAGES.unfavourable });
}

/** The jury's decision in the state machine's terms, from a checked form. */
export function toExperienceDecision(data: DecisionFields): ExperienceDecision {
  switch (data.outcome) {
    case "FAVOURABLE":
      return { outcome: "FAVOURABLE", units: data.units ?? [] };
    case "FAVOURABLE_WITH_CONDITION":
      return {
        outcome: "FAVOURABLE_WITH_CONDITION",
        internshipMonths: Number((data.internshipMonths ?? "").trim()),
        conditionText: data.conditionText ?? "",
        units: data.units ?? [],
      };
    case "UNFAVOURABLE":
      return { outcome: "UNFAVOURABLE", reason: data.reason ?? "" };
  }
}

// ——— Guards ———

function fail(code: TransitionErrorCode, message: string): TransitionRefusal {
  return { ok: false, error: { code, message } };
}

function isFilled(text: string | undefined): text is string {
  return typeof text === "string" && text.trim().length > 0;
}

const to = (state: RequestState): Step => ({ ok: true, to: state, payload: {} });

/** The units a decision names, as the history stores them: "UAEP04,UAEP03". */
export function unitsPayload(units: readonly string[]): string {
  return units.join(",");
}

/** The units named by a decision's history payload. */
export function unitsOfPayload(payload: unknown): string[] {
  const units = (payload as { units?: unknown } | null)?.units;
  return typeof units === "string" && units !== "" ? units.split(",") : [];
}

function resolveExperienceDecision(decision: ExperienceDecision | undefined): Step {
  switch (decision?.outcome) {
    case "FAVOURABLE":
      return { ok: true, to: "FAVOURABLE", payload: { outcome: "FAVOURABLE", units: unitsPayload(decision.units ?? []) } };
    case "FAVOURABLE_WITH_CONDITION":
      if (!Number.isInteger(decision.internshipMonths) || decision.internshipMonths < 1) {
        return fail("INVALID_PAYLOAD", "La durée du stage doit être d'au moins 1 mois (nombre entier).");
      }
      if (!isFilled(decision.conditionText)) return fail("MISSING_COMMENT", "Précisez la condition (nature du stage attendu).");
      return {
        ok: true,
        to: "FAVOURABLE_WITH_CONDITION",
        comment: decision.conditionText,
        payload: { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: decision.internshipMonths, units: unitsPayload(decision.units ?? []) },
      };
    case "UNFAVOURABLE":
      if (!isFilled(decision.reason)) return fail("MISSING_COMMENT", "Le motif de l'avis défavorable est obligatoire.");
      return { ok: true, to: "UNFAVOURABLE", comment: decision.reason, payload: { outcome: "UNFAVOURABLE" } };
    default:
      return fail("INVALID_PAYLOAD", "Choisissez l'avis : favorable, favorable sous condition ou défavorable.");
  }
}

// ——— The registry ———

/**
 * Who acts: the learner on their own requests, staff on the requests canViewRequest lets them see,
 * or nobody directly ("linked"): the consequence, in the same transaction, of a command on the
 * request it lives with, recorded under that command's actor.
 */
export type CommandScope = "owner" | "staff" | "linked";
export type AuditAction = "request.transition" | "request.assign" | "request.edition";

/** The texts of the staff panel's inline confirmation. */
export type PanelText = { button: string; question: string; confirm: string; done: string };

export interface CommandDefinition<N extends TransitionName, F extends z.ZodRawShape = z.ZodRawShape> {
  kinds: readonly RequestKind[];
  /** Who may send it, from each state it leaves. */
  from: Partial<Record<RequestState, readonly Role[]>>;
  /** Every state it can lead to (the guard picks one). */
  to: readonly RequestState[];
  scope: CommandScope;
  /** The form's fields beyond the request id and the version shown. */
  fields: F;
  refine?: (value: z.output<z.ZodObject<F>>, ctx: z.RefinementCtx) => void;
  /** Payload checks and guards; the state, the role and the version are already checked. */
  guard: (current: RequestSnapshot, command: CommandOf<N>, context: TransitionContext) => Step;
  /** The request's columns this command sets, beyond the state and version. */
  effects: { submittedAt?: true; forwardedAt?: true; assignedAgent?: "actor" | "assignee" };
  audit: AuditAction;
  /** The history's name for it. */
  label: string;
  panel?: PanelText;
  /** Offered in the queue's bulk actions: the line shown for each request done. */
  bulk?: { done: string };
}

const BOTH: readonly RequestKind[] = ["DIPLOMA", "EXPERIENCE"];
const LEARNER: readonly Role[] = ["AUDITEUR"];
const CENTRE: readonly Role[] = ["AGENT_CENTRE"];
const NATIONAL: readonly Role[] = ["AGENT_NATIONAL"];
/** Whoever closed the request it lives with: the learner (withdrawal), the centre or the national level (refusal, unfavourable opinion). */
const ANY_ACTOR: readonly Role[] = ["AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL"];

/** Keeps each entry's literal scope and bulk flag in its type, so that the names derived from them are exact. */
function define<N extends TransitionName, F extends z.ZodRawShape, S extends CommandScope, B extends { done: string } | undefined = undefined>(
  _name: N,
  definition: CommandDefinition<N, F> & { scope: S; bulk?: B },
): CommandDefinition<N, F> & { scope: S; bulk: B } {
  return definition as CommandDefinition<N, F> & { scope: S; bulk: B };
}

/**
 * The whole table. The administrator manages accounts and the catalogue and takes no part in the
 * instruction of requests, so ADMIN appears nowhere. A draft is deleted, not withdrawn.
 */
export const COMMANDS = {
  submit: define("submit", {
    kinds: BOTH,
    from: { DRAFT: LEARNER },
    to: ["SUBMITTED"],
    scope: "owner",
    fields: FIELDS.submit,
    guard: (current, command, context) => {
      if (command.certified !== true) return fail("INVALID_PAYLOAD", HONOUR_STATEMENT.missing);
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
      // Which statement the learner ticked, kept with the deposit.
      return { ok: true, to: "SUBMITTED", payload: { honourStatement: HONOUR_STATEMENT.version } };
    },
    effects: { submittedAt: true },
    audit: "request.transition",
    label: "Déposer la demande",
  }),
  withdraw: define("withdraw", {
    kinds: BOTH,
    // While nothing final has been decided: a learner may also renounce the internship a
    // favourable opinion under condition asks for.
    from: { SUBMITTED: LEARNER, IN_REVIEW: LEARNER, CORRECTION_REQUESTED: LEARNER, FORWARDED: LEARNER, FAVOURABLE_WITH_CONDITION: LEARNER, CONDITION_REVIEW: LEARNER },
    to: ["WITHDRAWN"],
    scope: "owner",
    fields: FIELDS.withdraw,
    guard: () => to("WITHDRAWN"),
    effects: {},
    audit: "request.transition",
    label: "Abandonner la demande",
  }),
  takeInCharge: define("takeInCharge", {
    kinds: BOTH,
    from: { SUBMITTED: CENTRE },
    to: ["IN_REVIEW"],
    scope: "staff",
    fields: FIELDS.none,
    guard: () => to("IN_REVIEW"),
    effects: { assignedAgent: "actor" },
    audit: "request.transition",
    label: "Prendre en charge",
    panel: {
      button: "Prendre en charge",
      question: "Prendre en charge cette demande ? Vous en deviendrez le gestionnaire.",
      confirm: "Confirmer la prise en charge",
      done: "Vous avez pris la demande en charge.",
    },
    bulk: { done: "pris en charge" },
  }),
  assign: define("assign", {
    kinds: BOTH,
    from: { SUBMITTED: CENTRE, IN_REVIEW: CENTRE },
    to: ["IN_REVIEW"],
    scope: "staff",
    fields: FIELDS.assign,
    guard: (_current, command) =>
      isFilled(command.assigneeId)
        ? { ok: true, to: "IN_REVIEW", payload: { assigneeId: command.assigneeId.trim() } }
        : fail("INVALID_PAYLOAD", "Indiquez le gestionnaire à qui attribuer la demande."),
    effects: { assignedAgent: "assignee" },
    audit: "request.assign",
    label: "Attribuer à un gestionnaire",
    panel: { button: "Attribuer à…", question: "À quel gestionnaire du centre attribuer cette demande ?", confirm: "Attribuer", done: "La demande a été attribuée." },
    bulk: { done: "attribué" },
  }),
  askForCorrection: define("askForCorrection", {
    kinds: BOTH,
    // The national service may also ask for a complement; the completed file comes back to the
    // centre (resubmit → IN_REVIEW), which forwards it again with its opinion.
    from: { IN_REVIEW: CENTRE, FORWARDED: NATIONAL },
    to: ["CORRECTION_REQUESTED"],
    scope: "staff",
    fields: FIELDS.askForCorrection,
    guard: (_current, command): Step => {
      if (!isFilled(command.comment)) return fail("MISSING_COMMENT", "Indiquez précisément les pièces ou informations à compléter.");
      const pieces = [...new Set(command.pieces ?? [])].filter((piece) => (DOCUMENT_CATEGORIES as readonly string[]).includes(piece));
      // Kept in the history row: the learner's page lists them, the resubmission checks them.
      return { ok: true, to: "CORRECTION_REQUESTED", payload: pieces.length > 0 ? { requestedPieces: pieces.join(",") } : {} };
    },
    effects: {},
    audit: "request.transition",
    label: "Demander un complément",
    panel: {
      button: "Demander un complément",
      question: "Le dossier revient à l'auditeur jusqu'à ce qu'il le renvoie complété. Il reçoit votre texte tel quel.",
      confirm: "Envoyer la demande de complément",
      done: "La demande de complément a été envoyée à l'auditeur.",
    },
  }),
  resubmit: define("resubmit", {
    kinds: BOTH,
    from: { CORRECTION_REQUESTED: LEARNER },
    to: ["IN_REVIEW"],
    scope: "owner",
    fields: FIELDS.resubmit,
    guard: () => to("IN_REVIEW"),
    effects: {},
    audit: "request.transition",
    label: "Renvoyer le dossier complété",
  }),
  forward: define("forward", {
    kinds: BOTH,
    from: { IN_REVIEW: CENTRE },
    to: ["FORWARDED"],
    scope: "staff",
    fields: FIELDS.forward,
    guard: (_current, command) => {
      if (!isFilled(command.comment)) return fail("MISSING_COMMENT", "L'avis motivé du centre est obligatoire pour transmettre la demande.");
      if (!(CENTRE_OPINIONS as readonly string[]).includes(command.opinion)) return fail("INVALID_PAYLOAD", "Choisissez l'avis du centre.");
      return { ok: true, to: "FORWARDED", payload: { centreOpinion: command.opinion } };
    },
    effects: { forwardedAt: true },
    audit: "request.transition",
    label: "Transmettre au national",
    panel: {
      button: "Transmettre au national",
      question: "La demande part au service national avec l'avis motivé du centre.",
      confirm: "Confirmer la transmission",
      done: "La demande a été transmise au national.",
    },
    bulk: { done: "transmis au national" },
  }),
  refuse: define("refuse", {
    kinds: BOTH,
    from: { IN_REVIEW: CENTRE, FORWARDED: NATIONAL },
    to: ["REFUSED"],
    scope: "staff",
    fields: FIELDS.refuse,
    guard: (_current, command) =>
      isFilled(command.reason) ? { ok: true, to: "REFUSED", comment: command.reason, payload: {} } : fail("MISSING_COMMENT", "Le motif du refus est obligatoire."),
    effects: {},
    audit: "request.transition",
    label: "Refuser",
    panel: { button: "Refuser", question: "Le refus est une décision définitive ; l'auditeur reçoit le motif tel quel.", confirm: "Confirmer le refus", done: "La demande a été refusée." },
  }),
  decideExperience: define("decideExperience", {
    kinds: ["EXPERIENCE"],
    from: { FORWARDED: NATIONAL },
    to: ["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"],
    scope: "staff",
    fields: FIELDS.decideExperience,
    refine: checkDecision,
    guard: (_current, command) => resolveExperienceDecision(command.decision),
    effects: {},
    audit: "request.transition",
    label: "Rendre l'avis du jury",
    panel: {
      button: "Décision du jury",
      question: "La décision du jury sur l'expérience professionnelle est communiquée à l'auditeur.",
      confirm: "Enregistrer la décision",
      done: "La décision du jury est enregistrée.",
    },
  }),
  sendInternshipProof: define("sendInternshipProof", {
    kinds: ["EXPERIENCE"],
    from: { FAVOURABLE_WITH_CONDITION: LEARNER },
    to: ["CONDITION_REVIEW"],
    scope: "owner",
    fields: FIELDS.none,
    guard: (_current, _command, context) =>
      context.internshipProofsComplete === true
        ? to("CONDITION_REVIEW")
        : fail("GUARD_FAILED", "Joignez la convention de stage et le rapport de stage avant de les envoyer à votre centre."),
    effects: {},
    audit: "request.transition",
    label: "Envoyer la convention et le rapport de stage",
  }),
  recordConditionMet: define("recordConditionMet", {
    kinds: ["EXPERIENCE"],
    from: { CONDITION_REVIEW: CENTRE },
    to: ["FAVOURABLE"],
    scope: "staff",
    fields: FIELDS.none,
    guard: () => ({ ok: true, to: "FAVOURABLE", payload: { outcome: "CONDITION_MET" } }),
    effects: {},
    audit: "request.transition",
    label: "Condition du jury remplie",
    panel: {
      button: "Condition remplie",
      question: "Le stage demandé par le jury est effectué : les unités d'expérience nommées par sa décision sont validées dans les résultats de l'auditeur.",
      confirm: "Confirmer : condition remplie",
      done: "La condition est enregistrée comme remplie ; les unités d'expérience sont validées.",
    },
  }),
  recordConditionNotMet: define("recordConditionNotMet", {
    kinds: ["EXPERIENCE"],
    from: { CONDITION_REVIEW: CENTRE },
    to: ["UNFAVOURABLE"],
    scope: "staff",
    fields: FIELDS.recordConditionNotMet,
    guard: (_current, command) =>
      isFilled(command.reason)
        ? { ok: true, to: "UNFAVOURABLE", comment: command.reason, payload: { outcome: "CONDITION_NOT_MET" } }
        : fail("MISSING_COMMENT", "Indiquez pourquoi la condition n'est pas remplie."),
    effects: {},
    audit: "request.transition",
    label: "Condition du jury non remplie",
    panel: {
      button: "Condition non remplie",
      question: "L'avis devient défavorable, et une demande de diplôme qui en dépend est close avec ce motif. L'auditeur le lit tel quel.",
      confirm: "Confirmer : condition non remplie",
      done: "La condition est enregistrée comme non remplie.",
    },
  }),
  validateDiploma: define("validateDiploma", {
    kinds: ["DIPLOMA"],
    from: { FORWARDED: NATIONAL },
    to: ["VALIDATED"],
    scope: "staff",
    fields: FIELDS.none,
    guard: (_current, _command, context) =>
      context.experienceRequirementMet === true
        ? to("VALIDATED")
        : fail(
            "GUARD_FAILED",
            "L'exigence d'expérience professionnelle n'est pas satisfaite : la demande d'analyse de l'expérience doit d'abord recevoir un avis favorable.",
          ),
    effects: {},
    audit: "request.transition",
    label: "Valider le diplôme",
    panel: { button: "Valider le diplôme", question: "Valider la délivrance du diplôme ?", confirm: "Confirmer la validation", done: "Le diplôme est validé." },
  }),
  recordEdition: define("recordEdition", {
    kinds: ["DIPLOMA"],
    from: { VALIDATED: NATIONAL },
    to: ["EDITED"],
    scope: "staff",
    fields: FIELDS.none,
    guard: (_current, command) =>
      isFilled(command.diplomaNumber)
        ? { ok: true, to: "EDITED", payload: { diplomaNumber: command.diplomaNumber.trim() } }
        : fail("INVALID_PAYLOAD", "Le numéro du diplôme est obligatoire."),
    effects: {},
    audit: "request.edition",
    label: "Enregistrer l'édition du diplôme",
    panel: {
      button: "Enregistrer l'édition",
      question: "Enregistrer l'édition du diplôme ? Un numéro de diplôme lui est attribué.",
      confirm: "Confirmer l'édition",
      done: "L'édition du diplôme est enregistrée.",
    },
    bulk: { done: "marqué comme édité" },
  }),
  recordDispatch: define("recordDispatch", {
    kinds: ["DIPLOMA"],
    from: { EDITED: NATIONAL },
    to: ["SENT_TO_CENTRE"],
    scope: "staff",
    fields: FIELDS.none,
    guard: () => to("SENT_TO_CENTRE"),
    effects: {},
    audit: "request.transition",
    label: "Enregistrer l'envoi au centre",
    panel: { button: "Marquer envoyé au centre", question: "Le diplôme a-t-il été envoyé au centre ?", confirm: "Confirmer l'envoi", done: "L'envoi au centre est enregistré." },
  }),
  recordHandover: define("recordHandover", {
    kinds: ["DIPLOMA"],
    from: { SENT_TO_CENTRE: CENTRE },
    to: ["HANDED_OVER"],
    scope: "staff",
    fields: FIELDS.none,
    guard: () => to("HANDED_OVER"),
    effects: {},
    audit: "request.transition",
    label: "Enregistrer la remise au lauréat",
    panel: {
      button: "Marquer remis à l'auditeur",
      question: "Le diplôme a-t-il été remis à l'auditeur ?",
      confirm: "Confirmer la remise",
      done: "La remise du diplôme est enregistrée.",
    },
  }),
  closeWithLinkedRequest: define("closeWithLinkedRequest", {
    kinds: BOTH,
    from: {
      SUBMITTED: ANY_ACTOR,
      IN_REVIEW: ANY_ACTOR,
      CORRECTION_REQUESTED: ANY_ACTOR,
      FORWARDED: ANY_ACTOR,
      FAVOURABLE_WITH_CONDITION: ANY_ACTOR,
      CONDITION_REVIEW: ANY_ACTOR,
    },
    to: ["REFUSED", "WITHDRAWN"],
    scope: "linked",
    fields: FIELDS.none,
    guard: (_current, command) => {
      if (!isFilled(command.reason)) return fail("MISSING_COMMENT", "Le motif de la clôture est obligatoire.");
      if (command.closure !== "REFUSED" && command.closure !== "WITHDRAWN") return fail("INVALID_PAYLOAD", "Clôture inconnue.");
      return { ok: true, to: command.closure, comment: command.reason, payload: {} };
    },
    effects: {},
    audit: "request.transition",
    label: "Clôturée avec la demande liée",
  }),
} as const satisfies { [N in TransitionName]: Omit<CommandDefinition<N>, "refine"> & { refine?: unknown } };

export type Commands = typeof COMMANDS;

export const TRANSITION_LABELS = Object.fromEntries(TRANSITIONS.map((name) => [name, COMMANDS[name].label])) as Record<TransitionName, string>;

/** One edge of the state machine, as the registry declares it. */
export interface Edge {
  transition: TransitionName;
  kinds: readonly RequestKind[];
  from: RequestState;
  roles: readonly Role[];
}

export const EDGES: readonly Edge[] = TRANSITIONS.flatMap((transition) => {
  const { kinds, from } = COMMANDS[transition] as CommandDefinition<TransitionName>;
  return Object.entries(from).map(([state, roles]): Edge => ({ transition, kinds, from: state as RequestState, roles: roles ?? [] }));
});

/** Every role that may send the command from some state: the permission matrix's row. */
export function rolesOf(transition: TransitionName): ReadonlySet<Role> {
  return new Set(Object.values(COMMANDS[transition].from as Partial<Record<RequestState, readonly Role[]>>).flat());
}

/** The commands staff send, in the order of the instruction: the staff panel's buttons and the dispatch's keys. */
export const STAFF_COMMANDS = TRANSITIONS.filter((name) => COMMANDS[name].scope === "staff") as StaffCommandName[];
export type StaffCommandName = { [N in TransitionName]: Commands[N]["scope"] extends "staff" ? N : never }[TransitionName];

/** The commands the learner sends on their own request. */
export type LearnerCommandName = { [N in TransitionName]: Commands[N]["scope"] extends "owner" ? N : never }[TransitionName];

export type BulkCommandName = { [N in TransitionName]: Commands[N]["bulk"] extends { done: string } ? N : never }[TransitionName];
export const BULK_COMMANDS = TRANSITIONS.filter((name) => COMMANDS[name].bulk !== undefined) as BulkCommandName[];

/** The bulk operations a staff role may send: those whose edges it appears on. */
export function bulkCommandsFor(role: Role): BulkCommandName[] {
  return BULK_COMMANDS.filter((name) => rolesOf(name).has(role));
}

// ——— Schemas built from the fields ———

const id = z.string().min(1).max(64);
/** The version of the request the page showed: a different current version means someone acted meanwhile. */
export const onRequest = { requestId: id, version: z.number().int().min(0) };

type FieldsOf<N extends TransitionName> = Commands[N]["fields"];

/** The input of one command as its form sends it: its type, the request, the version shown and its fields. */
export function commandSchema<N extends TransitionName>(name: N) {
  const definition = COMMANDS[name] as CommandDefinition<N, FieldsOf<N>>;
  const shape = { type: z.literal(name), ...onRequest, ...definition.fields } as unknown as { type: z.ZodLiteral<N> } & typeof onRequest & FieldsOf<N>;
  const schema = z.object(shape);
  return definition.refine ? schema.superRefine((value, ctx) => definition.refine!(value as never, ctx)) : schema;
}

export type CommandInput<N extends TransitionName> = z.input<ReturnType<typeof commandSchema<N>>>;
export type CommandData<N extends TransitionName> = z.output<ReturnType<typeof commandSchema<N>>>;

/** The same fields, for the queue's bulk form: the ticked rows instead of one request. */
export function bulkSchema<N extends BulkCommandName, I extends z.ZodType>(name: N, items: I) {
  const fields: z.ZodRawShape = (COMMANDS[name as TransitionName] as CommandDefinition<TransitionName>).fields;
  return z.object({ operation: z.literal(name), items, ...fields } as unknown as { operation: z.ZodLiteral<N>; items: I } & FieldsOf<N>);
}

// ——— What each person may do now ———

export function findEdge(kind: RequestKind, from: RequestState, transition: TransitionName): Edge | undefined {
  return EDGES.find((edge) => edge.transition === transition && edge.from === from && edge.kinds.includes(kind));
}

/** The transitions this role may attempt now (for the buttons of a screen): a closure with a linked request is nobody's button. */
export function availableTransitions(request: RequestSnapshot, role: Role): TransitionName[] {
  return TRANSITIONS.filter((transition) => COMMANDS[transition].scope !== "linked" && (findEdge(request.kind, request.state, transition)?.roles.includes(role) ?? false));
}

/** The learner's buttons on their request: exactly what the machine would accept from them now. */
export function learnerCommands(request: RequestSnapshot): LearnerCommandName[] {
  return availableTransitions(request, "AUDITEUR").filter((name): name is LearnerCommandName => COMMANDS[name].scope === "owner");
}

/** The two staff spaces that act on requests. */
export type StaffSpace = "centre" | "national";
