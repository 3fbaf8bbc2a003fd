import type { Metadata } from "next";
import { Button } from "@/components/ui/Button";
import { retryNowFormAction } from "@/lib/admin/actions";
import { undeliveredEmails } from "@/lib/admin/outbox";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/shared/dates";
import { countOf } from "@/lib/shared/text";

export const metadata: Metadata = { title: "Courriels en attente – Administration" };

export default async function UndeliveredEmailsPage() {
  await requireUser({ space: "admin" });
  const { rows, pending, failing } = await undeliveredEmails();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Courriels en attente</h1>
      <p>
        {countOf(pending, "courriel")} en file d&apos;envoi, dont {failing} après au moins un échec. Aucun n&apos;est abandonné : ils sont réessayés
        automatiquement, de plus en plus espacés (jusqu&apos;à une heure).
      </p>
      {failing > 0 ? (
        <form action={retryNowFormAction}>
          <Button type="submit">Réessayer maintenant</Button>
        </form>
      ) : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des courriels en attente">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Courriels dont l&apos;envoi a échoué</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Destinataire</th>
                <th scope="col" className="py-2 pr-3">Objet</th>
                <th scope="col" className="py-2 pr-3">Tentatives</th>
                <th scope="col" className="py-2 pr-3">Dernière erreur</th>
                <th scope="col" className="py-2">Prochain essai</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((email) => (
                <tr key={email.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">{email.to}</td>
                  <td className="py-2 pr-3">{email.subject}</td>
                  <td className="py-2 pr-3">{email.attempts}</td>
                  <td className="py-2 pr-3">{email.lastError}</td>
                  <td className="py-2">{formatDateTime(email.nextAttemptAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun échec d&apos;envoi en cours.</p>
      )}
    </div>
  );
}
