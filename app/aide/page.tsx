import type { Metadata } from "next";
import Link from "next/link";
import { HelpSearchForm } from "@/components/help/HelpSearchForm";
import { getHelpPages } from "@/lib/help/pages";

export const metadata: Metadata = {
  title: "Aide",
  description: "Se connecter, compléter son profil, demander un diplôme, faire analyser son expérience professionnelle : l'aide de D3, sans connexion.",
};

export default function HelpIndexPage() {
  const pages = getHelpPages();
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Aide</h1>
        <p className="mt-2 text-lg text-slate-700">
          Tout ce qu&apos;il faut savoir pour utiliser D3, sans avoir à vous connecter. Une question sans réponse ici ? Adressez-vous à votre{" "}
          <Link href="/aide/centres">centre d&apos;inscription</Link>.
        </p>
      </div>

      <HelpSearchForm />

      <nav aria-labelledby="pages">
        <h2 id="pages" className="text-xl font-semibold">
          Les pages de l&apos;aide
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {pages.map((page) => (
            <li key={page.slug} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
              <Link href={page.href} className="text-lg font-semibold">
                {page.title}
              </Link>
              <p className="mt-1 text-slate-700">{page.description}</p>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
