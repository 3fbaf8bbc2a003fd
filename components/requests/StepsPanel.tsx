import { requestTitle, type ExperienceMode, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { RequestSteps } from "./RequestSteps";

type Stepped = { kind: RequestKind; mode: ExperienceMode | null; state: RequestState; events: { toState: RequestState; fromState: RequestState; at: Date }[] };

/** The steps of a request and of its linked one (joint analysis or diploma request), side by side with the page. */
export function StepsPanel({ request, linked }: { request: Stepped; linked: Stepped | null }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="etapes" className="text-lg font-semibold">
        Étapes
      </h2>
      <div className="mt-3">
        <RequestSteps kind={request.kind} state={request.state} events={request.events} label={`Étapes de la ${requestTitle(request).toLowerCase()}`} />
      </div>
      {linked ? (
        <div className="mt-5 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{linked.kind === "EXPERIENCE" ? "Analyse conjointe" : "Demande de diplôme liée"}</h3>
          <div className="mt-2">
            <RequestSteps kind={linked.kind} state={linked.state} events={linked.events} label={`Étapes de la ${requestTitle(linked).toLowerCase()}`} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
