import Link from "next/link";

const SPACES = [
  {
    href: "/auditeur",
    title: "Auditeurs et auditrices",
    text: "Demandez la délivrance de votre diplôme une fois toutes ses unités obtenues, faites analyser votre expérience professionnelle, et suivez chaque dossier pas à pas.",
  },
  {
    href: "/espace-centre",
    title: "Personnels du Cnam",
    text: "Pour les gestionnaires des centres d'inscription, le service national des diplômes, les jurys et les administrateurs.",
  },
  {
    href: "/aide",
    title: "Aide",
    text: "Se connecter, compléter son profil, demander un diplôme, faire analyser son expérience : tout est expliqué, sans connexion.",
  },
];

export default function HomePage() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Demandes de diplôme et d&apos;analyse de l&apos;expérience professionnelle</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700">
        Vous avez obtenu toutes les unités d&apos;un diplôme du Cnam ? Demandez-en la délivrance ici. Votre expérience professionnelle doit être
        analysée ? Déposez votre demande, seule ou avec la demande de diplôme, et suivez son avancement en direct.
      </p>
      <ul className="mt-8 grid gap-4 md:grid-cols-3">
        {SPACES.map((space) => (
          <li key={space.href} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={space.href}>{space.title}</Link>
            </h2>
            <p className="mt-2 text-slate-700">{space.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
