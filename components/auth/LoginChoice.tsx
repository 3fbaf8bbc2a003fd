import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { enfPasswordResetUrl, identityProvider } from "@/lib/auth/directory-config";
import { OIDC_PROVIDER_ID } from "@/lib/auth/auth-options";
import { oidcFailureMessage } from "@/lib/auth/domain/login-messages";
import { loginSchema } from "@/lib/auth/schemas";
import { capsOnce } from "@/lib/shared/forms";
import { EnfSignInButton } from "./EnfSignInButton";
import { LoginForm } from "./LoginForm";

const loginCaps = capsOnce(() => loginSchema);

/**
 * The login box for the configured directory (IDENTITY_PROVIDER): the identifier and password form
 * (D3's accounts or the ENF's LDAP directory), or the button to the ENF's OpenID Connect provider.
 * « Mot de passe oublié ? » leads to D3's reset with local accounts, to the ENF's page otherwise.
 */
export function LoginChoice({ callbackPath, failure }: { callbackPath: string; failure?: string }) {
  const provider = identityProvider();
  const resetUrl = enfPasswordResetUrl();
  const message = failure ? oidcFailureMessage(failure) : null;
  return (
    <>
      {message ? (
        <div className="mb-4">
          <Alert tone="error">{message}</Alert>
        </div>
      ) : null}
      {provider === "oidc" ? <EnfSignInButton providerId={OIDC_PROVIDER_ID} callbackPath={callbackPath} /> : <LoginForm callbackPath={callbackPath} caps={loginCaps()} />}
      <p className="mt-4">
        {resetUrl ? (
          <a href={resetUrl} rel="noopener">
            Mot de passe oublié ? <span className="text-sm">(page de l&apos;ENF)</span>
          </a>
        ) : (
          <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        )}
      </p>
    </>
  );
}
