import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { MAX_QUEUE_QUERY_LENGTH, QUEUE_SORTS, QUEUE_SORT_LABELS, STAFF_STATES, type QueueFilters } from "@/lib/requests/staff-queries";
import { countOf, plural } from "@/lib/shared/text";

export type Option = { value: string; label: string };

/** How many of the filters folded under « Plus de filtres » are in use (a sort other than the default counts). */
export function moreFiltersInUse(filters: QueueFilters): number {
  return [filters.kind, filters.diploma, filters.assigned, filters.from, filters.to, filters.centre, filters.sort !== "recent" ? filters.sort : undefined].filter(Boolean).length;
}

/**
 * The filters of a queue: a plain GET form, so that every filtered view is a link. One compact line
 * (search and state) keeps the results near the top; the other filters fold under « Plus de
 * filtres », open when one of them is in use.
 */
export function QueueFilterForm({ basePath, filters, diplomas, centres }: { basePath: string; filters: QueueFilters; diplomas: Option[]; centres?: Option[] }) {
  const inUse = moreFiltersInUse(filters);
  return (
    <form method="get" action={basePath} role="search" aria-label="Filtrer les demandes" className="rounded border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <TextField
            label="Recherche"
            name="q"
            type="search"
            maxLength={MAX_QUEUE_QUERY_LENGTH}
            defaultValue={filters.q ?? ""}
            hint="Numéro de demande, nom ou n° d'auditeur ; le début des mots suffit (« lef » : Lefèvre)"
          />
        </div>
        <div className="w-56 self-start">
          <SelectField label="État" name="state" defaultValue={filters.state ?? ""}>
            <option value="">Tous</option>
            {STAFF_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex items-center gap-3 self-start pt-7">
          <Button type="submit">Filtrer</Button>
          <Link href={basePath}>Effacer les filtres</Link>
        </div>
        {/* Closed, its summary ends the line; open, it takes a line of its own. */}
        <details open={inUse > 0} className="self-start pt-1 open:basis-full open:pt-0 lg:pt-9 lg:open:pt-0" data-testid="more-filters">
          <summary className="cursor-pointer font-medium">
            Plus de filtres
            {inUse > 0 ? ` (${countOf(inUse, "filtre")} ${plural(inUse, "actif")})` : null}
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField label="Type" name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">Tous</option>
              <option value="DIPLOMA">Délivrance de diplôme</option>
              <option value="EXPERIENCE">Analyse de l&apos;expérience</option>
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
            <TextField label="Déposée du" name="from" type="date" defaultValue={filters.from ?? ""} />
            <TextField label="Déposée au" name="to" type="date" defaultValue={filters.to ?? ""} />
            <SelectField label="Tri" name="sort" defaultValue={filters.sort}>
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {QUEUE_SORT_LABELS[sort]}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="mt-3">
            <Button type="submit" variant="secondary">
              Appliquer les filtres
            </Button>
          </div>
        </details>
      </div>
    </form>
  );
}
