import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { learnerIdentity } from "@/lib/learner/identity";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Suivi de dossiers" };

export default async function LearnerHomePage() {
  const user = await requireUser({ space: "auditeur" });
  const identity = await learnerIdentity(user.id);
  if (!identity) notFound();
  const name = `${identity.civility === "MADAME" ? "Madame" : "Monsieur"} ${identity.firstNames} ${identity.usageName ?? identity.birthName}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Suivi de dossiers</h1>
          <p className="mt-1 text-slate-700">Vos demandes et leur avancement, étape par étape.</p>
        </div>
        <Link href="/auditeur/nouvelle-demande" className="rounded border border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
          Nouvelle demande
        </Link>
      </div>

      <section aria-labelledby="identite" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="identite" className="text-lg font-semibold">
          Mon identité
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Nom</dt>
          <dd data-testid="learner-name">{name}</dd>
          {identity.usageName ? (
            <>
              <dt className="font-medium">Nom de naissance</dt>
              <dd>{identity.birthName}</dd>
            </>
          ) : null}
          <dt className="font-medium">Numéro d&apos;auditeur</dt>
          <dd>{identity.learnerNumber}</dd>
          <dt className="font-medium">Centre d&apos;inscription</dt>
          <dd data-testid="learner-centre">
            {identity.centre.name} <span className="text-slate-700">({identity.centre.region})</span>
          </dd>
          <dt className="font-medium">Adresse électronique</dt>
          <dd>{identity.email}</dd>
        </dl>
      </section>

      <section aria-labelledby="demandes">
        <h2 id="demandes" className="text-lg font-semibold">
          Mes demandes
        </h2>
        <div className="mt-3 rounded border border-dashed border-slate-400 bg-white p-6 text-center">
          <p className="font-medium">Vous n&apos;avez encore aucune demande.</p>
          <p className="mt-1 text-slate-700">
            Quand vous aurez obtenu toutes les unités d&apos;un diplôme, ou pour faire analyser votre expérience professionnelle, choisissez «&nbsp;Nouvelle
            demande&nbsp;».
          </p>
        </div>
      </section>
    </div>
  );
}
