import { bulkCommandsFor } from "@/lib/requests/domain/commands";
import type { Metadata } from "next";
import { BulkActionsForm } from "@/components/staff/queue/BulkActionsForm";
import { StaffQueue } from "@/components/staff/queue/StaffQueue";
import { listCentres } from "@/lib/catalogue/centres";
import { parseQueueFilters, queueDiplomas, queueFor, type SearchParams } from "@/lib/requests/staff-queries";
import { requireUser } from "@/lib/auth/session";
import { nationalBulkAction } from "@/lib/requests/actions";

export const metadata: Metadata = { title: "Service national des diplômes" };

/** The national queue: the requests forwarded by every centre. */
export default async function NationalPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser({ space: "national" });
  const filters = parseQueueFilters(await searchParams);
  const [queue, diplomas, centres] = await Promise.all([queueFor(user, filters), queueDiplomas(user), listCentres()]);
  return (
    <StaffQueue
      title="Demandes transmises par les centres"
      intro="Service national des diplômes et jurys — décisions, validation, édition et envoi des diplômes."
      emptyMessage="Aucune demande n'a encore été transmise par un centre."
      basePath="/national"
      role={user.role}
      filters={filters}
      queue={queue}
      diplomas={diplomas.map((d) => ({ value: d.key, label: d.code ? `${d.code} – ${d.title}` : d.title }))}
      centres={centres.map((c) => ({ value: c.code, label: c.name }))}
      bulkOperations={bulkCommandsFor("AGENT_NATIONAL")}
      bulkActions={<BulkActionsForm space="national" action={nationalBulkAction} />}
    />
  );
}
