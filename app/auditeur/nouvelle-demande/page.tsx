import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Nouvelle demande" };

export default async function NewRequestPage() {
  await requireUser({ space: "auditeur" });
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/auditeur">← Suivi de dossiers</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouvelle demande</h1>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">Demande de délivrance de diplôme</h2>
          <p className="mt-2">À faire une fois obtenues toutes les unités qui composent le diplôme. Si votre expérience professionnelle n&apos;est pas encore validée, son analyse est demandée en même temps (demande conjointe).</p>
        </section>
        <section className="rounded border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">Demande d&apos;analyse de l&apos;expérience professionnelle</h2>
          <p className="mt-2">Analyse anticipée : pour savoir tôt si votre expérience convient au diplôme visé, ou quelle durée de stage compléterait.</p>
        </section>
      </div>
      <p className="rounded border-l-4 border-blue-700 bg-blue-50 px-4 py-3 text-blue-900" role="status">
        Le dépôt en ligne de ces demandes n&apos;est pas encore ouvert dans cette version de D3. En attendant, adressez-vous à votre centre
        d&apos;inscription.
      </p>
    </div>
  );
}
