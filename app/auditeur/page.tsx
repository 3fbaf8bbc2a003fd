import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/Button";
import { learnerIdentity } from "@/lib/profile/learner-identity";
import { LEARNER_NUMBER_PENDING_TEXT } from "@/lib/profile/domain/learner-number";
import { KIND_LABELS, LEARNER_ACTIONS, MODE_LABELS, STATE_LABELS, isOpen } from "@/lib/requests/domain/request-lifecycle";
import { listLearnerRequests } from "@/lib/requests/queries";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/shared/dates";

export const metadata: Metadata = { title: "Suivi de dossiers" };

export default async function LearnerHomePage() {
  const user = await requireUser({ space: "auditeur" });
  const [identity, requests] = await Promise.all([learnerIdentity(user.id), listLearnerRequests(user.id)]);
  if (!identity) notFound();
  const name = `${identity.civility === "MADAME" ? "Madame" : "Monsieur"} ${identity.firstNames} ${identity.usageName ?? identity.birthName}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Suivi de dossiers</h1>
          <p className="mt-1 text-slate-700">Vos demandes et leur avancement, étape par étape.</p>
        </div>
        <ButtonLink href="/auditeur/nouvelle-demande" className="hover:text-white">
          Nouvelle demande
        </ButtonLink>
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
          <dd>
            {identity.learnerNumber}
            {identity.learnerNumberStatus === "pending" ? <span className="block text-sm text-slate-700">{LEARNER_NUMBER_PENDING_TEXT}</span> : null}
          </dd>
          <dt className="font-medium">Centre d&apos;inscription</dt>
          <dd data-testid="learner-centre">
            {identity.centre.name} <span className="text-slate-700">({identity.centre.region})</span>
          </dd>
          <dt className="font-medium">Adresse électronique</dt>
          <dd>{identity.email}</dd>
        </dl>
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/auditeur/profil" className="font-medium">
            Mon profil
          </Link>
          <a href="/auditeur/mes-donnees" className="font-medium" download>
            Télécharger mes données (ZIP)
          </a>
        </p>
      </section>

      <section aria-labelledby="demandes">
        <h2 id="demandes" className="text-lg font-semibold">
          Mes demandes
        </h2>
        {requests.length === 0 ? (
          <div className="mt-3 rounded border border-dashed border-slate-400 bg-white p-6 text-center">
            <p className="font-medium">Vous n&apos;avez encore aucune demande.</p>
            <p className="mt-1 text-slate-700">
              Quand vous aurez obtenu toutes les unités d&apos;un diplôme, ou pour faire analyser votre expérience professionnelle, choisissez
              «&nbsp;Nouvelle demande&nbsp;».
            </p>
          </div>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="request-list">
            {requests.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/demandes/${r.id}`} className="font-semibold">
                    {r.kind === "EXPERIENCE" && r.mode ? `${KIND_LABELS.EXPERIENCE} (${MODE_LABELS[r.mode].toLowerCase()})` : KIND_LABELS[r.kind]}
                    {" – "}
                    {r.diploma.code ?? r.diploma.title}
                  </Link>
                  <span className="text-sm text-slate-700">{r.number ?? "Brouillon"}</span>
                </div>
                <p className="text-sm text-slate-700">{r.diploma.title}</p>
                <p className="mt-1">
                  État : <strong>{STATE_LABELS[r.state]}</strong>
                  {r.jointAnalysis ? (
                    <>
                      {" · "}Analyse de l&apos;expérience conjointe : <strong>{STATE_LABELS[r.jointAnalysis.state]}</strong>
                    </>
                  ) : null}
                  {r.linkedAnalysis ? (
                    <>
                      {" · "}S&apos;appuie sur votre analyse anticipée {r.linkedAnalysis.number ?? ""} : <strong>{STATE_LABELS[r.linkedAnalysis.state]}</strong>
                    </>
                  ) : null}
                </p>
                {LEARNER_ACTIONS[r.state] ? <p className="text-sm font-semibold text-brand-800">{LEARNER_ACTIONS[r.state]}</p> : null}
                {/* What the joint analysis asks of the learner (a correction, the internship's proofs) shows on its diploma request's line. */}
                {r.jointAnalysis && LEARNER_ACTIONS[r.jointAnalysis.state] && r.jointAnalysis.state !== r.state && isOpen(r.jointAnalysis.state) ? (
                  <p className="text-sm font-semibold text-brand-800">Analyse de l&apos;expérience : {LEARNER_ACTIONS[r.jointAnalysis.state]}</p>
                ) : null}
                <p className="text-sm text-slate-700">Dernière étape le {formatDate(r.lastChangeAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
