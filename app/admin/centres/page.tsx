import type { Metadata } from "next";
import Link from "next/link";
import { listCentresForAdmin } from "@/lib/admin/queries";
import { requireUser } from "@/lib/auth/session";
import { countOf } from "@/lib/shared/text";
import { CentreForm } from "@/components/admin/CentreForm";
import { idParam, type SearchParams } from "@/lib/shared/params";

export const metadata: Metadata = { title: "Centres – Administration" };

export default async function CentresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser({ space: "admin" });
  const [params, centres] = await Promise.all([searchParams, listCentresForAdmin()]);
  const modifier = idParam(params.modifier);
  const editing = centres.find((c) => c.code === modifier);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Centres d&apos;inscription</h1>

      <section aria-labelledby="form-title" id="formulaire" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="form-title" className="mb-4 text-lg font-semibold">
          {editing ? `Modifier le centre ${editing.code}` : "Créer un centre"}
        </h2>
        <CentreForm
          key={editing?.code ?? "new"}
          existing={editing ? { code: editing.code, name: editing.name, region: editing.region, contactEmail: editing.contactEmail ?? "" } : undefined}
        />
      </section>

      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des centres">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="mb-2 text-left text-lg font-semibold">
            {countOf(centres.length, "centre")}, par nom
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">Code</th>
              <th scope="col" className="p-2">Nom</th>
              <th scope="col" className="p-2">Région</th>
              <th scope="col" className="p-2">Contact</th>
              <th scope="col" className="p-2 text-right">Gestionnaires</th>
              <th scope="col" className="p-2 text-right">Auditeurs</th>
              <th scope="col" className="p-2"><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {centres.map((centre) => (
              <tr key={centre.code} className="border-b border-slate-200">
                <td className="p-2 font-mono text-sm">{centre.code}</td>
                <th scope="row" className="p-2 font-normal">
                  {centre.name}
                  {centre.verified ? null : <span className="block text-sm text-slate-700">Source non vérifiée</span>}
                </th>
                <td className="p-2">{centre.region}</td>
                <td className="p-2 break-all">{centre.contactEmail ?? <span className="text-slate-700">—</span>}</td>
                <td className="p-2 text-right">{centre.agents}</td>
                <td className="p-2 text-right">{centre.learners}</td>
                <td className="p-2">
                  <Link href={`/admin/centres?modifier=${encodeURIComponent(centre.code)}#formulaire`}>
                    Modifier<span className="sr-only"> {centre.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
