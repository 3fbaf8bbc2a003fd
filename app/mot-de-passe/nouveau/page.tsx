import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { RESET_IN_ENF, findResetToken } from "@/lib/auth/password-reset";
import { enfPasswordResetUrl } from "@/lib/auth/directory-config";
import { RESET_TOKEN_MESSAGES } from "@/lib/auth/domain/reset-token";
import { NewPasswordForm } from "@/components/auth/NewPasswordForm";
import { newPasswordSchema } from "@/lib/auth/domain/password";
import { capsOnce } from "@/lib/shared/forms";
import { searchParam, type SearchParams } from "@/lib/shared/params";
import { z } from "zod";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe", referrer: "no-referrer" };

// A link's token is base64url; anything else is an unknown link, not an error.
const tokenParam = searchParam(z.string().max(256).regex(/^[A-Za-z0-9_-]*$/));

/** The caps do not depend on the identifier the schema is built for. */
const newPasswordCaps = capsOnce(() => newPasswordSchema(""));

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const jeton = tokenParam((await searchParams).jeton) ?? "";
  // With the ENF's directory D3 sets no password: an old link leads to the ENF's page.
  const enfReset = enfPasswordResetUrl();
  if (enfReset) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">Choisir un nouveau mot de passe</h1>
        <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
          <p>{RESET_IN_ENF}</p>
          <p className="mt-4">
            <a href={enfReset} rel="noopener">
              Choisir un nouveau mot de passe sur l&apos;ENF
            </a>
          </p>
        </div>
      </div>
    );
  }
  const { status, identifier } = await findResetToken(jeton);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Choisir un nouveau mot de passe</h1>
      <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
        {status === "valid" && identifier ? (
          <NewPasswordForm token={jeton} identifier={identifier} caps={newPasswordCaps()} />
        ) : (
          <Alert tone="error" title="Lien inutilisable">
            <p>{RESET_TOKEN_MESSAGES[status === "valid" ? "unknown" : status]}</p>
            <p className="mt-2">
              <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
            </p>
          </Alert>
        )}
      </div>
    </div>
  );
}
