import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold text-brand-800">Erreur 403</p>
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-3">
        Votre compte ne donne pas accès à cette page. Les auditeurs utilisent l&apos;Espace auditeur ; l&apos;Espace centre est réservé aux personnels
        du Cnam.
      </p>
      <p className="mt-3">
        <Link href="/espace">Aller à mon espace</Link> · <Link href="/aide">Consulter l&apos;Aide</Link>
      </p>
    </div>
  );
}
