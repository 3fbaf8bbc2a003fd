import type { Metadata } from "next";
import Link from "next/link";
import { DocumentTitle } from "@/components/layout/DocumentTitle";

const TITLE = "Accès refusé (erreur 403)";
export const metadata: Metadata = { title: TITLE };

export default function Forbidden() {
  return (
    <div className="max-w-2xl">
      <DocumentTitle title={`${TITLE} – D3 – Cnam`} />
      <p className="text-sm font-semibold text-brand-800">Erreur 403</p>
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-3">
        Votre compte ne donne pas accès à cette page : elle appartient à un autre espace. Les onglets en haut de page et le <Link href="/plan-du-site">plan du site</Link> ne montrent que les pages de votre espace.
      </p>
      <p className="mt-3">
        <Link href="/espace">Aller à mon espace</Link> · <Link href="/aide">Consulter l&apos;Aide</Link>
      </p>
    </div>
  );
}
