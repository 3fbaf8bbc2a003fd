import { DIRECTORY_UNAVAILABLE, INVALID_CREDENTIALS, LOCKED_PREFIX, STAFF_NOT_OPENED, loginFailureMessage, oidcFailureMessage } from "@/lib/auth/domain/login-messages";

describe("what the login page says", () => {
  test("the form: a wrong identifier or password, or any unknown error, gives the one generic message; a carried message is shown as is", () => {
    expect(loginFailureMessage("INVALID_CREDENTIALS")).toBe(INVALID_CREDENTIALS);
    expect(loginFailureMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS);
    expect(loginFailureMessage(LOCKED_PREFIX + DIRECTORY_UNAVAILABLE)).toBe(DIRECTORY_UNAVAILABLE);
    expect(DIRECTORY_UNAVAILABLE).toContain("momentanément indisponible");
  });

  test("OpenID Connect: our codes and NextAuth's, each with a French message; nothing for no code", () => {
    expect(oidcFailureMessage("NOT_OPENED")).toBe(STAFF_NOT_OPENED);
    expect(oidcFailureMessage("INVALID_CREDENTIALS")).toContain("désactivé");
    expect(oidcFailureMessage("INVALID_FORMAT")).toContain("prenom.nom.auditeur");
    // The provider unreachable (discovery failed) or the callback refused (state, PKCE).
    expect(oidcFailureMessage("OAuthSignin")).toBe(DIRECTORY_UNAVAILABLE);
    expect(oidcFailureMessage("OAuthCallback")).toBe(DIRECTORY_UNAVAILABLE);
    expect(oidcFailureMessage("AccessDenied")).toBe("La connexion avec votre compte ENF n'a pas abouti. Réessayez.");
    expect(oidcFailureMessage("")).toBeNull();
  });
});
