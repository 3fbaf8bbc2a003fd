import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listCentres } from "@/lib/catalogue/centres";
import { countryOptions } from "@/lib/profile/domain/countries";
import { requireUser } from "@/lib/auth/session";
import { ProfileForm } from "@/components/profile/ProfileForm";
import { EMPTY_PROFILE, profileSchema } from "@/lib/profile/domain/profile";
import { capsOnce } from "@/lib/shared/forms";

export const metadata: Metadata = { title: "Compléter mon profil" };

const profileCaps = capsOnce(() => profileSchema());

export default async function CompleteProfilePage() {
  const user = await requireUser({ space: "auditeur", allowIncompleteProfile: true });
  if (user.profileComplete) redirect("/auditeur");
  const centres = await listCentres();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Compléter mon profil</h1>
      <p className="mt-2 text-slate-700">
        C&apos;est votre première connexion : avant de faire une demande, renseignez votre état civil et vos coordonnées. Ils figureront sur vos
        demandes et sur votre diplôme : écrivez-les comme sur votre pièce d&apos;identité. Une fois le profil enregistré, vous devrez vous reconnecter.
      </p>
      <p className="mt-2 text-sm text-slate-700">Tous les champs sont obligatoires, sauf mention « facultatif ».</p>
      <ProfileForm centres={centres} countries={countryOptions()} initial={EMPTY_PROFILE} caps={profileCaps()} />
    </div>
  );
}
