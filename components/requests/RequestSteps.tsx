import Link from "next/link";
import { progressSteps, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { helpLinkForState } from "@/lib/help/anchors";
import { formatLongDateTime } from "@/lib/shared/dates";

// The jury's three opinions are explained together from the first of them.
const helpState = (key: RequestState | "DECISION"): RequestState => (key === "DECISION" ? "FAVOURABLE" : key);

type Event = { toState: RequestState; fromState: RequestState; at: Date };

/** Every step of the request's path: done (with its date), current, to come. */
export function RequestSteps({ kind, state, events, label }: { kind: RequestKind; state: RequestState; events: Event[]; label: string }) {
  const last = events.at(-1);
  const steps = progressSteps(kind, state, last?.fromState);
  const reachedAt = (key: string) => {
    if (key === "DRAFT") return null;
    const candidates = key === "DECISION" ? events.filter((e) => ["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"].includes(e.toState)) : events.filter((e) => e.toState === key || (key === "IN_REVIEW" && e.toState === "CORRECTION_REQUESTED"));
    return candidates.at(-1)?.at ?? null;
  };
  return (
    <ol aria-label={label} className="space-y-0">
      {steps.map((step, index) => {
        const at = step.status === "done" || step.status === "current" ? reachedAt(step.key) : null;
        const dot = step.status === "done" ? "bg-green-700 border-green-700" : step.status === "current" ? "bg-white border-brand-700 border-4" : "bg-white border-slate-400";
        return (
          <li key={`${step.key}-${index}`} className="relative flex gap-3 pb-4 last:pb-0" aria-current={step.status === "current" ? "step" : undefined}>
            {index < steps.length - 1 ? <span aria-hidden="true" className="absolute left-[9px] top-5 h-full w-0.5 bg-slate-300" /> : null}
            <span aria-hidden="true" className={`relative mt-0.5 h-5 w-5 shrink-0 rounded-full border-2 ${dot}`} />
            <div>
              <p className={step.status === "current" ? "font-semibold" : step.status === "upcoming" ? "text-slate-700" : ""}>
                {step.label}
                <span className="sr-only">{step.status === "done" ? " (étape terminée)" : step.status === "current" ? " (étape en cours)" : " (à venir)"}</span>
              </p>
              {at ? <p className="text-sm text-slate-700">{step.status === "current" ? "Depuis le " : "Le "}{formatLongDateTime(at)}</p> : null}
              <Link href={helpLinkForState(helpState(step.key))} className="text-sm">
                En savoir plus<span className="sr-only"> sur l&apos;étape « {step.label} »</span>
              </Link>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
