import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { CatalogueImportForm, ResultsImportForm } from "@/components/admin/ImportForms";

export const metadata: Metadata = { title: "Imports – Administration" };

export default async function ImportsPage() {
  await requireUser({ space: "admin" });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Imports</h1>
        <p className="mt-1 text-slate-700">Chaque import est entier ou n&apos;a pas lieu : s&apos;il reste une erreur, rien n&apos;est enregistré et chaque erreur est listée.</p>
      </div>
      <section aria-labelledby="catalogue-title" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="catalogue-title" className="mb-4 text-lg font-semibold">Catalogue des diplômes et des unités</h2>
        <CatalogueImportForm />
      </section>
      <section aria-labelledby="results-title" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="results-title" className="mb-1 text-lg font-semibold">Résultats des auditeurs</h2>
        <p className="mb-4 text-slate-700">Un résultat est identifié par l&apos;auditeur, l&apos;unité d&apos;enseignement et l&apos;année : importer un fichier à nouveau met à jour ses résultats, sans doublon.</p>
        <ResultsImportForm />
      </section>
    </div>
  );
}
