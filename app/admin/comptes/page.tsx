import type { Metadata } from "next";
import Link from "next/link";
import { listStaffAccounts } from "@/lib/admin/queries";
import { listCentres } from "@/lib/catalogue/centres";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import type { StaffRole } from "@/lib/admin/schemas";
import { requireUser } from "@/lib/auth/session";
import { usesLocalPasswords } from "@/lib/auth/directory-config";
import { countOf } from "@/lib/shared/text";
import { ActiveToggle, ChangeRoleForm, CreateAccountForm } from "@/components/admin/AccountForms";
import { idParam, type SearchParams } from "@/lib/shared/params";
import { WELCOME_LINK_DAYS } from "@/lib/auth/domain/reset-token";

export const metadata: Metadata = { title: "Comptes – Administration" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ space: "admin" });
  const [params, accounts, centres] = await Promise.all([searchParams, listStaffAccounts(), listCentres()]);
  const compte = idParam(params.compte);
  const selected = accounts.find((a) => a.id === compte);
  const enfPasswords = !usesLocalPasswords();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Comptes des personnels</h1>
      <p className="text-slate-700">Les comptes des auditeurs viennent de l&apos;annuaire ENF et ne se gèrent pas ici.</p>

      {selected ? (
        <section aria-labelledby="selected-title" id="compte" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="selected-title" className="text-lg font-semibold">
            {selected.displayName} ({selected.identifier})
          </h2>
          <p className="mt-1 text-slate-700">
            {ROLE_LABELS[selected.role]}
            {selected.centre ? ` – ${selected.centre.name}` : ""} – {selected.active ? "actif" : "désactivé"}
          </p>
          {selected.id === user.id ? (
            <p className="mt-3">Vous ne pouvez pas modifier votre propre rôle, votre centre ni l&apos;activation de votre compte : demandez-le à un autre administrateur.</p>
          ) : (
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <div>
                <h3 className="mb-2 font-semibold">Rôle et centre</h3>
                <ChangeRoleForm key={`${selected.id}-${selected.role}-${selected.centreCode}`} userId={selected.id} current={{ role: selected.role as StaffRole, centreCode: selected.centreCode ?? "" }} centres={centres} />
              </div>
              <div>
                <h3 className="mb-2 font-semibold">Accès</h3>
                <p className="mb-3 text-slate-700">Un compte désactivé ne peut plus se connecter ; son historique reste.</p>
                <ActiveToggle key={`${selected.id}-${selected.active}`} userId={selected.id} active={selected.active} name={selected.displayName} />
              </div>
            </div>
          )}
          <p className="mt-4">
            <Link href="/admin/comptes">Fermer</Link>
          </p>
        </section>
      ) : null}

      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des comptes des personnels">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="mb-2 text-left text-lg font-semibold">
            {countOf(accounts.length, "compte")} de personnels, actifs d&apos;abord
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">Nom</th>
              <th scope="col" className="p-2">Identifiant</th>
              <th scope="col" className="p-2">Rôle</th>
              <th scope="col" className="p-2">Centre</th>
              <th scope="col" className="p-2">État</th>
              <th scope="col" className="p-2"><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {account.displayName}
                  {account.id === user.id ? <span className="text-slate-700"> (vous)</span> : null}
                  <span className="block break-all text-sm text-slate-700">{account.email}</span>
                </th>
                <td className="p-2 font-mono text-sm">{account.identifier}</td>
                <td className="p-2">{ROLE_LABELS[account.role]}</td>
                <td className="p-2">{account.centre?.name ?? <span className="text-slate-700">—</span>}</td>
                <td className="p-2">{account.active ? "Actif" : <strong>Désactivé</strong>}</td>
                <td className="p-2">
                  <Link href={`/admin/comptes?compte=${encodeURIComponent(account.id)}#compte`}>
                    Gérer<span className="sr-only"> le compte de {account.displayName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="create-title" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="create-title" className="mb-1 text-lg font-semibold">Créer un compte</h2>
        {enfPasswords ? (
          <p className="mb-4 text-slate-700">Aucun mot de passe n&apos;est gardé par D3 : la personne reçoit un courriel de bienvenue et se connecte avec son identifiant et son mot de passe ENF.</p>
        ) : (
          <p className="mb-4 text-slate-700">Aucun mot de passe n&apos;est choisi ici : la personne reçoit un courriel de bienvenue avec un lien pour choisir le sien, valable {WELCOME_LINK_DAYS} jours.</p>
        )}
        <CreateAccountForm centres={centres} enfPasswords={enfPasswords} />
      </section>
    </div>
  );
}
