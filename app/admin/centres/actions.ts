"use server";

import { revalidatePath } from "next/cache";
import { createCentre, updateCentre, type CentreResult } from "@/lib/admin/centres";
import { centreSchema, type CentreFormValues } from "@/lib/admin/schemas";
import { fieldErrorsFrom } from "@/lib/forms";
import { adminActor } from "../admin-actor";

export async function saveCentreAction(existingCode: string | null, values: CentreFormValues): Promise<CentreResult> {
  const parsed = centreSchema.safeParse(existingCode ? { ...values, code: existingCode } : values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const actor = await adminActor();
  const result = existingCode ? await updateCentre(actor, String(existingCode), parsed.data) : await createCentre(actor, parsed.data);
  if (result.ok) revalidatePath("/admin/centres");
  return result;
}
