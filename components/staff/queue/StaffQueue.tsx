import Link from "next/link";
import type { ReactNode } from "react";
import { STATE_LABELS, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import type { Role } from "@/lib/auth/domain/policy";
import { STAFF_STATES, queueSearchParams, type QueueFilters, type QueuePage } from "@/lib/requests/staff-queries";
import { QueueFilterForm, type Option } from "./QueueFilterForm";
import { QueueTable } from "./QueueTable";
import { countOf, plural } from "@/lib/shared/text";

type BasePath = "/centre" | "/national";

function href(path: string, filters: QueueFilters, overrides: Parameters<typeof queueSearchParams>[1] = {}): string {
  const query = queueSearchParams(filters, overrides).toString();
  return query ? `${path}?${query}` : path;
}

/** Filters that narrow the queue (the sort and the page do not). */
function isFiltered(filters: QueueFilters): boolean {
  return Boolean(filters.kind || filters.state || filters.diploma || filters.from || filters.to || filters.assigned || filters.q || filters.centre);
}

/**
 * A staff queue, server-rendered, results first: the search line (other filters folded), counts per
 * state (links that filter), the table, the bulk actions panel (shown once a row is ticked), and
 * keyset paging ("Page suivante" carries the cursor).
 */
export function StaffQueue({
  title,
  intro,
  emptyMessage,
  basePath,
  role,
  filters,
  queue,
  diplomas,
  centres,
  bulkOperations,
  bulkActions,
  links,
}: {
  title: string;
  intro: string;
  emptyMessage: string;
  basePath: BasePath;
  role: Role;
  filters: QueueFilters;
  queue: QueuePage;
  diplomas: Option[];
  centres?: Option[];
  bulkOperations: readonly TransitionName[];
  bulkActions: ReactNode;
  /** Links of the space beside the export (the centre's « Mes courriels »). */
  links?: ReactNode;
}) {
  const { rows, nextCursor, counts, searchCap } = queue;
  const number = (n: number) => n.toLocaleString("fr-FR");
  // Counts come with the first page only (they do not change from one page to the next). Capped
  // counts give a lower bound of the whole, and nothing reliable per state.
  const matching = !counts ? null : counts.capped ? (filters.state ? null : `plus de ${number(counts.total)} demandes`) : countOf(filters.state ? (counts.byState[filters.state] ?? 0) : counts.total, "demande");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-slate-700">{intro}</p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {links}
          <a href={href(`${basePath}/export`, filters, { after: undefined })} className="rounded border border-slate-500 bg-white px-4 py-2 font-semibold no-underline hover:bg-slate-100" download>
            Exporter en CSV
          </a>
        </div>
      </div>

      <QueueFilterForm basePath={basePath} filters={filters} diplomas={diplomas} centres={centres} />

      {/* The counts per state and what the page shows share one line, so that the rows come first. */}
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        {counts ? (
          <nav aria-label="Demandes par état">
            <ul className="flex flex-wrap gap-2 text-sm" data-testid="state-counts">
              <li>
                <Link href={href(basePath, filters, { state: undefined, after: undefined })} aria-current={filters.state ? undefined : "page"} className={pill(!filters.state)}>
                  Tous les états ({counts.capped ? `plus de ${number(counts.total)}` : number(counts.total)})
                </Link>
              </li>
              {STAFF_STATES.filter((state) => counts.byState[state]).map((state) => (
                <li key={state}>
                  <Link href={href(basePath, filters, { state, after: undefined })} aria-current={filters.state === state ? "page" : undefined} className={pill(filters.state === state)}>
                    {STATE_LABELS[state]}
                    {counts.capped ? null : ` (${number(counts.byState[state]!)})`}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {rows.length > 0 ? (
          <p role="status" data-testid="queue-summary">
            {countOf(rows.length, "demande")} {plural(rows.length, "affichée")}
            {matching === null ? (counts ? "" : " à la suite des précédentes") : ` sur ${matching}`}
            {isFiltered(filters) ? " correspondant aux filtres" : ""}.
          </p>
        ) : null}
      </div>

      {searchCap ? (
        <p className="rounded border border-amber-600 bg-amber-50 p-3" data-testid="search-capped">
          Plus de {number(searchCap)} dossiers correspondent : précisez votre recherche (nom et prénom, numéro). Seuls {number(searchCap)} d&apos;entre eux sont
          listés ici.
        </p>
      ) : null}

      {rows.length === 0 ? (
        <div className="rounded border border-dashed border-slate-400 bg-white p-6 text-center" data-testid="queue-empty">
          {filters.after ? (
            <p className="font-medium">Plus aucune demande après celles déjà affichées.</p>
          ) : isFiltered(filters) ? (
            <>
              <p className="font-medium">Aucune demande ne correspond à ces filtres.</p>
              <p className="mt-1">
                <Link href={basePath}>Effacer les filtres</Link>
              </p>
            </>
          ) : (
            <p className="font-medium">{emptyMessage}</p>
          )}
        </div>
      ) : (
        <>
          <QueueTable
            rows={rows}
            caption={filters.after ? `${title} (suite)` : title}
            basePath={basePath}
            role={role}
            bulkOperations={bulkOperations}
            showCentre={basePath === "/national"}
          />
          {bulkActions}
        </>
      )}

      {nextCursor || filters.after ? (
        <nav aria-label="Pagination" className="flex flex-wrap gap-4">
          {filters.after ? <Link href={href(basePath, filters, { after: undefined })}>Retour au début</Link> : null}
          {nextCursor ? (
            <Link href={href(basePath, filters, { after: nextCursor })} rel="next" className="font-semibold">
              Page suivante
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function pill(current: boolean): string {
  return `inline-block rounded-full border px-3 py-1 no-underline ${current ? "border-brand-700 bg-brand-700 text-white hover:text-white" : "border-slate-400 bg-white hover:bg-slate-100"}`;
}
