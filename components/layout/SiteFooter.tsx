import Link from "next/link";

const LINKS = [
  { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/plan-du-site", label: "Plan du site" },
  { href: "/aide", label: "Aide" },
];

/** The legal links every page of a public service carries, and who to ask. */
export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-5 text-sm text-slate-700">
        <p>
          <span className="font-semibold text-ink">D3 — Diplômes et expérience</span>, un service du Conservatoire national des arts et métiers (Cnam). Une question sans
          réponse dans l&apos;<Link href="/aide">Aide</Link> ? Adressez-vous à votre centre d&apos;inscription.
        </p>
        <nav aria-label="Informations légales">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
