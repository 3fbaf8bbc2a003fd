"use server";

import { definePublicAction } from "@/lib/auth/define-action";
import { fromOutcome } from "@/lib/shared/result";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { forgotPasswordSchema, resetPasswordInput } from "./schemas";

/** The forgotten password's two pages, before any session. */

/** The answer is the same whether the account exists or not: it never tells who has one. */
export const requestPasswordResetAction = definePublicAction({
  name: "auth.requestPasswordReset",
  input: forgotPasswordSchema,
  handler: async ({ identifier }) => fromOutcome(await requestPasswordReset(identifier)),
});

export const resetPasswordAction = definePublicAction({
  name: "auth.resetPassword",
  input: resetPasswordInput,
  handler: async (input) => fromOutcome(await resetPassword(input)),
});
