import * as z from "zod/mini";
import { checkIdentifier } from "@/lib/auth/domain/identifier";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/domain/password";
import { STAFF_NOT_OPENED } from "@/lib/auth/domain/directory";

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

/** The one message for a wrong identifier or password: it never tells which one was wrong. */
export const INVALID_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

/** The directory could not be reached: a distinct message, and the attempt does not count toward lockout. */
export const DIRECTORY_UNAVAILABLE = "Le service de connexion est momentanément indisponible. Réessayez dans quelques minutes : cette tentative ne compte pas.";

/** Too many attempts from one address, whatever the identifiers (lib/auth/ip-limit.ts). */
export const TOO_MANY_FROM_ADDRESS = "Trop de tentatives de connexion depuis votre connexion internet. Réessayez dans 15 minutes.";

/**
 * NextAuth passes the error thrown by authorize() back to signIn(); a failure other than a wrong
 * identifier or password (lockout, directory down…) carries its message after this prefix.
 */
export const LOCKED_PREFIX = "LOCKED:";

export function loginFailureMessage(error: string): string {
  return error.startsWith(LOCKED_PREFIX) ? error.slice(LOCKED_PREFIX.length) : INVALID_CREDENTIALS;
}

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

/**
 * OpenID Connect: the failure the login page is sent back with, as `?erreur=CODE` (our signIn
 * callback) or `?error=…` (NextAuth's: provider unreachable, state or PKCE check failed…).
 */
export function oidcFailureMessage(code: string): string | null {
  switch (code) {
    case "NOT_OPENED":
      return STAFF_NOT_OPENED;
    case "INVALID_CREDENTIALS":
      return "Ce compte est désactivé dans D3. Adressez-vous à votre centre ou à l'administrateur de D3.";
    case "INVALID_FORMAT":
      return "Le compte ENF transmis n'a pas un identifiant attendu par D3 (prenom.nom.auditeur). Adressez-vous à votre centre.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
      return DIRECTORY_UNAVAILABLE;
    case "":
      return null;
    default:
      return "La connexion avec votre compte ENF n'a pas abouti. Réessayez.";
  }
}
