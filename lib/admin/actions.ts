"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asFormState, asFormSubmit, defineAction } from "@/lib/auth/define-action";
import { failure, fromOutcome, ok } from "@/lib/shared/result";
import { changeStaffRole, createStaffAccount, setStaffActive } from "./accounts";
import { importCatalogueFile } from "./catalogue-import";
import { createCentre, updateCentre } from "./centres";
import { retryNow } from "./outbox";
import { importResults } from "./results-import";
import { accountActiveSchema, accountCreateSchema, accountRoleChangeSchema, centreSchema, importFileSchema } from "./schemas";

/**
 * The administration's server actions, each through the one contract of lib/auth/define-action.ts: the
 * session must be an administrator's (403 otherwise) before anything sent is even parsed, then the
 * form's schema, then one use case, which checks the permission again and writes the audit log.
 */

const admin = { space: "admin" } as const;

export const createCentreAction = defineAction({
  name: "admin.createCentre",
  input: centreSchema,
  access: admin,
  handler: async (values, { actor }) => {
    const result = fromOutcome(await createCentre(actor, values));
    if (result.ok) revalidatePath("/admin/centres");
    return result;
  },
});

/** The code is the centre's key: the form shows it read-only, the row it names is updated. */
export const updateCentreAction = defineAction({
  name: "admin.updateCentre",
  input: centreSchema,
  access: admin,
  handler: async (values, { actor }) => {
    const result = fromOutcome(await updateCentre(actor, values.code, values));
    if (result.ok) revalidatePath("/admin/centres");
    return result;
  },
});

const refreshAccounts = () => revalidatePath("/admin/comptes");

export const createAccountAction = defineAction({
  name: "admin.createAccount",
  input: accountCreateSchema,
  access: admin,
  handler: async (values, { actor }) => {
    const result = fromOutcome(await createStaffAccount(actor, values));
    if (result.ok) refreshAccounts();
    return result;
  },
});

export const changeRoleAction = defineAction({
  name: "admin.changeRole",
  input: accountRoleChangeSchema,
  access: admin,
  handler: async ({ userId, ...values }, { actor }) => {
    const result = fromOutcome(await changeStaffRole(actor, userId, values));
    if (result.ok) refreshAccounts();
    return result;
  },
});

export const setActiveAction = defineAction({
  name: "admin.setActive",
  input: accountActiveSchema,
  access: admin,
  handler: async ({ userId, active }, { actor }) => {
    const result = fromOutcome(await setStaffActive(actor, userId, active));
    if (result.ok) refreshAccounts();
    return result;
  },
});

/** The file as text, or the message that says why it cannot be imported. */
async function readUpload(file: File) {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  if (text.includes("\uFFFD")) return failure("INVALID_INPUT", "Ce fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » puis importez-le à nouveau.");
  return ok({ name: file.name, text });
}

/** A file read is an import run: its report, whole or rejected, is the value shown under the form. */
export const importCatalogueAction = defineAction({
  name: "admin.importCatalogue",
  input: importFileSchema,
  access: admin,
  handler: async ({ fichier }, { actor }) => {
    const upload = await readUpload(fichier);
    if (!upload.ok) return upload;
    const report = await importCatalogueFile(actor, upload.value.text);
    if (report.ok) revalidatePath("/admin");
    return ok({ report, fileName: upload.value.name });
  },
});

export const importCatalogueFormAction = asFormState(importCatalogueAction);

export const importResultsAction = defineAction({
  name: "admin.importResults",
  input: importFileSchema,
  access: admin,
  handler: async ({ fichier }, { actor }) => {
    const upload = await readUpload(fichier);
    if (!upload.ok) return upload;
    const report = await importResults(actor, upload.value);
    if (report.ok) revalidatePath("/admin");
    return ok({ report, fileName: upload.value.name });
  },
});

export const importResultsFormAction = asFormState(importResultsAction);

/** "Réessayer maintenant" on Courriels en attente: every failing e-mail is due again now. */
export const retryNowAction = defineAction({
  name: "admin.retryEmails",
  input: z.unknown(),
  access: admin,
  handler: async (_input, { actor }) => {
    const retried = await retryNow(actor);
    revalidatePath("/admin/courriels");
    return ok({ retried });
  },
});

export const retryNowFormAction = asFormSubmit(retryNowAction);
