import { db } from "@/lib/shared/db";
import { recordAudit, type AuditActor } from "@/lib/audit/log";
import { can } from "@/lib/requests/domain/staff-policy";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { centreSchema, type CentreFormValues } from "./schemas";
import { isUniqueViolation } from "@/lib/shared/db-errors";

export type CentreResult = { ok: true; code: string } | { ok: false; message?: string; fieldErrors?: FieldErrors<keyof CentreFormValues> };

export const ADMIN_ONLY = "Seul un administrateur peut faire cette action.";

/** A new enrolment centre. Its code is its stable key: requests and accounts refer to it. */
export async function createCentre(actor: AuditActor, values: unknown): Promise<CentreResult> {
  if (!can({ role: actor.role, centreCode: null }, "manageCentres")) return { ok: false, message: ADMIN_ONLY };
  const parsed = centreSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { code, name, region, contactEmail } = parsed.data;
  const taken = { ok: false as const, fieldErrors: { code: `Code : le centre ${code} existe déjà ; modifiez-le dans la liste.` } };
  if (await db.centre.findUnique({ where: { code }, select: { code: true } })) return taken;
  try {
    await db.$transaction(async (tx) => {
      // Created by an administrator, who vouches for it (catalogue centres may be unverified).
      await tx.centre.create({ data: { code, name, region, contactEmail: contactEmail || null, verified: true } });
      await recordAudit(tx, actor, { action: "centre.create", details: { code, name } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  return { ok: true, code };
}

/** Name, region and contact of a centre; the code never changes. */
export async function updateCentre(actor: AuditActor, code: string, values: unknown): Promise<CentreResult> {
  if (!can({ role: actor.role, centreCode: null }, "manageCentres")) return { ok: false, message: ADMIN_ONLY };
  const parsed = centreSchema.safeParse({ ...(values as object), code });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, region, contactEmail } = parsed.data;
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.centre.updateMany({ where: { code: parsed.data.code }, data: { name, region, contactEmail: contactEmail || null } });
    if (count === 1) await recordAudit(tx, actor, { action: "centre.update", details: { code: parsed.data.code, name } });
    return count === 1;
  });
  return updated ? { ok: true, code: parsed.data.code } : { ok: false, message: "Ce centre n'existe pas ou plus." };
}
