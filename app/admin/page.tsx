import type { Metadata } from "next";
import Link from "next/link";
import { adminOverview } from "@/lib/admin/queries";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

const number = new Intl.NumberFormat("fr-FR");

export default async function AdminPage() {
  const user = await requireUser({ space: "admin" });
  const counts = await adminOverview();
  const sections = [
    { href: "/admin/centres", title: "Centres d'inscription", figure: `${number.format(counts.centres)} centre${counts.centres > 1 ? "s" : ""}`, text: "Créer un centre, modifier son nom, sa région, son courriel de contact." },
    {
      href: "/admin/comptes",
      title: "Comptes des personnels",
      figure: `${number.format(counts.staff)} compte${counts.staff > 1 ? "s" : ""} actif${counts.staff > 1 ? "s" : ""}${counts.inactiveStaff ? `, ${number.format(counts.inactiveStaff)} désactivé${counts.inactiveStaff > 1 ? "s" : ""}` : ""}`,
      text: "Créer un compte, changer un rôle ou un centre, désactiver ou réactiver un compte.",
    },
    {
      href: "/admin/imports",
      title: "Imports",
      figure: `${number.format(counts.diplomas)} diplômes, ${number.format(counts.units)} UE au catalogue ; ${number.format(counts.results)} résultats de ${number.format(counts.learners)} auditeurs`,
      text: "Importer le catalogue des diplômes (JSON) et les résultats des auditeurs (CSV ou JSON).",
    },
    { href: "/admin/journal", title: "Journal d'audit", figure: `${number.format(counts.auditLastWeek)} action${counts.auditLastWeek > 1 ? "s" : ""} ces 7 derniers jours`, text: "Qui a fait quoi, quand, sur quelle demande, depuis quelle adresse IP." },
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
