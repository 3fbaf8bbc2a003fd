import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/domain/safe-redirect";
import { LoginChoice } from "@/components/auth/LoginChoice";
import { searchParam, type SearchParams } from "@/lib/shared/params";
import { z } from "zod";

export const metadata: Metadata = { title: "Se connecter" };

const callbackUrlParam = searchParam(z.string().max(2000));
/** Why a login through the ENF's OpenID Connect provider came back here (?erreur= ours, ?error= NextAuth's). */
const failureParam = searchParam(z.string().regex(/^[A-Za-z_]{1,40}$/));
const flagParam = searchParam(z.string().max(10));

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrlParam(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackPath);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Se connecter</h1>
      <p className="mt-2 text-slate-700">Auditeurs et personnels du Cnam se connectent ici avec leur identifiant ENF.</p>
      {flagParam(params.deconnecte) !== undefined ? (
        <div className="mt-4">
          <Alert tone="success">Vous êtes déconnecté.</Alert>
        </div>
      ) : null}
      <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
        <LoginChoice callbackPath={callbackPath} failure={failureParam(params.erreur) ?? failureParam(params.error)} />
      </div>
      <div className="mt-6 rounded border border-slate-200 bg-white p-4 text-sm">
        <h2 className="font-semibold">Vous n&apos;avez pas d&apos;identifiant ENF ?</h2>
        <p className="mt-1">
          L&apos;identifiant vous est attribué lors de votre inscription au Cnam. Si vous ne l&apos;avez pas reçu, contactez votre centre d&apos;inscription :
          il vous le communiquera. La liste des centres est dans l&apos;<Link href="/aide">Aide</Link>.
        </p>
      </div>
    </div>
  );
}
