import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page introuvable (erreur 404)" };

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold text-brand-800">Erreur 404</p>
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-3">Cette adresse ne correspond à aucune page. Elle a pu être mal recopiée.</p>
      <p className="mt-3">
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}
