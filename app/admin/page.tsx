import type { Metadata } from "next";
import Link from "next/link";
import { adminOverview } from "@/lib/admin/queries";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { requireUser } from "@/lib/auth/session";
import { countOf, plural } from "@/lib/shared/text";

export const metadata: Metadata = { title: "Administration" };


export default async function AdminPage() {
  const user = await requireUser({ space: "admin" });
  const counts = await adminOverview();
  const sections = [
    { href: "/admin/centres", title: "Centres d'inscription", figure: countOf(counts.centres, "centre"), text: "Créer un centre, modifier son nom, sa région, son courriel de contact." },
    {
      href: "/admin/comptes",
      title: "Comptes des personnels",
      figure: `${countOf(counts.staff, "compte")} ${plural(counts.staff, "actif")}${counts.inactiveStaff ? `, ${countOf(counts.inactiveStaff, "désactivé")}` : ""}`,
      text: "Créer un compte, changer un rôle ou un centre, désactiver ou réactiver un compte.",
    },
    {
      href: "/admin/imports",
      title: "Imports",
      figure: `${countOf(counts.diplomas, "diplôme")}, ${countOf(counts.units, "unité")} au catalogue ; ${countOf(counts.results, "résultat")} de ${countOf(counts.learners, "auditeur")}`,
      text: "Importer le catalogue des diplômes (JSON) et les résultats des auditeurs (CSV ou JSON).",
    },
    { href: "/admin/journal", title: "Journal d'audit", figure: `${countOf(counts.auditLastWeek, "action")} ces 7 derniers jours`, text: "Qui a fait quoi, quand, sur quelle demande, depuis quelle adresse IP." },
    { href: "/admin/statistiques", title: "Statistiques", figure: null, text: "Demandes par état et par centre, durée de chaque étape sur 12 mois." },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Administration</h1>
        <p className="mt-1 text-slate-700">
          {user.displayName} ({user.identifier}) – {ROLE_LABELS[user.role]}
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={section.href}>{section.title}</Link>
            </h2>
            {section.figure ? <p className="mt-1 font-medium">{section.figure}</p> : null}
            <p className="mt-1 text-slate-700">{section.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
