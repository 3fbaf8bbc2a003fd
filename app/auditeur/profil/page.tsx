import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { listCentres } from "@/lib/catalogue/centres";
import { countryOptions } from "@/lib/profile/domain/countries";
import { CIVIL_STATUS_LOCKED, profileForEditing } from "@/lib/profile/update-profile";
import { requireUser } from "@/lib/auth/session";
import { ProfileEditForm } from "@/components/profile/ProfileEditForm";
import { capsOnce } from "@/lib/shared/forms";
import { profileSchema } from "@/lib/profile/domain/profile";

export const metadata: Metadata = { title: "Mon profil" };

/** "1990-05-17" → "17/05/1990". */
const formatIsoDate = (iso: string) => iso.split("-").reverse().join("/");

const profileCaps = capsOnce(() => profileSchema());

export default async function MyProfilePage() {
  const user = await requireUser({ space: "auditeur" });
  const [profile, centres] = await Promise.all([profileForEditing(user.id), listCentres()]);
  if (!profile) notFound();
  const countries = countryOptions();
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const { values, locked } = profile;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/auditeur">← Suivi de dossiers</Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">Mon profil</h1>
        <p className="mt-2 text-slate-700">
          Votre état civil et vos coordonnées, tels qu&apos;ils figurent sur vos demandes. Vous pouvez modifier à tout moment votre adresse, votre adresse
          électronique, votre téléphone et vos préférences de courriel.
        </p>
        <p className="mt-2 text-sm text-slate-700">Tous les champs sont obligatoires, sauf mention « facultatif ».</p>
      </div>

      {locked ? (
        <section aria-labelledby="etat-civil" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="etat-civil" className="text-lg font-semibold">
            État civil et inscription
          </h2>
          <div className="mt-3">
            <Alert tone="info">{CIVIL_STATUS_LOCKED}</Alert>
          </div>
          <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="civil-status">
            <dt className="font-medium">Civilité</dt>
            <dd>{values.civility === "MADAME" ? "Madame" : "Monsieur"}</dd>
            <dt className="font-medium">Nom de naissance</dt>
            <dd>{values.birthName}</dd>
            {values.usageName ? (
              <>
                <dt className="font-medium">Nom d&apos;usage</dt>
                <dd>{values.usageName}</dd>
              </>
            ) : null}
            <dt className="font-medium">Prénom(s)</dt>
            <dd>{values.firstNames}</dd>
            <dt className="font-medium">Date de naissance</dt>
            <dd>{formatIsoDate(values.birthDate)}</dd>
            <dt className="font-medium">Lieu de naissance</dt>
            <dd>
              {values.birthCity} ({countryName(values.birthCountry)})
            </dd>
            <dt className="font-medium">Nationalité</dt>
            <dd>{countryName(values.nationality)}</dd>
            <dt className="font-medium">Numéro d&apos;auditeur</dt>
            <dd>{values.learnerNumber}</dd>
            <dt className="font-medium">Centre d&apos;inscription</dt>
            <dd>{profile.centreName}</dd>
          </dl>
        </section>
      ) : (
        <Alert tone="info">
          Tant qu&apos;aucune demande n&apos;est déposée, vous pouvez aussi corriger votre état civil. Une fois une demande déposée, il ne pourra plus être
          modifié que par votre centre d&apos;inscription : vérifiez-le avant de déposer.
        </Alert>
      )}

      <ProfileEditForm
        initial={values}
        version={profile.version}
        emailOnMessages={profile.emailOnMessages}
        locked={locked}
        centres={centres}
        countries={countries}
        caps={profileCaps()}
      />

      <section aria-labelledby="mes-donnees" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="mes-donnees" className="text-lg font-semibold">
          Mes données
        </h2>
        <p className="mt-2">
          Vous pouvez obtenir une copie de toutes les données que D3 conserve sur vous : profil, résultats, demandes, historiques, messages, pièces
          justificatives, récépissés et courriers, dans un seul fichier ZIP.
        </p>
        <p className="mt-2">
          <a href="/auditeur/mes-donnees" className="font-medium" download>
            Télécharger mes données (fichier ZIP)
          </a>
        </p>
      </section>
    </div>
  );
}
