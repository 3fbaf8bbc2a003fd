import type { Metadata } from "next";
import Link from "next/link";
import { listCentres } from "@/lib/centres";

export const metadata: Metadata = { title: "Aide" };

const TOPICS = [
  "Obtenir son accès : l'identifiant prenom.nom.auditeur, le mot de passe de l'ENF, « Mot de passe oublié ? ».",
  "La première connexion et le profil à compléter.",
  "Quand et comment demander la délivrance d'un diplôme.",
  "L'analyse de l'expérience professionnelle, anticipée ou conjointe : diplômes concernés, pièces à fournir.",
  "Chaque étape d'une demande expliquée, et une foire aux questions.",
];

export default async function HelpPage() {
  const centres = await listCentres();
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Aide</h1>
        <p className="mt-2 text-slate-700">La documentation complète de D3 est en cours de rédaction. Elle couvrira :</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {TOPICS.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      </div>

      <section aria-labelledby="acces">
        <h2 id="acces" className="text-xl font-semibold">
          Se connecter
        </h2>
        <p className="mt-2">
          Connectez-vous avec votre identifiant ENF, de la forme <code>prenom.nom.auditeur</code> (en minuscules, sans accent ni espace), et le mot de
          passe de l&apos;ENF. Mot de passe perdu ? Utilisez <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link> : un lien valable une heure
          vous est envoyé par courriel. Pas d&apos;identifiant ? Votre centre d&apos;inscription vous le communique.
        </p>
        <p className="mt-2">
          À la première connexion, vous complétez votre profil (état civil, adresse, coordonnées, numéro d&apos;auditeur, centre), puis vous vous
          reconnectez : vous arrivez alors sur le Suivi de dossiers.
        </p>
      </section>

      <section aria-labelledby="centres">
        <h2 id="centres" className="text-xl font-semibold">
          Les centres d&apos;inscription
        </h2>
        <p className="mt-2">Pour toute question que cette aide ne règle pas, adressez-vous à votre centre d&apos;inscription.</p>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {centres.map((centre) => (
            <li key={centre.code} className="rounded border border-slate-200 bg-white px-3 py-2">
              <span className="font-medium">{centre.name}</span>
              <span className="block text-sm text-slate-700">{centre.region}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
