import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { searchDiplomas } from "@/lib/catalogue/queries";
import { requireUser } from "@/lib/auth/session";
import { searchParam, type SearchParams } from "@/lib/shared/params";
import { z } from "zod";

export const metadata: Metadata = { title: "Nouvelle demande" };

/** The longest diploma search (the field's maxLength); a longer one is cut. */
const MAX_QUERY_LENGTH = 100;
const queryParam = searchParam(z.string().transform((q) => q.slice(0, MAX_QUERY_LENGTH)));

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser({ space: "auditeur" });
  const query = queryParam((await searchParams).q) ?? "";
  const diplomas = await searchDiplomas(query, 50);

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/auditeur">← Suivi de dossiers</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouvelle demande</h1>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold">Demande de délivrance de diplôme</h2>
          <p className="mt-1 text-sm">
            Quand vous avez obtenu toutes les unités du diplôme. Si votre expérience professionnelle n&apos;est pas encore validée, son analyse est
            demandée en même temps (demande conjointe).
          </p>
        </section>
        <section className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold">Analyse de l&apos;expérience professionnelle</h2>
          <p className="mt-1 text-sm">Analyse anticipée : pour savoir tôt si votre expérience convient, ou quelle durée de stage la compléterait.</p>
        </section>
      </div>

      <form role="search" action="/auditeur/nouvelle-demande" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block font-medium">
            Choisissez le diplôme visé
          </label>
          <p id="q-hint" className="text-sm text-slate-700">
            Code (par exemple LG02501A) ou mots du titre.
          </p>
          <input id="q" name="q" type="search" maxLength={MAX_QUERY_LENGTH} defaultValue={query} aria-describedby="q-hint" className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2" />
        </div>
        <Button type="submit">Rechercher</Button>
      </form>

      <section aria-labelledby="resultats">
        <h2 id="resultats" className="text-lg font-semibold">
          {query ? `Diplômes correspondant à « ${query} »` : "Diplômes du catalogue"} ({diplomas.length})
        </h2>
        {diplomas.length === 0 ? (
          <p className="mt-2">Aucun diplôme ne correspond. Vérifiez le code, ou essayez un mot du titre.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {diplomas.map((d) => (
              <li key={d.key} className="px-4 py-3">
                <Link href={`/auditeur/nouvelle-demande/${encodeURIComponent(d.key)}`} className="font-medium">
                  {d.code ? `${d.code} – ` : ""}
                  {d.title}
                  {d.version ? ` (${d.version.split(" (")[0]})` : ""}
                </Link>
                {!d.requestable ? <p className="text-sm text-slate-700">Pas encore demandable en ligne.</p> : null}
                {d.requestable && !d.compositionVerified ? <p className="text-sm text-slate-700">Composition à confirmer avec votre centre.</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
