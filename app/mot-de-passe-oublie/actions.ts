"use server";

import { requestPasswordReset, type ResetRequestResult } from "@/lib/auth/password-reset";
import { forgotPasswordSchema, type ForgotPasswordValues } from "@/lib/auth/login-schema";
import { fieldErrorsFrom } from "@/lib/forms";
import { deliverSoon } from "@/lib/server/mail/deliver-soon";

export async function requestPasswordResetAction(values: ForgotPasswordValues): Promise<ResetRequestResult> {
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<"identifier">(parsed.error.issues) };
  const result = await requestPasswordReset(parsed.data.identifier);
  deliverSoon();
  return result;
}
