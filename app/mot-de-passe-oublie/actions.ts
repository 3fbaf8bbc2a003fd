"use server";

import { after } from "next/server";
import { requestPasswordReset, type ResetRequestResult } from "@/lib/auth/password-reset";
import { forgotPasswordSchema, type ForgotPasswordValues } from "@/lib/auth/login-schema";
import { fieldErrorsFrom } from "@/lib/forms";
import { deliverDueEmails } from "@/lib/server/mail/outbox";

export async function requestPasswordResetAction(values: ForgotPasswordValues): Promise<ResetRequestResult> {
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<"identifier">(parsed.error.issues) };
  const result = await requestPasswordReset(parsed.data.identifier);
  after(() => deliverDueEmails().catch((error) => console.error("outbox delivery failed", error)));
  return result;
}
