import { z } from "zod";
import type { ExperienceDecision } from "@/lib/domain/request-lifecycle";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/forms";

/**
 * What the staff request page sends to its server actions, one member per action. The same
 * schemas check the forms in the browser (immediate errors next to the fields) and the input of
 * the server actions; the use cases check the state, the role and the version again.
 */

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_MESSAGE_LENGTH = 5000;

const requiredText = (missing: string, max = MAX_COMMENT_LENGTH) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${max.toLocaleString("fr-FR")} caractères au plus.`);

const optionalText = z.string().trim().max(MAX_COMMENT_LENGTH, `${MAX_COMMENT_LENGTH.toLocaleString("fr-FR")} caractères au plus.`).optional();

const id = z.string().min(1).max(64);

/** The version of the request the page showed: a different current version means someone acted meanwhile. */
const onRequest = { requestId: id, version: z.number().int().min(0) };

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
  documentStatus: "Choisissez : pièce validée ou refusée.",
  documentRefusal: "Indiquez le motif du refus de la pièce : l'auditeur le lira tel quel.",
  message: "Écrivez votre message.",
} as const;

export const CENTRE_OPINIONS = ["FAVOURABLE", "RESERVED", "UNFAVOURABLE"] as const;
export const CENTRE_OPINION_LABELS: Record<(typeof CENTRE_OPINIONS)[number], string> = { FAVOURABLE: "Favorable", RESERVED: "Réservé", UNFAVOURABLE: "Défavorable" };

export const JURY_OUTCOMES = ["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"] as const;
export const JURY_OUTCOME_LABELS: Record<(typeof JURY_OUTCOMES)[number], string> = {
  FAVOURABLE: "Favorable",
  FAVOURABLE_WITH_CONDITION: "Favorable sous condition (stage)",
  UNFAVOURABLE: "Défavorable",
};

/** A whole number of months, typed as text: "3", not "3,5" nor "0". */
const MONTHS = /^\s*[1-9]\d{0,2}\s*$/;

const decideExperienceSchema = z
  .object({
    type: z.literal("decideExperience"),
    ...onRequest,
    outcome: z.enum(JURY_OUTCOMES, { error: MESSAGES.outcome }),
    internshipMonths: z.string().optional(),
    conditionText: optionalText,
    reason: optionalText,
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "FAVOURABLE_WITH_CONDITION") {
      if (!MONTHS.test(value.internshipMonths ?? "")) ctx.addIssue({ code: "custom", path: ["internshipMonths"], message: MESSAGES.internshipMonths });
      if (!value.conditionText) ctx.addIssue({ code: "custom", path: ["conditionText"], message: MESSAGES.condition });
    }
    if (value.outcome === "UNFAVOURABLE" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: MESSAGES.unfavourable });
  });

const reviewDocumentSchema = z
  .object({
    type: z.literal("reviewDocument"),
    requestId: id,
    documentId: id,
    status: z.enum(["VALIDATED", "REFUSED"], { error: MESSAGES.documentStatus }),
    reason: optionalText,
  })
  .superRefine((value, ctx) => {
    if (value.status === "REFUSED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: MESSAGES.documentRefusal });
  });

export const messageSchema = z.object({ requestId: id, body: requiredText(MESSAGES.message, MAX_MESSAGE_LENGTH) });

export const staffActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("takeInCharge"), ...onRequest }),
  z.object({ type: z.literal("assign"), ...onRequest, assigneeId: z.string({ error: MESSAGES.assignee }).min(1, MESSAGES.assignee).max(64) }),
  z.object({ type: z.literal("askForCorrection"), ...onRequest, comment: requiredText(MESSAGES.correction) }),
  z.object({ type: z.literal("forward"), ...onRequest, opinion: z.enum(CENTRE_OPINIONS, { error: MESSAGES.opinion }), comment: requiredText(MESSAGES.opinionComment) }),
  z.object({ type: z.literal("refuse"), ...onRequest, reason: requiredText(MESSAGES.refusal) }),
  decideExperienceSchema,
  z.object({ type: z.literal("validateDiploma"), ...onRequest }),
  z.object({ type: z.literal("recordEdition"), ...onRequest }),
  z.object({ type: z.literal("recordDispatch"), ...onRequest }),
  z.object({ type: z.literal("recordHandover"), ...onRequest }),
  reviewDocumentSchema,
  messageSchema.extend({ type: z.literal("postMessage") }),
]);

/** As the forms send it: every text as typed. */
export type StaffActionInput = z.input<typeof staffActionSchema>;
export type StaffActionData = z.output<typeof staffActionSchema>;
export type StaffActionType = StaffActionData["type"];
export type DecideExperienceData = Extract<StaffActionData, { type: "decideExperience" }>;

/** The jury's decision in the state machine's terms, from a checked form. */
export function toExperienceDecision(data: DecideExperienceData): ExperienceDecision {
  switch (data.outcome) {
    case "FAVOURABLE":
      return { outcome: "FAVOURABLE" };
    case "FAVOURABLE_WITH_CONDITION":
      return { outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: Number((data.internshipMonths ?? "").trim()), conditionText: data.conditionText ?? "" };
    case "UNFAVOURABLE":
      return { outcome: "UNFAVOURABLE", reason: data.reason ?? "" };
  }
}

export type InvalidInput = { ok: false; code: "INVALID_INPUT"; message: string; fieldErrors: FieldErrors };

/** A form that did not pass its schema: the first message of each field, shown next to it. */
export function invalidInput(error: z.ZodError): InvalidInput {
  return { ok: false, code: "INVALID_INPUT", message: "Vérifiez les champs signalés.", fieldErrors: fieldErrorsFrom(error.issues) };
}
