"use server";

import { revalidatePath } from "next/cache";
import { changeStaffRole, createStaffAccount, setStaffActive } from "@/lib/admin/accounts";
import { accountCreateSchema, accountRoleSchema, type AccountCreateValues, type AccountRoleValues } from "@/lib/admin/schemas";
import { fieldErrorsFrom } from "@/lib/forms";
import { adminActor } from "../admin-actor";

const refresh = () => revalidatePath("/admin/comptes");

export async function createAccountAction(values: AccountCreateValues) {
  const parsed = accountCreateSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, fieldErrors: fieldErrorsFrom<keyof AccountCreateValues>(parsed.error.issues) };
  const result = await createStaffAccount(await adminActor(), values);
  if (result.ok) refresh();
  return result;
}

export async function changeRoleAction(userId: string, values: AccountRoleValues) {
  const parsed = accountRoleSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, fieldErrors: fieldErrorsFrom<keyof AccountRoleValues>(parsed.error.issues) };
  const result = await changeStaffRole(await adminActor(), String(userId), parsed.data);
  if (result.ok) refresh();
  return result;
}

export async function setActiveAction(userId: string, active: boolean) {
  const result = await setStaffActive(await adminActor(), String(userId), active === true);
  if (result.ok) refresh();
  return result;
}
