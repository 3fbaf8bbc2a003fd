import { ROLE_LABELS, type Role } from "@/lib/auth/domain/policy";
import { STATE_LABELS, TRANSITION_LABELS, type RequestState, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import { formatDateTime } from "@/lib/shared/dates";
import { countOf } from "@/lib/shared/text";

type HistoryEvent = {
  id: number;
  at: Date;
  actorRole: Role;
  transition: string;
  fromState: RequestState;
  toState: RequestState;
  comment: string | null;
  actor: { displayName: string } | null;
};

/**
 * The append-only history: who did what, when, and why. With `foldAfter` (the staff's page), a
 * longer history is folded under « Voir l'historique (n changements) » so that it does not
 * lengthen the page; a short one stays open.
 */
export function RequestHistory({ events, showActorNames = false, foldAfter }: { events: HistoryEvent[]; showActorNames?: boolean; foldAfter?: number }) {
  const folded = foldAfter !== undefined && events.length > foldAfter;
  const table = (
    // Wider than a phone: it scrolls in its own box, which the keyboard can reach.
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des changements d'état">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Historique des changements d&apos;état</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Action</th>
            <th scope="col" className="py-2 pr-3">Par</th>
            <th scope="col" className="py-2">Nouvel état</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at)}</td>
              <td className="py-2 pr-3">
                {TRANSITION_LABELS[e.transition as TransitionName] ?? e.transition}
                {e.comment ? <span className="block whitespace-pre-line text-slate-700">« {e.comment} »</span> : null}
              </td>
              <td className="py-2 pr-3">{e.actorRole === "AUDITEUR" ? (showActorNames ? (e.actor?.displayName ?? "Auditeur") : "Vous") : showActorNames && e.actor ? e.actor.displayName : ROLE_LABELS[e.actorRole]}</td>
              <td className="py-2">{STATE_LABELS[e.toState]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="historique" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="historique" className="text-lg font-semibold">
        Historique
      </h2>
      {folded ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-brand-800">Voir l&apos;historique ({countOf(events.length, "changement")})</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </section>
  );
}
