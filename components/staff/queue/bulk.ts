import { z } from "zod";
import { CENTRE_OPINIONS, MAX_COMMENT_LENGTH, MESSAGES } from "@/lib/requests/staff-schemas";
import { MAX_BULK_ITEMS } from "@/lib/requests/staff-requests";
import type { FieldErrors } from "@/lib/forms";

/**
 * The bulk actions of the queues: what the form sends (the ticked rows, each with the version the
 * page showed, and the operation), checked by the server actions of app/centre and app/national,
 * and the line shown for each request once bulkApply has answered.
 */

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

const comment = z.string({ error: MESSAGES.opinionComment }).trim().min(1, MESSAGES.opinionComment).max(MAX_COMMENT_LENGTH, `${MAX_COMMENT_LENGTH.toLocaleString("fr-FR")} caractères au plus.`);

export const centreBulkSchema = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("takeInCharge"), items }),
  z.object({ operation: z.literal("assign"), items, assigneeId: z.string({ error: MESSAGES.assignee }).min(1, MESSAGES.assignee).max(64) }),
  z.object({ operation: z.literal("forward"), items, opinion: z.enum(CENTRE_OPINIONS, { error: MESSAGES.opinion }), comment }),
]);

export const nationalBulkSchema = z.object({ operation: z.literal("recordEdition"), items });

export type CentreBulkInput = z.output<typeof centreBulkSchema>;
export type BulkOperationName = CentreBulkInput["operation"] | "recordEdition";

/** The form as plain values (missing fields undefined, so that zod names what is missing). */
export function bulkFormValues(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return { operation: text("operation"), items: formData.getAll("item"), assigneeId: text("assigneeId"), opinion: text("opinion"), comment: text("comment") };
}

/** The operation in bulkApply's terms. */
export function toBulkOperation(input: CentreBulkInput) {
  switch (input.operation) {
    case "takeInCharge":
      return { type: "takeInCharge" as const };
    case "assign":
      return { type: "assign" as const, assigneeId: input.assigneeId };
    case "forward":
      return { type: "forward" as const, opinion: input.opinion, comment: input.comment };
  }
}

export type BulkLine = { requestId: string; number: string; ok: boolean; text: string };
export type BulkState = null | { ok: false; message: string; fieldErrors?: FieldErrors } | { ok: true; summary: string; lines: BulkLine[] };

const DONE: Record<BulkOperationName, string> = {
  takeInCharge: "pris en charge",
  assign: "attribué",
  forward: "transmis au national",
  recordEdition: "marqué comme édité",
};

/** Codes of a request that changed between the display and the action. */
const CHANGED_MEANWHILE = new Set(["STALE_VERSION", "CONFLICT"]);

type BulkResult = { requestId: string; result: { ok: true; diplomaNumber?: string } | { ok: false; code: string; message: string } };

/** "D3-2026-000012 : pris en charge", "… : modifié entre-temps", or the reason of the refusal. */
export function describeBulkResults(operation: BulkOperationName, results: BulkResult[], numbers: Map<string, string>): Extract<BulkState, { ok: true }> {
  const lines = results.map(({ requestId, result }): BulkLine => {
    const number = numbers.get(requestId) ?? "Demande inaccessible";
    if (result.ok) return { requestId, number, ok: true, text: result.diplomaNumber ? `${DONE[operation]} (diplôme n° ${result.diplomaNumber})` : DONE[operation] };
    return { requestId, number, ok: false, text: CHANGED_MEANWHILE.has(result.code) ? "modifié entre-temps, rechargez la page" : result.message };
  });
  const done = lines.filter((line) => line.ok).length;
  const summary = `${done} demande${done > 1 ? "s" : ""} sur ${lines.length} ${done > 1 ? "traitées" : "traitée"}.`;
  return { ok: true, summary, lines };
}
