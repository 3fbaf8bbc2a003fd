import { bulkCommandsFor } from "@/lib/requests/domain/commands";
import type { Metadata } from "next";
import Link from "next/link";
import { BulkActionsForm } from "@/components/staff/queue/BulkActionsForm";
import { StaffQueue } from "@/components/staff/queue/StaffQueue";
import { centreColleagues, parseQueueFilters, queueDiplomas, queueFor, type SearchParams } from "@/lib/requests/staff-queries";
import { db } from "@/lib/shared/db";
import { requireUser } from "@/lib/auth/session";
import { centreBulkAction } from "@/lib/requests/actions";

export const metadata: Metadata = { title: "Demandes du centre" };

/** The centre's queue: the submitted requests of the agent's centre. */
export default async function CentrePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ space: "centre" });
  const filters = parseQueueFilters(await searchParams);
  const centreCode = user.centreCode ?? "";
  const [queue, diplomas, colleagues, centre] = await Promise.all([
    queueFor(user, filters),
    queueDiplomas(user),
    centreColleagues(centreCode),
    db.centre.findUnique({ where: { code: centreCode }, select: { name: true } }),
  ]);
  return (
    <StaffQueue
      title="Demandes du centre"
      intro={centre ? `${centre.name} — demandes déposées par les auditeurs du centre.` : "Demandes déposées par les auditeurs du centre."}
      emptyMessage="Aucune demande n'a encore été déposée dans votre centre."
      basePath="/centre"
      role={user.role}
      filters={filters}
      queue={queue}
      diplomas={diplomas.map((d) => ({ value: d.key, label: d.code ? `${d.code} – ${d.title}` : d.title }))}
      bulkOperations={bulkCommandsFor("AGENT_CENTRE")}
      bulkActions={<BulkActionsForm space="centre" action={centreBulkAction} colleagues={colleagues} />}
      links={<Link href="/centre/courriels">Mes courriels</Link>}
    />
  );
}
