/**
 * What the login page says when a login fails: one module without dependencies, so the login form
 * carries these words to the browser and nothing else with them (the directory's code uses Node's
 * Buffer, which would pull its polyfill into the page).
 */

export const STAFF_NOT_OPENED =
  "Votre identifiant ENF est reconnu, mais aucun compte de personnel ne lui correspond dans D3. Demandez à l'administrateur de D3 d'ouvrir votre compte.";

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
