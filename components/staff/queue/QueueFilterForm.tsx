import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { MAX_QUEUE_QUERY_LENGTH, QUEUE_SORTS, QUEUE_SORT_LABELS, STAFF_STATES, type QueueFilters } from "@/lib/requests/staff-queries";

export type Option = { value: string; label: string };

/** The filters of a queue: a plain GET form, so that every filtered view is a link. */
export function QueueFilterForm({ basePath, filters, diplomas, centres }: { basePath: string; filters: QueueFilters; diplomas: Option[]; centres?: Option[] }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filtrer les demandes" className="rounded border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Type" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Tous</option>
          <option value="DIPLOMA">Délivrance de diplôme</option>
          <option value="EXPERIENCE">Analyse de l&apos;expérience</option>
        </SelectField>
        <SelectField label="État" name="state" defaultValue={filters.state ?? ""}>
          <option value="">Tous</option>
          {STAFF_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Diplôme" name="diploma" defaultValue={filters.diploma ?? ""}>
          <option value="">Tous</option>
          {diplomas.map((diploma) => (
            <option key={diploma.value} value={diploma.value}>
              {diploma.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Attribution" name="assigned" defaultValue={filters.assigned ?? ""}>
          <option value="">Toutes</option>
          <option value="me">À moi</option>
          <option value="none">Non attribuées</option>
        </SelectField>
        <TextField label="Déposée du" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label="Déposée au" name="to" type="date" defaultValue={filters.to ?? ""} />
        <TextField label="Recherche" name="q" type="search" maxLength={MAX_QUEUE_QUERY_LENGTH} defaultValue={filters.q ?? ""} hint="Numéro de demande, nom, prénom ou numéro d'auditeur : le début des mots suffit (« lef » trouve Lefèvre)" />
        {centres ? (
          <SelectField label="Centre" name="centre" defaultValue={filters.centre ?? ""}>
            <option value="">Tous</option>
            {centres.map((centre) => (
              <option key={centre.value} value={centre.value}>
                {centre.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label="Tri" name="sort" defaultValue={filters.sort}>
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {QUEUE_SORT_LABELS[sort]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">Filtrer</Button>
        <Link href={basePath}>Effacer les filtres</Link>
      </div>
    </form>
  );
}
