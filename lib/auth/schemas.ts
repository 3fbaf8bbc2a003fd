import { z } from "zod";
import { checkIdentifier } from "@/lib/auth/domain/identifier";

export const identifierField = z.string().superRefine((value, ctx) => {
  const checked = checkIdentifier(value);
  if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
});

/** The login form: the identifier's format is checked before anything is sent. */
export const loginSchema = z.object({
  identifier: identifierField,
  password: z.string().min(1, "Saisissez votre mot de passe."),
});

/** "Mot de passe oublié ?" */
export const forgotPasswordSchema = z.object({ identifier: identifierField });
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;

export type LoginValues = z.infer<typeof loginSchema>;

/** The one message for a wrong identifier or password: it never tells which one was wrong. */
export const INVALID_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

/** NextAuth passes the error thrown by authorize() back to signIn(); a lockout carries its message. */
export const LOCKED_PREFIX = "LOCKED:";

export function loginFailureMessage(error: string): string {
  return error.startsWith(LOCKED_PREFIX) ? error.slice(LOCKED_PREFIX.length) : INVALID_CREDENTIALS;
}

/**
 * "Nouveau mot de passe": the link's token and the two fields as typed. The password rules depend
 * on the account's identifier, which only the token tells: the use case checks them with
 * newPasswordSchema, the form's schema.
 */
export const resetPasswordInput = z.object({ token: z.string().max(256), password: z.string(), confirmation: z.string() });
