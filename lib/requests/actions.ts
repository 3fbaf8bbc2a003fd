"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asFormState, defineAction } from "@/lib/auth/define-action";
import { fromOutcome, ok, toFailure } from "@/lib/shared/result";
import { deleteFile } from "@/lib/shared/storage";
import { describeBulkResults } from "./bulk-results";
import { addDocument, removeDocument } from "./documents";
import { chooseExperienceRoute } from "./experience-route";
import { deleteDraft, deleteExperience, resubmitRequest, saveExperience, sendInternshipProof, startRequest, submitRequest, withdrawRequest } from "./learner-requests";
import { restartRequest } from "./restart";
import { bulkFormValues, bulkSchemaFor, messageSchema, resubmitSchema, internshipProofSchema, staffActionSchema, submitSchema, withdrawSchema } from "./schemas";
import { bulkApply, postMessage, reviewDocument, runStaffCommand, type StaffActor } from "./staff-requests";
import { isChosenFile } from "./message-attachment";
import { visibleRequestNumbers } from "./staff-queries";
import type { StaffActionData } from "./schemas";

/**
 * The server actions of the requests feature, each through the one contract of lib/auth/define-action.ts:
 * session and space, the form's schema, then one use case, which checks ownership or the staff
 * permission and the state. Route files and components import them from here.
 */

const id = z.string().min(1).max(64);
const learner = { space: "auditeur" } as const;
const refresh = (requestId: string) => revalidatePath(`/demandes/${requestId}`);

// ——— The learner ———

export const startRequestAction = defineAction({
  name: "requests.start",
  input: z.object({ diplomaKey: z.string().max(64).default(""), kind: z.enum(["DIPLOMA", "EXPERIENCE"], { error: "Type de demande inconnu." }) }),
  access: learner,
  handler: async ({ diplomaKey, kind }, { actor }) => {
    const result = await startRequest(actor, diplomaKey, kind);
    if (!result.ok) return toFailure(result);
    redirect(`/demandes/${result.requestId}`);
  },
});

export const startRequestFormAction = asFormState(startRequestAction);

export const saveExperienceAction = defineAction({
  name: "requests.saveExperience",
  // The experience's fields are checked by the use case with the form's schema at today's date.
  input: z.object({ requestId: id, experienceId: id.optional(), values: z.unknown() }),
  access: learner,
  handler: async ({ requestId, experienceId, values }, { actor }) => {
    const result = fromOutcome(await saveExperience(actor, requestId, values, experienceId));
    if (result.ok) refresh(requestId);
    return result;
  },
});

export const deleteExperienceAction = defineAction({
  name: "requests.deleteExperience",
  input: z.object({ requestId: id, experienceId: id }),
  access: learner,
  handler: async ({ requestId, experienceId }, { actor }) => {
    const result = fromOutcome(await deleteExperience(actor, requestId, experienceId));
    if (result.ok) refresh(requestId);
    return result;
  },
});

/** Where the diploma's experience rule has several routes (the licence), the one the learner says applies. */
export const chooseExperienceRouteAction = defineAction({
  name: "requests.chooseExperienceRoute",
  input: z.object({ requestId: id, route: z.string({ error: "Choisissez votre parcours dans la liste." }).min(1, "Choisissez votre parcours dans la liste.").max(16) }),
  access: learner,
  handler: async ({ requestId, route }, { actor }) => {
    const result = fromOutcome(await chooseExperienceRoute(actor, requestId, route));
    if (result.ok) refresh(requestId);
    return result;
  },
});

export const submitRequestAction = defineAction({
  name: "requests.submit",
  input: submitSchema,
  access: learner,
  handler: async ({ requestId, version, certified }, { actor }) => {
    const result = fromOutcome(await submitRequest(actor, requestId, version, { certified }));
    refresh(requestId);
    return result;
  },
});

export const withdrawRequestAction = defineAction({
  name: "requests.withdraw",
  input: withdrawSchema,
  access: learner,
  handler: async ({ requestId, version, reason }, { actor }) => {
    const result = fromOutcome(await withdrawRequest(actor, requestId, version, reason));
    refresh(requestId);
    return result;
  },
});

export const resubmitRequestAction = defineAction({
  name: "requests.resubmit",
  input: resubmitSchema,
  access: learner,
  handler: async ({ requestId, version, comment }, { actor }) => {
    const result = fromOutcome(await resubmitRequest(actor, requestId, version, comment));
    refresh(requestId);
    return result;
  },
});

