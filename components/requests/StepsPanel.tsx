import { STATE_LABELS, requestTitle, type ExperienceMode, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { RequestSteps } from "./RequestSteps";

type Stepped = { kind: RequestKind; mode: ExperienceMode | null; state: RequestState; events: { toState: RequestState; fromState: RequestState; at: Date }[] };

/** The steps of a request, and folded below them those of its linked one (joint analysis or diploma request). */
export function StepsPanel({ request, linked }: { request: Stepped; linked: Stepped | null }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="etapes" className="text-lg font-semibold">
        Étapes
      </h2>
      <div className="mt-3">
        <RequestSteps kind={request.kind} state={request.state} events={request.events} label={`Étapes de la ${requestTitle(request).toLowerCase()}`} />
      </div>
      {linked ? (
        // Folded: its state is in « Où en est votre dossier » already; on a phone the documents come sooner.
        <details className="mt-4 border-t border-slate-200 pt-3">
          <summary className="cursor-pointer font-semibold">
            {linked.kind === "EXPERIENCE" ? "Analyse conjointe" : "Demande de diplôme liée"} : {STATE_LABELS[linked.state].toLowerCase()}
          </summary>
          <div className="mt-2">
            <RequestSteps kind={linked.kind} state={linked.state} events={linked.events} label={`Étapes de la ${requestTitle(linked).toLowerCase()}`} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
