import Link from "next/link";
import { STATE_LABELS, availableTransitions, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import type { Role } from "@/lib/auth/domain/policy";
import { kindLabel, type QueueRow } from "@/lib/requests/staff-queries";
import { groupWithPartners, type QueuePartner } from "@/lib/requests/domain/queue-grouping";
import { BULK_FORM_ID } from "./form-id";
import { SelectAllBox } from "./SelectAllBox";

const PARIS_DATE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" });

function Day({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{PARIS_DATE.format(date)}</time>;
}

/** A row can be ticked when one of the bulk operations of the space is possible on it now. */
function selectable(row: QueueRow, role: Role, operations: readonly TransitionName[]): boolean {
  const snapshot = row.kind === "EXPERIENCE" ? { kind: row.kind, mode: row.mode ?? "ANTICIPEE", state: row.state, version: row.version } : { kind: row.kind, state: row.state, version: row.version };
  return availableTransitions(snapshot, role).some((transition) => operations.includes(transition));
}

/**
 * The other request of the pair under the row's number: « avec l'analyse conjointe D3-… » on a
 * diploma request, « analyse conjointe de D3-… » on its analysis, each with its state.
 */
function PartnerLine({ partner, basePath, grouped }: { partner: QueuePartner; basePath: string; grouped: boolean }) {
  const what = partner.kind === "DIPLOMA" ? "analyse conjointe de la demande" : partner.link === "joint" ? "avec l'analyse conjointe" : "avec l'analyse anticipée";
  return (
    <span className="mt-0.5 block text-xs text-slate-700" data-testid="queue-partner">
      {grouped ? <span aria-hidden="true">↳ </span> : null}
      {what}{" "}
      <Link href={`${basePath}/demandes/${partner.id}`} className="whitespace-nowrap">
        {partner.number}
      </Link>{" "}
      ({STATE_LABELS[partner.state]})
    </span>
  );
}

const th = "whitespace-nowrap border-b border-slate-300 px-2 py-2 text-left font-semibold";
const td = "border-b border-slate-200 px-2 py-1.5 align-top";

/**
 * The queue as a dense table. It scrolls sideways on a small screen (a focusable region, so that
 * the keyboard can scroll it too). Each row links to the request's page of the space.
 */
export function QueueTable({
  rows,
  caption,
  basePath,
  role,
  bulkOperations,
  showCentre,
}: {
  rows: QueueRow[];
  caption: string;
  basePath: "/centre" | "/national";
  role: Role;
  bulkOperations: readonly TransitionName[];
  showCentre: boolean;
}) {
  return (
    <div role="region" aria-labelledby="file-caption" tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="queue-table">
        <caption id="file-caption" className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              <SelectAllBox />
            </th>
            <th scope="col" className={th}>Numéro</th>
            <th scope="col" className={th}>Type</th>
            <th scope="col" className={th}>État</th>
            <th scope="col" className={th}>Diplôme</th>
            <th scope="col" className={th}>Auditeur</th>
            {showCentre ? <th scope="col" className={th}>Centre</th> : null}
            <th scope="col" className={th}>Déposée le</th>
            <th scope="col" className={th}>Dernière étape</th>
            <th scope="col" className={th}>Gestionnaire</th>
          </tr>
        </thead>
        <tbody>
          {groupWithPartners(rows).map(({ row, grouped }) => (
            <tr key={row.id} className={`hover:bg-slate-50 ${grouped ? "bg-slate-50/60" : ""}`} data-grouped={grouped ? "" : undefined}>
              <td className={td}>
                {selectable(row, role, bulkOperations) ? (
                  <input
                    key={row.version}
                    type="checkbox"
                    form={BULK_FORM_ID}
                    name="item"
                    value={`${row.id}:${row.version}`}
                    aria-label={`Sélectionner la demande ${row.number}`}
                    className="h-5 w-5"
                  />
                ) : null}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <span className={grouped ? "ml-4 block" : undefined}>
                  <Link href={`${basePath}/demandes/${row.id}`} className="font-semibold">
                    {row.number}
                  </Link>
                  {row.partner ? <PartnerLine partner={row.partner} basePath={basePath} grouped={grouped} /> : null}
                </span>
              </td>
              <td className={td}>{kindLabel(row.kind, row.mode)}</td>
              <td className={td}>{STATE_LABELS[row.state]}</td>
              <td className={`${td} min-w-48`}>
                {row.diplomaCode ? <span className="font-medium">{row.diplomaCode} </span> : null}
                <span className="block text-xs text-slate-700">{row.diplomaTitle}</span>
              </td>
              <td className={td}>
                {row.learnerName}
                {row.learnerNumber ? <span className="block text-slate-700">{row.learnerNumber}</span> : null}
              </td>
              {showCentre ? <td className={td}>{row.centreName}</td> : null}
              <td className={`${td} whitespace-nowrap`}>
                <Day date={row.submittedAt} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <Day date={row.lastChangeAt} />
              </td>
              <td className={td}>{row.assignedAgentName ?? <span className="text-slate-700">Non attribuée</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
