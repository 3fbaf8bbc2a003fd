import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { capsOnce } from "@/lib/shared/forms";
import { enfPasswordResetUrl } from "@/lib/auth/directory-config";

export const metadata: Metadata = { title: "Mot de passe oublié" };

const forgotPasswordCaps = capsOnce(() => forgotPasswordSchema);

export default function ForgotPasswordPage() {
  // With the ENF's directory (IDENTITY_PROVIDER=ldap|oidc), the password is the ENF's: D3 keeps none.
  const enfReset = enfPasswordResetUrl();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Mot de passe oublié ?</h1>
      {enfReset ? (
        <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
          <p>
            Votre mot de passe est celui de votre Espace Numérique de Formation (ENF), choisi lors de votre première connexion à l&apos;ENF. D3 ne le
            connaît pas : c&apos;est l&apos;ENF qui permet d&apos;en choisir un nouveau.
          </p>
          <p className="mt-4">
            <a href={enfReset} rel="noopener">
              Choisir un nouveau mot de passe sur l&apos;ENF
            </a>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-2 text-slate-700">
            Indiquez votre identifiant : si un compte lui correspond, vous recevrez par courriel un lien pour choisir un nouveau mot de passe. Le lien
            est valable une heure.
          </p>
          <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
            <ForgotPasswordForm caps={forgotPasswordCaps()} />
          </div>
        </>
      )}
    </div>
  );
}
