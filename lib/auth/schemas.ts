import * as z from "zod/mini";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/domain/password-policy";

/** Longest identifier typed in a form (prenom.nom2.auditeur is far shorter). */
export const MAX_IDENTIFIER_LENGTH = 100;

export const identifierField = z.string().check(
  z.maxLength(MAX_IDENTIFIER_LENGTH, `Identifiant : ${MAX_IDENTIFIER_LENGTH} caractères au plus.`),
  z.superRefine((value, ctx) => {
    const checked = checkIdentifier(value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  }),
);

/** The login form: the identifier's format is checked before anything is sent. */
export const loginSchema = z.object({
  identifier: identifierField,
  password: z.string().check(z.minLength(1, "Saisissez votre mot de passe."), z.maxLength(MAX_PASSWORD_LENGTH, `Mot de passe : ${MAX_PASSWORD_LENGTH} caractères au plus.`)),
});

/** "Mot de passe oublié ?" */
export const forgotPasswordSchema = z.object({ identifier: identifierField });
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;

export type LoginValues = z.infer<typeof loginSchema>;

/**
 * "Nouveau mot de passe": the link's token and the two fields as typed. The password rules depend
 * on the account's identifier, which only the token tells: the use case checks them with
 * newPasswordSchema, the form's schema.
 */
export const resetPasswordInput = z.object({
  token: z.string().check(z.maxLength(256)),
  password: z.string().check(z.maxLength(MAX_PASSWORD_LENGTH, `Mot de passe : ${MAX_PASSWORD_LENGTH} caractères au plus.`)),
  confirmation: z.string().check(z.maxLength(MAX_PASSWORD_LENGTH, `Mot de passe : ${MAX_PASSWORD_LENGTH} caractères au plus.`)),
});