/** After a favourable opinion under condition: the internship agreement and report go to the centre. */
export const sendInternshipProofAction = defineAction({
  name: "requests.sendInternshipProof",
  input: internshipProofSchema,
  access: learner,
  handler: async ({ requestId, version }, { actor }) => {
    const result = fromOutcome(await sendInternshipProof(actor, requestId, version));
    refresh(requestId);
    return result;
  },
});

/** "Faire une nouvelle demande à partir de celle-ci": a new draft prefilled from a closed request. */
export const restartRequestAction = defineAction({
  name: "requests.restart",
  input: z.object({ requestId: id }),
  access: learner,
  handler: async ({ requestId }, { actor }) => {
    const result = await restartRequest(actor, requestId);
    if (!result.ok) return toFailure(result);
    redirect(`/demandes/${result.requestId}`);
  },
});

export const deleteDraftAction = defineAction({
  name: "requests.deleteDraft",
  input: z.object({ requestId: id }),
  access: learner,
  handler: async ({ requestId }, { actor }) => {
    const result = await deleteDraft(actor, requestId);
    if (!result.ok) return toFailure(result);
    await Promise.all(result.storageKeys.map((key) => deleteFile(key).catch(() => undefined)));
    redirect("/auditeur");
  },
});

export const uploadDocumentAction = defineAction({
  name: "requests.uploadDocument",
  input: z.object({ requestId: id, category: z.unknown(), file: z.unknown() }),
  access: learner,
  handler: async ({ requestId, category, file }, { actor }) => {
    const result = fromOutcome(await addDocument(actor, requestId, { category, file: file instanceof File ? file : null }));
    if (result.ok) refresh(requestId);
    return result;
  },
});

export const removeDocumentAction = defineAction({
  name: "requests.removeDocument",
  input: z.object({ requestId: id, documentId: id }),
  access: learner,
  handler: async ({ requestId, documentId }, { actor }) => {
    const result = fromOutcome(await removeDocument(actor, requestId, documentId));
    if (result.ok) refresh(requestId);
    return result;
  },
});

/** The learner answers their centre on their request page; the use case checks ownership. */
export const postMessageAction = defineAction({
  name: "requests.postMessage",
  input: messageSchema,
  access: learner,
  handler: async ({ requestId, body, attachment }, { actor }) => {
    const result = fromOutcome(await postMessage(actor, requestId, body, new Date(), isChosenFile(attachment) ? attachment : null));
    refresh(requestId);
    return result;
  },
});

// ——— Staff ———

function performStaffAction(actor: StaffActor, data: StaffActionData) {
  switch (data.type) {
    case "reviewDocument":
      return reviewDocument(actor, data.documentId, data.status, data.reason);
    case "postMessage":
      return postMessage(actor, data.requestId, data.body, new Date(), isChosenFile(data.attachment) ? data.attachment : null);
    default:
      return runStaffCommand(actor, data);
  }
}

function staffRequestAction(space: "centre" | "national") {
  return defineAction({
    name: `requests.${space}`,
    input: staffActionSchema,
    access: { space },
    handler: async (data, { actor }) => {
      const result = fromOutcome(await performStaffAction(actor, data));
      revalidatePath(`/${space}/demandes/${data.requestId}`);
      return result;
    },
  });
}

/** Every action of the centre's request page (instruction, documents, messages), for AGENT_CENTRE only. */
export const centreRequestAction = staffRequestAction("centre");
/** Every action of the national request page (jury, diploma, documents, messages), for AGENT_NATIONAL only. */
export const nationalRequestAction = staffRequestAction("national");

function bulkAction(space: "centre" | "national", role: "AGENT_CENTRE" | "AGENT_NATIONAL") {
  return defineAction({
    name: `requests.${space}.bulk`,
    input: bulkSchemaFor(role),
    fromForm: bulkFormValues,
    access: { space },
    handler: async ({ items, ...operation }, { user, actor }) => {
      const { operation: type, ...fields } = operation;
      const results = await bulkApply(actor, items, { type, ...fields } as Parameters<typeof bulkApply>[2]);
      const numbers = await visibleRequestNumbers(user, items.map((entry) => entry.requestId));
      revalidatePath(`/${space}`);
      return ok(describeBulkResults(type, results, numbers));
    },
  });
}

/** The centre queue's bulk actions: take in charge, assign, forward the ticked requests. */
export const centreBulkAction = asFormState(bulkAction("centre", "AGENT_CENTRE"));
/** The national queue's bulk action: record the edition of the ticked validated diplomas. */
export const nationalBulkAction = asFormState(bulkAction("national", "AGENT_NATIONAL"));
