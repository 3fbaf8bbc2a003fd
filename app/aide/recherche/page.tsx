import type { Metadata } from "next";
import Link from "next/link";
import { HelpPageList } from "@/components/help/HelpPageList";
import { HelpSearchForm } from "@/components/help/HelpSearchForm";
import { HelpSearchResults } from "@/components/help/HelpSearchResults";
import { getHelpPages, getHelpSearchIndex } from "@/lib/help/pages";
import { searchHelp } from "@/lib/help/search";
import { countOf, pageTitle } from "@/lib/shared/text";
import { searchParam, type SearchParams } from "@/lib/shared/params";
import { z } from "zod";

type Props = { searchParams: Promise<SearchParams> };

const queryParam = searchParam(z.string().transform((q) => q.trim().slice(0, 200)));

async function readQuery(searchParams: Props["searchParams"]): Promise<string> {
  return queryParam((await searchParams).q) ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = await readQuery(searchParams);
  return { title: pageTitle(query && `« ${query} »`, "Rechercher dans l'aide"), robots: { index: false } };
}

export default async function HelpSearchPage({ searchParams }: Props) {
  const query = await readQuery(searchParams);
  const results = query ? searchHelp(getHelpSearchIndex(), query) : [];

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <div className="min-w-0 max-w-3xl space-y-6">
        <p className="text-sm">
          <Link href="/aide">← Aide</Link>
        </p>
        <h1 className="text-2xl font-bold">Rechercher dans l&apos;aide</h1>
        <HelpSearchForm defaultValue={query} />
        {query ? (
          <section aria-labelledby="resultats">
            <h2 id="resultats" className="text-xl font-semibold">
              {results.length === 0 ? `Aucun résultat pour « ${query} »` : `${countOf(results.length, "résultat")} pour « ${query} »`}
            </h2>
            {results.length === 0 ? (
              <p className="mt-2">
                Vérifiez l&apos;orthographe, essayez un autre mot, ou parcourez <Link href="/aide">les pages de l&apos;aide</Link>. Votre question reste
                sans réponse ? Adressez-vous à votre <Link href="/aide/centres">centre d&apos;inscription</Link>.
              </p>
            ) : (
              <HelpSearchResults results={results} />
            )}
          </section>
        ) : (
          <p>Saisissez un ou plusieurs mots, par exemple « mot de passe », « stage » ou « récépissé ». Les accents et les majuscules ne comptent pas.</p>
        )}
      </div>
      <aside aria-label="Navigation dans l'aide">
        <HelpPageList pages={getHelpPages()} />
      </aside>
    </div>
  );
}
