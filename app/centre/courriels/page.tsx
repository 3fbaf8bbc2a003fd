import type { Metadata } from "next";
import Link from "next/link";
import { DepositEmailsForm } from "@/components/notifications/DepositEmailsForm";
import { requireUser } from "@/lib/auth/session";
import { saveDepositEmailsFormAction } from "@/lib/notifications/actions";
import { depositEmailsOf } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Mes courriels – Espace centre" };

/** The centre agent's choice of emails about new deposits. */
export default async function CentreEmailsPage() {
  const user = await requireUser({ space: "centre" });
  const current = await depositEmailsOf(user.id);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Mes courriels</h1>
        <p className="mt-1 text-slate-700">
          Chaque nouvelle demande apparaît dans la <Link href="/centre">liste des demandes du centre</Link> et dans vos notifications. Choisissez en plus ce que vous recevez par
          courriel. Les messages des auditeurs et les demandes complétées vous sont toujours envoyés.
        </p>
      </div>
      <DepositEmailsForm current={current} action={saveDepositEmailsFormAction} />
    </div>
  );
}
