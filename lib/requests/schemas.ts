import { z } from "zod";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import {
  MESSAGES,
  STAFF_COMMANDS,
  bulkCommandsFor,
  bulkSchema,
  commandSchema,
  optionalText,
  requiredText,
  MAX_MESSAGE_LENGTH,
  type BulkCommandName,
  type CommandData,
  type CommandInput,
  type StaffCommandName,
} from "./domain/commands";

export {
  CENTRE_OPINIONS,
  CENTRE_OPINION_LABELS,
  JURY_OUTCOMES,
  JURY_OUTCOME_LABELS,
  MAX_COMMENT_LENGTH,
  MAX_MESSAGE_LENGTH,
  MESSAGES,
  toExperienceDecision,
} from "./domain/commands";

/**
 * What the request forms send to their server actions. The same schemas check the forms in the
 * browser (immediate errors next to the fields) and the input of the server actions; the use
 * cases check the state, the role and the version again. The command inputs are built from the
 * registry's fields (lib/requests/domain/commands.ts).
 */

const id = z.string().min(1).max(64);

const reviewDocumentSchema = z
  .object({
    type: z.literal("reviewDocument"),
    requestId: id,
    documentId: id,
    status: z.enum(["VALIDATED", "REFUSED"], { error: MESSAGES.documentStatus }),
    reason: optionalText(),
  })
  .superRefine((value, ctx) => {
    if (value.status === "REFUSED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: MESSAGES.documentRefusal });
  });

// The attachment, a File or nothing, is checked by the use case as a pièce is (lib/requests/message-attachment.ts).
export const messageSchema = z.object({ requestId: id, body: requiredText(MESSAGES.message, MAX_MESSAGE_LENGTH), attachment: z.unknown().optional() });
const postMessageSchema = messageSchema.extend({ type: z.literal("postMessage") });

type StaffCommandInput = { [N in StaffCommandName]: CommandInput<N> }[StaffCommandName];
type StaffCommandOutput = { [N in StaffCommandName]: CommandData<N> }[StaffCommandName];

/** As the forms send it: every text as typed. */
export type StaffActionInput = StaffCommandInput | z.input<typeof reviewDocumentSchema> | z.input<typeof postMessageSchema>;
export type StaffActionData = StaffCommandOutput | z.output<typeof reviewDocumentSchema> | z.output<typeof postMessageSchema>;
export type StaffActionType = StaffActionData["type"];
export type DecideExperienceData = CommandData<"decideExperience">;

/** Every action of the staff request page: the registry's staff commands, a document review, a message. */
export const staffActionSchema = z.discriminatedUnion("type", [
  ...STAFF_COMMANDS.map((name) => commandSchema(name)),
  reviewDocumentSchema,
  postMessageSchema,
] as unknown as [typeof reviewDocumentSchema, typeof postMessageSchema]) as unknown as z.ZodType<StaffActionData, StaffActionInput>;

/** The learner's commands on their own request, as the learner page sends them. */
export const submitSchema = commandSchema("submit").omit({ type: true });
export const withdrawSchema = commandSchema("withdraw").omit({ type: true });
export const resubmitSchema = commandSchema("resubmit").omit({ type: true });
export const internshipProofSchema = commandSchema("sendInternshipProof").omit({ type: true });

// ——— The queues' bulk actions ———

export const MAX_BULK_ITEMS = 200;

/** A ticked row: "<request id>:<version shown>". */
const item = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}:\d{1,9}$/)
  .transform((value) => {
    const [requestId, version] = value.split(":") as [string, string];
    return { requestId, expectedVersion: Number(version) };
  });

const items = z
  .array(item)
  .min(1, "Cochez au moins une demande dans le tableau.")
  .max(MAX_BULK_ITEMS, `${MAX_BULK_ITEMS} demandes au plus à la fois.`)
  .transform((list) => [...new Map(list.map((entry) => [entry.requestId, entry])).values()]);

type BulkItems = z.output<typeof items>;
export type BulkInput = { [N in BulkCommandName]: z.output<ReturnType<typeof bulkSchema<N, typeof items>>> }[BulkCommandName];

/** The bulk operations of a space: the registry's bulk commands its role sends, with the same fields as the request page. */
export function bulkSchemaFor(role: "AGENT_CENTRE" | "AGENT_NATIONAL"): z.ZodType<BulkInput & { items: BulkItems }> {
  const options = bulkCommandsFor(role).map((name) => bulkSchema(name, items));
  return z.discriminatedUnion("operation", options as unknown as [(typeof options)[number]]) as unknown as z.ZodType<BulkInput & { items: BulkItems }>;
}

/** The form as plain values (missing fields undefined, so that zod names what is missing). */
export function bulkFormValues(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return { operation: text("operation"), items: formData.getAll("item"), assigneeId: text("assigneeId"), opinion: text("opinion"), comment: text("comment") };
}

export type InvalidInput = { ok: false; code: "INVALID_INPUT"; message: string; fieldErrors: FieldErrors };

/** A form that did not pass its schema: the first message of each field, shown next to it. */
export function invalidInput(error: z.ZodError): InvalidInput {
  return { ok: false, code: "INVALID_INPUT", message: "Vérifiez les champs signalés.", fieldErrors: fieldErrorsFrom(error.issues) };
}
