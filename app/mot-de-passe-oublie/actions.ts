"use server";

import { requestPasswordReset, type ResetRequestResult } from "@/lib/auth/password-reset";
import { forgotPasswordSchema, type ForgotPasswordValues } from "@/lib/auth/login-schema";
import { fieldErrorsFrom } from "@/lib/forms";

export async function requestPasswordResetAction(values: ForgotPasswordValues): Promise<ResetRequestResult> {
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<"identifier">(parsed.error.issues) };
  return requestPasswordReset(parsed.data.identifier);
}
