import { ROLE_LABELS, type Role } from "@/lib/auth/domain/policy";
import { STATE_LABELS, TRANSITION_LABELS, type RequestState, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import { formatDateTime } from "@/lib/shared/dates";

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

/** The append-only history: who did what, when, and why. */
export function RequestHistory({ events, showActorNames = false }: { events: HistoryEvent[]; showActorNames?: boolean }) {
  return (
    <section aria-labelledby="historique" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="historique" className="text-lg font-semibold">
        Historique
      </h2>
      <div className="mt-2 overflow-x-auto">
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
    </section>
  );
}
